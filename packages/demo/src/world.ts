import type { Affiliation, CountryCode, Institution, Orcid } from '@meridian/model'

/** A country of the synthetic world, with everything a work needs drawn from it precomputed. */
export interface WorldCountry {
  readonly code: CountryCode
  readonly name: string
  /** Relative research output. */
  readonly output: number
  /** Probability that a work led from here, in the middle year, is international. */
  readonly intlRate: number
  /** Index of its first institution in `World.institutions`; its institutions are contiguous. */
  readonly firstInstitution: number
  /** Cumulative output weights over its institutions (heavy-tailed: a few large universities dominate). */
  readonly institutionCum: Float64Array
  /** Cumulative partner weights over all countries: output over distance, itself excluded. */
  readonly partnerCum: Float64Array
}

/** An institution of the synthetic world. */
export interface WorldInstitution {
  readonly country: number
  readonly institution: Institution
  /** One-element affiliation lists, one per department, shared by every authorship that uses them. */
  readonly affiliations: readonly (readonly Affiliation[])[]
  /** Its authors are `firstAuthor .. firstAuthor + authorCount - 1` in the author tables. */
  readonly firstAuthor: number
  readonly authorCount: number
}

/** The small precomputed world works are drawn from: a few thousand institutions, ~150,000 authors. */
export interface World {
  readonly seed: number
  readonly countries: readonly WorldCountry[]
  /** Cumulative output weights over countries, for drawing a work's lead country. */
  readonly countryCum: Float64Array
  readonly institutions: readonly WorldInstitution[]
  readonly authorNames: readonly string[]
  readonly authorOrcids: readonly (Orcid | null)[]
}
