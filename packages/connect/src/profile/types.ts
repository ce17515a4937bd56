import type { CountryPolicyId } from '@meridian/model'
import type { YearRange } from '@meridian/indicators'

/** The unit levels a profile describes. */
export const PROFILE_LEVELS = Object.freeze(['country', 'institution', 'author'] as const)
export type ProfileLevel = (typeof PROFILE_LEVELS)[number]

/** A share in two windows: the last three years of the period and the three before. */
export interface Trend {
  /** The share (or count) in the last three years of the period. */
  readonly recent: number | null
  /** The same in the three years before them. */
  readonly previous: number | null
  /** recent − previous; `null` when either is unknown. */
  readonly change: number | null
}

/** A field (or keyword) the unit works on: its works, their share of the unit's works and the trend. */
export interface TopicShare {
  readonly name: string
  readonly works: number
  readonly share: number
  readonly trend: Trend
}

/** A term weighted TF-IDF with recency and citation weights (only when the store has keywords). */
export interface TermWeight {
  readonly term: string
  readonly kind: string
  readonly works: number
  readonly weight: number
}

/** A partner unit: works together, their share of the unit's works, trend, and who leads them. */
export interface Partner {
  readonly id: string
  readonly name: string | null
  readonly works: number
  readonly share: number
  /** Works together in the last three years vs the three before (counts, not shares). */
  readonly trend: Trend
  /** Same-level partners only (from `pair-leadership`); `null` otherwise. */
  readonly leadership: Leadership | null
}

/** Of the works shared with a partner where the role is known: led by the unit, led by the partner. */
export interface Leadership {
  readonly firstAuthor: { readonly known: number; readonly led: number; readonly partnerLed: number }
  readonly corresponding: { readonly known: number; readonly led: number; readonly partnerLed: number }
}

/** Output in one year under full and fractional counting. */
export interface YearOutput {
  readonly year: number
  readonly full: number
  readonly fractional: number
}

/** What the unit produces. */
export interface Production {
  readonly works: number
  readonly fractionalWorks: number
  readonly byYear: readonly YearOutput[]
  readonly citationsPerWork: number | null
  /** Mean normalised citation score (indicator `citations`); `null` at author level. */
  readonly mncs: number | null
  /** Share in the top 10 % of field and year (indicator `highly-cited`); `null` at author level. */
  readonly highlyCitedShare: number | null
  /** Share of works with a company (indicator `industry`, or `work_facts.industry` at author level). */
  readonly industryShare: number | null
  /** Authors only: works where the author is first, or corresponding; `null` at other levels. */
  readonly firstAuthorWorks: number | null
  readonly correspondingWorks: number | null
}

/** How the profile was computed: enough to reproduce it. */
export interface ProfileMethod {
  readonly level: ProfileLevel
  readonly countryPolicy: CountryPolicyId
  readonly counting: string
  /** The period asked for, or `null` for all years. */
  readonly years: YearRange | null
  /** The windows trends compare. */
  readonly trendWindows: { readonly recent: YearRange; readonly previous: YearRange } | null
  readonly trend: string
  readonly rollUp: boolean
  /** `fields` or `fields+keywords` (when the store has `work_keywords`). */
  readonly topics: 'fields' | 'fields+keywords'
  readonly termWeighting: string | null
  /** Which indicators fed which part. */
  readonly indicators: Readonly<Record<string, string>>
  readonly coverage: { readonly works: number; readonly worksWithField: number }
  /** The store's data version, when the runner gives one. */
  readonly dataVersion: unknown
}

/** An expertise profile of a country, institution or author. */
export interface Profile {
  readonly kind: 'profile'
  readonly level: ProfileLevel
  /** The unit's key: ISO code, institution key (ROR id) or author key (`orcid:...` or the name). */
  readonly unit: string
  readonly name: string | null
  /** Authors only: `orcid`, or `name` when no ORCID keys the author (works of that name without an ORCID). */
  readonly keyBasis: 'orcid' | 'name' | null
  /** Name-keyed authors: ORCID keys of authorships with the same name, not counted here (never merged). */
  readonly sameName: readonly string[]
  readonly fields: readonly TopicShare[]
  readonly keywords: readonly TopicShare[]
  readonly terms: readonly TermWeight[]
  readonly partners: {
    /** Number of same-level partners (indicator `partners`); `null` at author level. */
    readonly count: number | null
    readonly countries: readonly Partner[]
    readonly institutions: readonly Partner[]
  }
  readonly production: Production
  readonly method: ProfileMethod
}
