import { evaluate, indicator, type Coverage, type Method } from '@meridian/indicators'
import type { DataVersion } from '@meridian/store'
import { parseCountryList } from '../domain/country-list.js'
import type { PeriodQuery } from '../schemas/query.js'
import type { StoreReader } from './store-reader.js'

/** Normalisations the API offers: the `bilateral-matrix` indicator's, and its fractional counting. */
export const NORMALIZATIONS = Object.freeze([
  'counts',
  'salton',
  'jaccard',
  'association',
  'fractional',
] as const)
export type Normalization = (typeof NORMALIZATIONS)[number]

/** One cell: `value` is `null` where a normalisation divides by zero. */
export interface MatrixCell {
  readonly country: string
  readonly partner: string
  readonly value: number | null
}

/** Countries shown when none are asked for: those with most works in the period. */
const DEFAULT_COUNTRIES = 12

/** A bilateral matrix over a set of countries, normalised. */
export interface MatrixResult {
  readonly countries: readonly string[]
  readonly normalization: { readonly id: Normalization; readonly formula: string }
  readonly cells: readonly MatrixCell[]
  readonly method: Method & Readonly<Record<string, unknown>>
  readonly coverage: Coverage & Readonly<Record<string, unknown>>
  readonly data: DataVersion | null
}

/** The `bilateral-matrix` indicator over a set of countries: every ordered pair, the diagonal included. */
export async function matrix(
  store: StoreReader,
  query: PeriodQuery & {
    readonly countries?: string | undefined
    readonly normalization?: Normalization | undefined
  },
): Promise<MatrixResult> {
  const normalization = query.normalization ?? 'counts'
  const asked = query.countries === undefined ? null : parseCountryList(query.countries)
  const definition = indicator('bilateral-matrix')
  const result = await evaluate(
    store.runner,
    definition,
    {
      years: query.years ?? null,
      countryPolicy: query.countryPolicy,
      ...(normalization === 'fractional' ? { counting: 'fractional' } : { normalization }),
    },
    await store.dataVersion(),
  )
  const value = new Map(result.rows.map((r) => [`${r.country} ${r.partner}`, r.value ?? null]))
  const countries = asked ?? topCountries(result.rows, DEFAULT_COUNTRIES)
  const cells = countries.flatMap((country) =>
    countries.map((partner) => ({
      country,
      partner,
      value:
        value.get(`${country} ${partner}`) ??
        (normalization === 'counts' || normalization === 'fractional' ? 0 : null),
    })),
  )
  return {
    countries,
    normalization: { id: normalization, formula: result.method.formula },
    cells: cells.map((c) => ({ ...c, value: c.value === null ? null : Number(c.value) })),
    method: { ...result.method },
    coverage: { ...result.coverage },
    data: result.data,
  }
}

function topCountries(rows: readonly Readonly<Record<string, unknown>>[], n: number): string[] {
  return rows
    .filter((r) => r.country === r.partner)
    .map((r) => ({ country: String(r.country), works: Number(r.count ?? r.value) }))
    .sort((a, b) => b.works - a.works || a.country.localeCompare(b.country))
    .slice(0, n)
    .map((r) => r.country)
}
