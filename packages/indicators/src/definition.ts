import type { Counting, ExtraOption, IndicatorOptions, Level } from './options.js'
import type { Sql } from './sql.js'

/** A published source for a definition. */
export interface Reference {
  readonly citation: string
  readonly doi: string | null
}

/**
 * One row of a result: keyed by the unit (`country`, `institution` or `group`; `partner` for pairs) and by
 * `year` or `period` when split in time; the main figure in `value`.
 */
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
  /** Levels offered. */
  readonly levels: readonly Level[]
  readonly references: readonly Reference[]
  /** Row fields in display order (after the keys). */
  readonly columns: readonly string[]
  /** Options this indicator reads besides the common ones. */
  readonly extraOptions: readonly ExtraOption[]
  /** The row field results are sorted by (descending), after the period. */
  readonly sortBy: string
  /** The query: portable SQL over the store's fact tables; rows carry `unit` and `period`. */
  query(options: IndicatorOptions): Sql
  /**
   * For share and mean indicators: the unit's works as distinct (w, x, n) rows (weight, value, count) with `unit`
   * and `period`, such that value = Σ n·w·x / Σ n·w; stability intervals resample them.
   */
  readonly sample?: (options: IndicatorOptions) => Sql
  /** Shape the engine's rows into result rows. */
  rows(raw: readonly Record<string, unknown>[], options: IndicatorOptions): IndicatorRow[]
}

type DefinitionInput = Omit<IndicatorDefinition, 'kind' | 'levels' | 'sortBy'> & {
  readonly levels?: readonly Level[]
  readonly sortBy?: string
}

/** Freeze a definition; levels default to all, sorting to `value`. */
export function defineIndicator(definition: DefinitionInput): IndicatorDefinition {
  return Object.freeze({
    kind: 'indicator',
    ...definition,
    levels: Object.freeze([...(definition.levels ?? ['country', 'institution', 'group'])]),
    sortBy: definition.sortBy ?? 'value',
    countings: Object.freeze([...definition.countings]),
    references: Object.freeze(definition.references.map((r) => Object.freeze({ ...r }))),
    columns: Object.freeze([...definition.columns]),
    extraOptions: Object.freeze([...definition.extraOptions]),
  })
}
