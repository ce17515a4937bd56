import type { IndicatorResult, IndicatorRow } from '@meridian/indicators'
import { countryName } from '@meridian/model'

/** How many partners a profile details. */
export const TOP_PARTNERS = 10

/** The indicator results a country profile is built from (period and policy already applied). */
export interface ProfileParts {
  readonly outputByYear: IndicatorResult
  readonly internationalShareByYear: IndicatorResult
  readonly collaborationTypes: IndicatorResult
  readonly leadership: IndicatorResult
  readonly partners: IndicatorResult
  readonly matrix: IndicatorResult
  readonly matrixByYear: IndicatorResult
}

const n = (value: unknown): number => Number(value ?? 0)
const nullable = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value)
const of = (result: IndicatorResult, country: string) => result.rows.filter((r) => r.country === country)
const byYear = (a: IndicatorRow, b: IndicatorRow) => n(a.year) - n(b.year)

/** Top partners of a country with their share of its co-publications and their yearly series. */
function topPartners(parts: ProfileParts, country: string, years: readonly number[]) {
  const links = of(parts.matrix, country).filter((r) => r.partner !== country)
  const total = links.reduce((sum, r) => sum + n(r.value), 0)
  const top = [...links]
    .sort((a, b) => n(b.value) - n(a.value) || String(a.partner).localeCompare(String(b.partner)))
    .slice(0, TOP_PARTNERS)
  const yearly = of(parts.matrixByYear, country)
  return top.map((r) => {
    const partner = String(r.partner)
    const values = new Map(yearly.filter((y) => y.partner === partner).map((y) => [n(y.year), n(y.value)]))
    return {
      partner,
      name: countryName(partner),
      works: n(r.value),
      share: total === 0 ? 0 : n(r.value) / total,
      byYear: years.map((year) => ({ year, value: values.get(year) ?? 0 })),
    }
  })
}

/**
 * Assemble a country profile from indicator results: yearly output and international share, collaboration types,
 * leadership and the partner portfolio with the top partners.
 */
export function assembleProfile(parts: ProfileParts, country: string) {
  const output = of(parts.outputByYear, country)
    .filter((r) => r.year !== null)
    .sort(byYear)
    .map((r) => ({ year: n(r.year), value: n(r.value), share: nullable(r.share) }))
  const internationalShare = of(parts.internationalShareByYear, country)
    .filter((r) => r.year !== null)
    .sort(byYear)
    .map((r) => ({
      year: n(r.year),
      works: n(r.works),
      internationalWorks: n(r.internationalWorks),
      value: nullable(r.value),
    }))
  const portfolio = of(parts.partners, country)[0]
  return {
    output,
    internationalShare,
    collaborationTypes: of(parts.collaborationTypes, country)[0] ?? null,
    leadership: of(parts.leadership, country)[0] ?? null,
    partners: {
      partners: n(portfolio?.value),
      herfindahl: nullable(portfolio?.herfindahl),
      shannon: nullable(portfolio?.shannon),
      top: topPartners(
        parts,
        country,
        output.map((o) => o.year),
      ),
    },
  }
}
