/** The shapes the API server returns (see the API contract in ARCHITECTURE.md). */

export interface Reference {
  readonly citation: string
  readonly doi: string | null
}

export interface YearRange {
  readonly from: number
  readonly to: number
}

export interface Coverage {
  readonly works: number
  readonly worksWithCountry: number
  readonly worksWithoutCountry: number
  readonly internationalWorks: number
  readonly firstAuthorKnown: number
  readonly lastAuthorKnown: number
  readonly correspondingAuthorKnown: number
  readonly worksWithoutYear: number
}

export interface Method {
  readonly counting: string
  readonly countryPolicy: string
  readonly countryPolicyDescription: string
  readonly years: YearRange | null
  readonly level?: string
  readonly byYear?: boolean
  readonly options?: Readonly<Record<string, string | number>>
  readonly definition: string
  readonly formula: string
  readonly references?: readonly Reference[]
  /** One query, or (networks) one per part. */
  readonly sql: string | Readonly<Record<string, string>>
}

export interface DataStamp {
  readonly ingests: number
  readonly lastIngestAt: string | null
  readonly works: number
  readonly synthetic: boolean
}

export interface YearCounts {
  readonly year: number
  readonly works: number
  readonly worksWithCountry?: number
  readonly internationalWorks?: number
}

export interface Status {
  readonly works: number
  readonly worksWithCountry: number
  readonly internationalWorks: number
  readonly countryPolicy: string
  readonly synthetic: boolean
  readonly sources: readonly {
    readonly source: string
    readonly format: string
    readonly works: number
    readonly worksWithCountry: number
    readonly internationalWorks: number
  }[]
  readonly years: readonly YearCounts[]
  readonly data: DataStamp
}

export interface CatalogueEntry {
  readonly id: string
  readonly title: string
  readonly description: string
  readonly formula: string
  readonly countings: readonly string[]
  readonly references: readonly Reference[]
  readonly columns: readonly string[]
  readonly extraOptions: readonly string[]
}

export type Row = Readonly<Record<string, string | number | null>> & {
  readonly country: string
  readonly year?: number
  readonly partner?: string
  readonly value: number
}

export interface IndicatorResult {
  readonly indicator: string
  readonly title: string
  readonly method: Method
  readonly coverage: Coverage
  readonly rows: readonly Row[]
  readonly data: DataStamp | null
}

export interface MethodInfo {
  readonly indicator: string
  readonly title: string
  readonly countings: readonly string[]
  readonly method: Method
  readonly cli: string
}

export interface MatrixResult {
  readonly countries: readonly string[]
  readonly normalization: { readonly id: string; readonly formula: string }
  readonly cells: readonly {
    readonly country: string
    readonly partner: string
    readonly value: number | null
  }[]
  readonly method: Method
  readonly coverage: Coverage
}

export interface YearValue {
  readonly year: number
  readonly value: number | null
}

/** The method summary of a country profile; each part's full method card comes from its indicator. */
export interface ProfileMethod {
  readonly counting: string
  readonly countryPolicy: string
  readonly countryPolicyDescription: string
  readonly years: YearRange | null
  readonly level: string
  readonly indicators: readonly string[]
  readonly cli: readonly string[]
}

/** An indicator row as a profile carries it (with `valueLow` / `valueHigh` stability intervals). */
export type ProfileRow = Readonly<Record<string, number | string | null>>

/** What country and institution profiles share: the same indicators at their level. */
export interface ProfileBody {
  readonly name: string
  readonly method: ProfileMethod
  readonly output: readonly (YearValue & { readonly share: number | null })[]
  readonly internationalShare: readonly (YearValue & {
    readonly works: number
    readonly internationalWorks: number
  })[]
  readonly collaborationTypes: Readonly<Record<string, number>> | null
  readonly leadership: Readonly<Record<string, number>> | null
  /** The industry indicator's row: value = industry co-publication share, academiaIndustry. */
  readonly industry: ProfileRow | null
  /** The highly-cited indicator's row (top 10 %): value = top share, internationalTopShare. */
  readonly highlyCited: ProfileRow | null
  readonly partners: {
    readonly partners: number
    readonly herfindahl: number | null
    readonly shannon: number | null
    readonly top: readonly {
      readonly partner: string
      readonly name?: string
      readonly works: number
      readonly share: number
      /** Empty in institution profiles. */
      readonly byYear: readonly YearValue[]
    }[]
  }
  readonly coverage: Coverage
}

export interface Profile extends ProfileBody {
  readonly country: string
}

/** What the store knows of an institution. */
export interface InstitutionInfo {
  /** The store's key: a ROR id URL, else an OpenAlex id. */
  readonly institution: string
  readonly ror: string | null
  readonly openalexId: string | null
  readonly type: string | null
  readonly country: string | null
}

export interface InstitutionProfile extends ProfileBody, InstitutionInfo {}

export interface InstitutionsPage {
  readonly total: number
  readonly page: number
  readonly pageSize: number
  readonly institutions: readonly (InstitutionInfo & {
    readonly name: string | null
    readonly works: number
  })[]
}

export interface NetworkNode {
  readonly id: string
  readonly label: string
  readonly x: number
  readonly y: number
  readonly cluster: number
  readonly weight: number
}

export interface NetworkResult {
  readonly nodes: readonly NetworkNode[]
  readonly links: readonly { readonly source: string; readonly target: string; readonly strength: number }[]
  readonly method: Partial<Method> & Readonly<Record<string, unknown>>
  readonly stats: Readonly<Record<string, unknown>>
}

export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly field?: string }
}
