import type { IndicatorResult, IndicatorRow } from '@meridian/indicators'

/** How many partners a profile details. */
export const TOP_PARTNERS = 10

/** The indicator results a profile is built from (period, policy and level already applied). */
export interface ProfileParts {
  readonly outputByYear: IndicatorResult
  readonly internationalShareByYear: IndicatorResult
  readonly collaborationTypes: IndicatorResult
  readonly leadership: IndicatorResult
  readonly industry: IndicatorResult
  readonly highlyCited: IndicatorResult
  readonly partners: IndicatorResult
  readonly matrix: IndicatorResult
  /** Absent: the top partners' yearly series are empty. */
  readonly matrixByYear?: IndicatorResult
}

/** The unit a profile is about: the row key that names it (`country`, `institution`) and its id. */
export interface ProfileUnit {
  readonly key: 'country' | 'institution'
  readonly id: string
}

const n = (value: unknown): number => Number(value ?? 0)
const nullable = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value)
const of = (result: IndicatorResult, unit: ProfileUnit) => result.rows.filter((r) => r[unit.key] === unit.id)
const byYear = (a: IndicatorRow, b: IndicatorRow) => n(a.year) - n(b.year)

/** The unit's top partners by co-publications (ties by id), from the matrix. */
export function topPartnerIds(parts: Pick<ProfileParts, 'matrix'>, unit: ProfileUnit): string[] {
  return of(parts.matrix, unit)
    .filter((r) => r.partner !== unit.id)
    .sort((a, b) => n(b.value) - n(a.value) || String(a.partner).localeCompare(String(b.partner)))
    .slice(0, TOP_PARTNERS)
    .map((r) => String(r.partner))
}

/** Top partners of a unit with their share of its co-publications and their yearly series. */
function topPartners(
  parts: ProfileParts,
  unit: ProfileUnit,
  years: readonly number[],
  nameOf: (id: string) => string,
) {
  const links = of(parts.matrix, unit).filter((r) => r.partner !== unit.id)
  const total = links.reduce((sum, r) => sum + n(r.value), 0)
  const works = new Map(links.map((r) => [String(r.partner), n(r.value)]))
  const yearly = parts.matrixByYear ? of(parts.matrixByYear, unit) : null
  return topPartnerIds(parts, unit).map((partner) => {
    const values = new Map(
      (yearly ?? []).filter((y) => y.partner === partner).map((y) => [n(y.year), n(y.value)]),
    )
    const count = works.get(partner) ?? 0
    return {
      partner,
      name: nameOf(partner),
      works: count,
      share: total === 0 ? 0 : count / total,
      byYear: yearly ? years.map((year) => ({ year, value: values.get(year) ?? 0 })) : [],
    }
  })
}

/**
 * Assemble a profile from indicator results: yearly output and international share, collaboration types,
 * leadership, industry co-publication, highly cited share and the partner portfolio with the top partners.
 */
export function assembleProfile(parts: ProfileParts, unit: ProfileUnit, nameOf: (id: string) => string) {
  const output = of(parts.outputByYear, unit)
    .filter((r) => r.year !== null)
    .sort(byYear)
    .map((r) => ({ year: n(r.year), value: n(r.value), share: nullable(r.share) }))
  const internationalShare = of(parts.internationalShareByYear, unit)
    .filter((r) => r.year !== null)
    .sort(byYear)
    .map((r) => ({
      year: n(r.year),
      works: n(r.works),
      internationalWorks: n(r.internationalWorks),
      value: nullable(r.value),
    }))
  const portfolio = of(parts.partners, unit)[0]
  return {
    output,
    internationalShare,
    collaborationTypes: of(parts.collaborationTypes, unit)[0] ?? null,
    leadership: of(parts.leadership, unit)[0] ?? null,
    industry: of(parts.industry, unit)[0] ?? null,
    highlyCited: of(parts.highlyCited, unit)[0] ?? null,
    partners: {
      partners: n(portfolio?.value),
      herfindahl: nullable(portfolio?.herfindahl),
      shannon: nullable(portfolio?.shannon),
      top: topPartners(
        parts,
        unit,
        output.map((o) => o.year),
        nameOf,
      ),
    },
  }
}
