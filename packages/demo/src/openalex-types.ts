/** The subset of the current OpenAlex works schema that Meridian writes and reads. */

export interface OpenAlexDehydratedInstitution {
  readonly id: string | null
  readonly display_name: string
  readonly ror: string | null
  readonly country_code: string | null
  readonly type: string | null
  readonly lineage: readonly string[]
}

export interface OpenAlexAuthorship {
  readonly author_position: 'first' | 'middle' | 'last'
  readonly author: { readonly id: string; readonly display_name: string; readonly orcid: string | null }
  readonly institutions: readonly OpenAlexDehydratedInstitution[]
  readonly countries: readonly string[]
  readonly is_corresponding: boolean
  readonly raw_author_name: string
  readonly raw_affiliation_strings: readonly string[]
  readonly affiliations: readonly {
    readonly raw_affiliation_string: string
    readonly institution_ids: readonly string[]
  }[]
}

interface IdName {
  readonly id: string | null
  readonly display_name: string
}

export interface OpenAlexTopic extends IdName {
  readonly score: number
  readonly subfield: IdName
  readonly field: IdName
  readonly domain: IdName
}

export interface OpenAlexWorkJson {
  readonly id: string | null
  readonly doi: string | null
  readonly title: string | null
  readonly display_name: string | null
  readonly publication_year: number | null
  readonly ids: { readonly openalex?: string; readonly doi?: string; readonly pmid?: string }
  readonly type: string | null
  readonly primary_location: {
    readonly source: (IdName & { readonly type: string }) | null
  } | null
  readonly cited_by_count: number | null
  readonly primary_topic: OpenAlexTopic | null
  readonly topics: readonly OpenAlexTopic[]
  readonly authorships: readonly OpenAlexAuthorship[]
  readonly countries_distinct_count: number
  readonly institutions_distinct_count: number
  readonly corresponding_author_ids: readonly string[]
  readonly corresponding_institution_ids: readonly string[]
  readonly is_authors_truncated: boolean
  /** OpenAlex's legacy `grants[]`: one per funder and award. */
  readonly grants: readonly {
    readonly funder: string | null
    readonly funder_display_name: string | null
    readonly award_id: string | null
  }[]
}
