import { evaluate, indicator, renderInline, type Coverage, type Method } from '@meridian/indicators'
import type { DataVersion } from '@meridian/store'
import { parseCountryList } from '../domain/country-list.js'
import {
  fractionalMatrix,
  normalizeMatrix,
  NORMALIZATION_FORMULAS,
  type MatrixCell,
  type Normalization,
  type PairCount,
} from '../domain/matrix-normalization.js'
import { sizedPairCountsQuery } from '../queries/sized-pair-counts.js'
import type { PeriodQuery } from '../schemas/query.js'
import type { StoreReader } from './store-reader.js'

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

/** Compute the bilateral matrix from the `bilateral-matrix` indicator, then normalise it. */
export async function matrix(
  store: StoreReader,
  query: PeriodQuery & {
    readonly countries?: string | undefined
    readonly normalization?: Normalization | undefined
  },
): Promise<MatrixResult> {
  const normalization = query.normalization ?? 'counts'
  const asked = query.countries === undefined ? null : parseCountryList(query.countries)
  const input = { years: query.years ?? null, countryPolicy: query.countryPolicy }
  const full = await evaluate(store.runner, indicator('bilateral-matrix'), input, await store.dataVersion())
  const pairs: PairCount[] = full.rows.map((r) => ({
    country: String(r.country),
    partner: String(r.partner),
    value: Number(r.value),
  }))
  const countries = asked ?? topCountries(pairs, DEFAULT_COUNTRIES)
  const formula = NORMALIZATION_FORMULAS[normalization]
  if (normalization !== 'fractional')
    return {
      countries,
      normalization: { id: normalization, formula },
      cells: normalizeMatrix(pairs, countries, normalization, full.coverage.worksWithCountry),
      method: { ...full.method },
      coverage: { ...full.coverage },
      data: full.data,
    }
  const sizedQuery = sizedPairCountsQuery({
    countryPolicy: full.method.countryPolicy,
    years: full.method.years,
    countries,
  })
  const sized = (await store.runner.all(sizedQuery)).map((r) => ({
    country: String(r.country),
    partner: String(r.partner),
    countries: Number(r.n_countries),
    value: Number(r.value),
  }))
  return {
    countries,
    normalization: { id: normalization, formula },
    cells: fractionalMatrix(sized, countries),
    method: { ...full.method, counting: 'fractional', formula, sql: renderInline(sizedQuery) },
    coverage: { ...full.coverage },
    data: full.data,
  }
}

function topCountries(pairs: readonly PairCount[], n: number): string[] {
  return pairs
    .filter((p) => p.country === p.partner)
    .sort((a, b) => b.value - a.value || a.country.localeCompare(b.country))
    .slice(0, n)
    .map((p) => p.country)
}
