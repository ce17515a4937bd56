/** The shapes of CONNECT's API answers (`/api/experts`, `/api/expertise/:level`, `/api/partners/:level`). */

export type ExpertKind = 'institution' | 'author' | 'country'

/** Institution types the API filters by (the registry's). */
export const INSTITUTION_TYPES = [
  'education',
  'healthcare',
  'company',
  'archive',
  'nonprofit',
  'government',
  'facility',
  'funder',
  'other',
] as const

export interface WorkEvidence {
  readonly id: number
  readonly title: string | null
  readonly year: number | null
  readonly doi: string | null
  readonly score: number
  readonly weight: number
}

export interface ExpertHit {
  readonly id: string
  readonly label: string
  /** How the unit is keyed: `institution`, `organisation`, `country`, `orcid` or `name+institution`. */
  readonly key: string
  readonly ror: string | null
  readonly country: string | null
  readonly type: string | null
  readonly institution: string | null
  readonly rank: number
  readonly score: number
  readonly matchingWorks: number
  readonly evidence: readonly WorkEvidence[]
}

export interface ExpertSearch {
  readonly query: string
  readonly total: number
  readonly matchingWorks: number
  readonly page: number
  readonly pageSize: number
  readonly rows: readonly ExpertHit[]
  readonly method: {
    readonly engine: string
    readonly fields: Readonly<Record<string, number>>
    readonly tokenizer: string
    readonly texts: Readonly<Record<string, boolean>>
    readonly aggregation: string
    readonly researcherKey: string
    readonly notes: readonly string[]
  }
}

export interface Trend {
  readonly recent: number | null
  readonly previous: number | null
  readonly change: number | null
}

export interface TopicShare {
  readonly name: string
  readonly works: number
  readonly share: number
  readonly trend: Trend
}

export interface ExpertisePartner {
  readonly id: string
  readonly name: string | null
  readonly works: number
  readonly share: number
  readonly trend: Trend
}

export interface ExpertiseProfile {
  readonly level: ExpertKind
  readonly unit: string
  readonly name: string | null
  readonly keyBasis: 'orcid' | 'name' | null
  readonly sameName: readonly string[]
  readonly fields: readonly TopicShare[]
  readonly keywords: readonly TopicShare[]
  readonly terms: readonly {
    readonly term: string
    readonly kind: string
    readonly works: number
    readonly weight: number
  }[]
  readonly partners: {
    readonly count: number | null
    readonly countries: readonly ExpertisePartner[]
    readonly institutions: readonly ExpertisePartner[]
  }
  readonly production: {
    readonly works: number
    readonly fractionalWorks: number
    readonly byYear: readonly { readonly year: number; readonly full: number; readonly fractional: number }[]
    readonly citationsPerWork: number | null
    readonly mncs: number | null
    readonly highlyCitedShare: number | null
    readonly industryShare: number | null
    readonly firstAuthorWorks: number | null
    readonly correspondingWorks: number | null
  }
  readonly method: {
    readonly countryPolicy: string
    readonly counting: string
    readonly years: { readonly from: number; readonly to: number } | null
    readonly trendWindows: {
      readonly recent: { readonly from: number; readonly to: number }
      readonly previous: { readonly from: number; readonly to: number }
    } | null
    readonly trend: string
    readonly topics: string
    readonly termWeighting: string | null
    readonly indicators: Readonly<Record<string, string>>
    readonly coverage: { readonly works: number; readonly worksWithField: number }
  }
}

export interface BacktestRow {
  readonly model: string
  readonly auc: number
  readonly precisionAt20: number
  readonly recallAt20: number
}

export interface PartnerSuggestions {
  readonly unit: { readonly id: string; readonly label: string }
  readonly rows: readonly {
    readonly partner: string
    readonly label: string
    readonly score: number
    readonly reasons: readonly { readonly kind: string; readonly text: string }[]
  }[]
  readonly candidates: number
  readonly backtest: {
    readonly hits: number | null
    readonly k: number
    readonly from: number
    readonly to: number
    readonly text: string
    readonly rows: readonly BacktestRow[]
  }
  readonly method: {
    readonly source: string
    readonly level: string
    readonly period: string
    readonly horizon: number
    readonly candidates: string
    readonly score: string
    readonly weights: Readonly<Record<string, number>>
  }
}
