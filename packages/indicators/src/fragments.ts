import type { IndicatorOptions } from './options.js'
import { raw, sql, type Sql } from './sql.js'

/** `AND <alias>.policy = ? AND <alias>.year BETWEEN ? AND ?` for a fact table alias. */
export function factFilter(alias: string, options: IndicatorOptions): Sql {
  const policy = sql`${raw(alias)}.policy = ${options.countryPolicy}`
  if (!options.years) return policy
  return sql`${policy} AND ${raw(alias)}.year BETWEEN ${options.years.from} AND ${options.years.to}`
}

/** The grouping keys: `country`, plus `year` when by year. */
export function keys(alias: string, options: IndicatorOptions): Sql {
  return options.byYear ? raw(`${alias}.country, ${alias}.year`) : raw(`${alias}.country`)
}

/** `ORDER BY` for keyed rows: by year first when by year, then by `order` (a trusted column list). */
export function orderBy(options: IndicatorOptions, order: string): Sql {
  return raw(`ORDER BY ${options.byYear ? 'year, ' : ''}${order}`)
}

/** A number from an engine row (counts arrive as numbers or strings depending on the engine). */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value)
}

/** A ratio, or `null` when the denominator is zero. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator
}

/** The key fields of a row: `country`, and `year` when by year. */
export function keyFields(
  row: Record<string, unknown>,
  options: IndicatorOptions,
): Record<string, string | number> {
  return options.byYear
    ? { country: String(row.country), year: num(row.year) }
    : { country: String(row.country) }
}
