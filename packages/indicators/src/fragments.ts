import type { IndicatorOptions } from './options.js'
import { raw, sql, type Sql } from './sql.js'
import { units } from './units.js'

/** `WITH u AS (<units>)`: the relation every indicator reads; `facts: false` when it reads no work-level fact. */
export function withUnits(o: IndicatorOptions, options: { readonly facts?: boolean } = {}): Sql {
  return sql`WITH u AS (${units(o, options)})`
}

/** Credit-weighted sum of a boolean condition over `u`. */
export function creditWhere(credit: Sql, condition: string): Sql {
  return sql`sum(CASE WHEN ${raw(condition)} THEN ${credit} ELSE 0 END)`
}

/** A number from an engine row (counts arrive as numbers or strings depending on the engine). */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value)
}

/** A number, or `null` when the engine gave none. */
export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value)
}

/** A ratio, or `null` when the denominator is zero. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator
}

/** All the counting methods that weight a unit's works. */
export const WEIGHTED = [
  'full',
  'fractional',
  'first-author',
  'last-author',
  'corresponding-author',
  'author-appearance',
] as const

/** A sample query for stability intervals: distinct (weight, value) pairs per unit and period, with counts. */
export function sampleOf(
  o: IndicatorOptions,
  weight: Sql,
  value: Sql,
  filter: Sql = raw('1 = 1'),
  ctes: Sql = raw(''),
  joins: Sql = raw(''),
): Sql {
  return sql`${withUnits(o)}${ctes}
    SELECT unit, period, w, x, count(*) AS n FROM (
      SELECT u.unit, u.period, ${weight} AS w, ${value} AS x FROM u ${joins} WHERE ${filter}
    ) s GROUP BY unit, period, w, x`
}
