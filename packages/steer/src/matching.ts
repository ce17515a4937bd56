import { cosine } from './did.js'

/** What an institution is matched on, over the pre-period. */
export interface MatchProfile {
  readonly institution: string
  /** Works per primary field, in one field order shared by every profile. */
  readonly fields: Float64Array
  /** ln(1 + output) over the pre-period. */
  readonly size: number
  /** Least-squares slope of yearly output over the pre-period, divided by the mean yearly output (≥ 1). */
  readonly trend: number
}

/** A comparison institution chosen by matching, with its distance to the nearest participant. */
export interface MatchedInstitution {
  readonly institution: string
  readonly distance: number
  readonly nearest: string
}

/** The matching distance, as the report states it. */
export const MATCH_DISTANCE =
  'd = √((1 − cos(field mix))² + (Δ ln(1 + pre-period output))² + (Δ relative pre-period trend)²)'

/** The distance between two profiles (see {@link MATCH_DISTANCE}). */
export function matchDistance(a: MatchProfile, b: MatchProfile): number {
  return Math.sqrt((1 - cosine(a.fields, b.fields)) ** 2 + (a.size - b.size) ** 2 + (a.trend - b.trend) ** 2)
}

/**
 * The comparison group matched to the participants: for each participant its `k` nearest candidates (ties by
 * institution id), pooled; an institution picked for several participants keeps its smallest distance.
 */
export function matchComparison(
  participants: readonly MatchProfile[],
  candidates: readonly MatchProfile[],
  k: number,
): MatchedInstitution[] {
  const chosen = new Map<string, MatchedInstitution>()
  for (const p of participants) {
    const near = candidates
      .map((c) => ({ institution: c.institution, distance: matchDistance(p, c), nearest: p.institution }))
      .sort((x, y) => x.distance - y.distance || (x.institution < y.institution ? -1 : 1))
      .slice(0, k)
    for (const m of near) {
      const seen = chosen.get(m.institution)
      if (!seen || m.distance < seen.distance) chosen.set(m.institution, m)
    }
  }
  return [...chosen.values()].sort(
    (x, y) => x.distance - y.distance || (x.institution < y.institution ? -1 : 1),
  )
}
