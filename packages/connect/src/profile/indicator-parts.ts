import {
  evaluate,
  indicator,
  type IndicatorOptionsInput,
  type IndicatorRow,
  type SqlRunner,
} from '@meridian/indicators'
import type { Scope } from './unit-works.js'

/** Which indicator feeds each part of a country or institution profile (options besides the common ones). */
export const PARTS = Object.freeze({
  outputByYear: ['output', { byYear: true, counting: 'full' }],
  fractionalByYear: ['output', { byYear: true, counting: 'fractional' }],
  output: ['output', { counting: 'full' }],
  fractional: ['output', { counting: 'fractional' }],
  partners: ['partners', {}],
  leadFirst: ['pair-leadership', { role: 'first' }],
  leadCorresponding: ['pair-leadership', { role: 'corresponding' }],
  citations: ['citations', {}],
  highlyCited: ['highly-cited', { top: 10 }],
  industry: ['industry', {}],
} as const satisfies Record<string, readonly [string, IndicatorOptionsInput]>)

export type Part = keyof typeof PARTS

/** Rows of each part, grouped by unit. */
export type PartRows = Readonly<Record<Part, ReadonlyMap<string, readonly IndicatorRow[]>>>

/**
 * Evaluate every part once for all units of the level (the engine computes all units in one query), so a batched
 * build shares them and each profile reads its unit's rows: the profile and `meridian indicators` agree by
 * construction.
 */
export async function evaluateParts(runner: SqlRunner, s: Scope): Promise<PartRows> {
  const level = s.level === 'author' ? 'country' : s.level
  const entries = await Promise.all(
    Object.entries(PARTS).map(async ([part, [id, extra]]) => {
      const result = await evaluate(runner, indicator(id), {
        level,
        years: s.years,
        rollUp: s.rollUp,
        countryPolicy: s.countryPolicy,
        intervals: false,
        ...extra,
      })
      const byUnit = new Map<string, IndicatorRow[]>()
      for (const row of result.rows) {
        const unit = String(row[level])
        if (s.unit !== null && unit !== s.unit) continue
        const list = byUnit.get(unit)
        if (list) list.push(row)
        else byUnit.set(unit, [row])
      }
      return [part, byUnit] as const
    }),
  )
  return Object.fromEntries(entries) as unknown as PartRows
}
