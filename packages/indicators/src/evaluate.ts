import { COUNTRY_POLICIES, type CountryPolicyId } from '@meridian/model'
import type { IndicatorDefinition, IndicatorRow, Reference } from './definition.js'
import { coverageQuery, toCoverage, type Coverage } from './coverage.js'
import { bootstrap, type Interval } from './bootstrap.js'
import {
  normalizeOptions,
  type Counting,
  type IndicatorOptions,
  type IndicatorOptionsInput,
  type YearRange,
} from './options.js'
import type { WorkSelection } from './work-selection.js'
import { createRng } from './rng.js'
import { rowKeys } from './units.js'
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
  readonly rollUp: boolean
  /** The works counted, as declared (`null`: all works). */
  readonly works: WorkSelection | null
  /** Only works with one of these fields (any position), or `null` for all. */
  readonly fields: readonly string[] | null
  readonly options: Readonly<Record<string, string | number>>
  readonly definition: string
  readonly formula: string
  readonly references: readonly Reference[]
  readonly sql: string
  /** How stability intervals were made, or `null` when the indicator has none or they were switched off. */
  readonly intervals: IntervalMethod | null
}

/** The stability-interval method: shown on every result that carries `valueLow` / `valueHigh`. */
export interface IntervalMethod {
  readonly level: 0.95
  readonly resamples: number
  readonly seed: number
  readonly exactUpTo: number
  readonly description: string
}

const EXACT_UP_TO = 500

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

/**
 * Round non-integers to 12 significant digits: parallel floating-point sums differ in the last bits from run to
 * run, and a result must be the same byte for byte on the same store.
 */
function stable(row: IndicatorRow): IndicatorRow {
  const out: Record<string, string | number | null> = {}
  for (const [key, value] of Object.entries(row))
    out[key] = typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(12)) : value
  return out
}

const KEYS = ['year', 'period'] as const
const NAMES = ['country', 'institution', 'group', 'partner'] as const
// One collator for every comparison: `localeCompare` with a locale builds one per call, which made sorting a
// yearly matrix (thousands of rows) take most of a second.
const NUMERIC = new Intl.Collator('en', { numeric: true })

/** A total order, so the same store gives the same rows byte for byte: period, figure (descending), keys. */
function sortRows(rows: IndicatorRow[], sortBy: string): IndicatorRow[] {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v))
  return rows.sort((a, b) => {
    for (const k of KEYS) if (a[k] !== b[k]) return NUMERIC.compare(text(a[k]), text(b[k]))
    const x = a[sortBy]
    const y = b[sortBy]
    if (x !== y) return (typeof y === 'number' ? y : -Infinity) - (typeof x === 'number' ? x : -Infinity)
    for (const k of NAMES) if (a[k] !== b[k]) return text(a[k]) < text(b[k]) ? -1 : 1
    return 0
  })
}

const sampleKey = (row: Record<string, unknown>): string =>
  [row.country ?? row.institution ?? row.group, row.year ?? row.period ?? ''].join('|')

/** Add `valueLow` / `valueHigh` to each row from its unit's sample; units are taken in key order, so seeded. */
function attachIntervals(
  rows: IndicatorRow[],
  samples: readonly Record<string, unknown>[],
  options: IndicatorOptions,
): IndicatorRow[] {
  const byUnit = new Map<string, { w: number[]; x: number[]; n: number[] }>()
  for (const s of samples) {
    const key = sampleKey(rowKeys(s, options))
    let entry = byUnit.get(key)
    if (!entry) byUnit.set(key, (entry = { w: [], x: [], n: [] }))
    entry.w.push(Number(s.w))
    entry.x.push(Number(s.x))
    entry.n.push(Number(s.n))
  }
  const rng = createRng(options.seed)
  const intervals = new Map<string, Interval | null>()
  for (const key of [...byUnit.keys()].sort()) {
    const e = byUnit.get(key)
    if (!e) continue
    const order = e.w
      .map((_, i) => i)
      .sort((i, j) => (e.w[i] ?? 0) - (e.w[j] ?? 0) || (e.x[i] ?? 0) - (e.x[j] ?? 0))
    const sample = {
      weights: Float64Array.from(order, (i) => e.w[i] ?? 0),
      values: Float64Array.from(order, (i) => e.x[i] ?? 0),
      counts: Float64Array.from(order, (i) => e.n[i] ?? 0),
    }
    intervals.set(key, bootstrap(sample, { rng, resamples: options.resamples, exactUpTo: EXACT_UP_TO }))
  }
  return rows.map((row) => {
    const interval = intervals.get(sampleKey(row))
    return stable({ ...row, valueLow: interval?.low ?? null, valueHigh: interval?.high ?? null })
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
    rollUp: options.rollUp,
    works: options.works,
    fields: options.fields,
    options: Object.freeze(extra),
    definition: definition.description,
    formula: definition.formula,
    references: definition.references,
    sql: renderInline(definition.query(options)),
    intervals:
      options.intervals && definition.sample
        ? {
            level: 0.95 as const,
            resamples: options.resamples,
            seed: options.seed,
            exactUpTo: EXACT_UP_TO,
            description:
              `95 % percentile interval from ${options.resamples} bootstrap resamples of the unit's works ` +
              `(seed ${options.seed}); units with more than ${EXACT_UP_TO} works use the normal approximation ` +
              'of the bootstrap distribution (delta method for a ratio of means).',
          }
        : null,
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
  const withIntervals = options.intervals && definition.sample !== undefined
  const [rows, coverage, samples] = await Promise.all([
    runner.all(definition.query(options)),
    runner.all(coverageQuery(options)),
    withIntervals && definition.sample ? runner.all(definition.sample(options)) : Promise.resolve(null),
  ])
  const shaped = definition.rows(rows, options).map(stable)
  return {
    indicator: definition.id,
    title: definition.title,
    method: describe(definition, input),
    coverage: toCoverage(coverage, options),
    rows: sortRows(samples ? attachIntervals(shaped, samples, options) : shaped, definition.sortBy),
    data,
  }
}
