import { COUNTRY_POLICIES, type CountryPolicyId } from '@meridian/model'
import type { IndicatorDefinition, IndicatorRow, Reference } from './definition.js'
import { coverageQuery, toCoverage, type Coverage } from './coverage.js'
import { normalizeOptions, type Counting, type IndicatorOptionsInput, type YearRange } from './options.js'
import { renderInline, type SqlRunner } from './sql.js'

/** How a result was computed: enough to reproduce it and to render a method card. */
export interface Method {
  readonly counting: Counting
  readonly countryPolicy: CountryPolicyId
  readonly countryPolicyDescription: string
  readonly years: YearRange | null
  readonly level: string
  readonly byYear: boolean
  readonly window: number | null
  readonly groups: Readonly<Record<string, readonly string[]>> | null
  readonly options: Readonly<Record<string, string | number>>
  readonly definition: string
  readonly formula: string
  readonly references: readonly Reference[]
  readonly sql: string
}

/** An indicator's answer: its rows, the method that produced them, and the coverage of the data. */
export interface IndicatorResult<Stamp = unknown> {
  readonly indicator: string
  readonly title: string
  readonly method: Method
  readonly coverage: Coverage
  readonly rows: readonly IndicatorRow[]
  /** What the caller says of the data (store version, synthetic flag), passed through untouched. */
  readonly data: Stamp | null
}

const KEYS = ['year', 'period'] as const
const NAMES = ['country', 'institution', 'group', 'partner'] as const

/** A total order, so the same store gives the same rows byte for byte: period, figure (descending), keys. */
function sortRows(rows: IndicatorRow[], sortBy: string): IndicatorRow[] {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v))
  return rows.sort((a, b) => {
    for (const k of KEYS)
      if (a[k] !== b[k]) return text(a[k]).localeCompare(text(b[k]), 'en', { numeric: true })
    const x = a[sortBy]
    const y = b[sortBy]
    if (x !== y) return (typeof y === 'number' ? y : -Infinity) - (typeof x === 'number' ? x : -Infinity)
    for (const k of NAMES) if (a[k] !== b[k]) return text(a[k]) < text(b[k]) ? -1 : 1
    return 0
  })
}

/** The method object of an indicator for a set of options, without running it (`meridian explain`). */
export function describe(definition: IndicatorDefinition, input: IndicatorOptionsInput = {}): Method {
  const options = normalizeOptions(input, definition)
  const extra: Record<string, string | number> = {}
  for (const key of definition.extraOptions) extra[key] = options[key]
  return Object.freeze({
    counting: options.counting,
    countryPolicy: options.countryPolicy,
    countryPolicyDescription: COUNTRY_POLICIES[options.countryPolicy].description,
    years: options.years,
    level: options.level,
    byYear: options.byYear,
    window: options.window,
    groups: options.groups,
    options: Object.freeze(extra),
    definition: definition.description,
    formula: definition.formula,
    references: definition.references,
    sql: renderInline(definition.query(options)),
  })
}

/**
 * Compute an indicator through a SQL runner.
 * @example
 *   const result = await evaluate(store.runner, indicator('international-share'), { years: '2015-2020' })
 */
export async function evaluate<Stamp = unknown>(
  runner: SqlRunner,
  definition: IndicatorDefinition,
  input: IndicatorOptionsInput = {},
  data: Stamp | null = null,
): Promise<IndicatorResult<Stamp>> {
  const options = normalizeOptions(input, definition)
  const [rows, [coverage]] = await Promise.all([
    runner.all(definition.query(options)),
    runner.all(coverageQuery(options)),
  ])
  return {
    indicator: definition.id,
    title: definition.title,
    method: describe(definition, input),
    coverage: toCoverage(coverage, options),
    rows: sortRows(definition.rows(rows, options), definition.sortBy),
    data,
  }
}
