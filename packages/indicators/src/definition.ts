import type { Counting, IndicatorOptions } from './options.js'
import type { Sql } from './sql.js'

/** A published source for a definition. */
export interface Reference {
  readonly citation: string
  readonly doi: string | null
}

/** One row of a result: keyed by `country` (and `partner`, `year` where they apply), main figure in `value`. */
export type IndicatorRow = Readonly<Record<string, string | number | null>>

/** A frozen indicator definition: what it measures, how it counts, and the SQL that computes it. */
export interface IndicatorDefinition {
  readonly kind: 'indicator'
  readonly id: string
  readonly title: string
  readonly description: string
  readonly formula: string
  /** Counting methods offered; the first is the default. */
  readonly countings: readonly Counting[]
  readonly references: readonly Reference[]
  /** Row fields in display order (after the keys). */
  readonly columns: readonly string[]
  /** Options this indicator reads besides the common ones. */
  readonly extraOptions: readonly ('minCopublications' | 'role')[]
  /** The query, portable SQL over the store's fact tables (`work_facts`, `work_countries`). */
  query(options: IndicatorOptions): Sql
  /** Shape the engine's rows into result rows. */
  rows(raw: readonly Record<string, unknown>[], options: IndicatorOptions): IndicatorRow[]
}

/** Freeze a definition. */
export function defineIndicator(definition: Omit<IndicatorDefinition, 'kind'>): IndicatorDefinition {
  return Object.freeze({
    kind: 'indicator',
    ...definition,
    countings: Object.freeze([...definition.countings]),
    references: Object.freeze(definition.references.map((r) => Object.freeze({ ...r }))),
    columns: Object.freeze([...definition.columns]),
    extraOptions: Object.freeze([...definition.extraOptions]),
  })
}
