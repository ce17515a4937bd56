import type { CountryCode } from './country.js'
import type { Funding } from './funding.js'
import type { Doi, OpenAlexId, Orcid, Pmid, ScopusEid, WosUt } from './ids.js'
import type { Institution } from './institution.js'
import type { Provenance } from './provenance.js'

/** One affiliation of one author on one work: the raw string, what it resolved to, and its country. */
export interface Affiliation {
  /** The address as the source wrote it, when it gave one. */
  readonly raw: string | null
  readonly institution: Institution | null
  /** ISO code of the affiliation's country as the source gives it (UK nations folded into GB). */
  readonly country: CountryCode | null
}

/** An author's place on a work. */
export interface Authorship {
  /** 0-based position in author order. */
  readonly position: number
  readonly name: string
  readonly orcid: Orcid | null
  /** `true`/`false` when the source says; `null` when it does not tell. */
  readonly isCorresponding: boolean | null
  readonly affiliations: readonly Affiliation[]
}

/** The countries bibliometrix would extract from a record (its `AU_CO` and `AU1_CO` fields), as ISO codes. */
export interface BibliometrixCountries {
  /** Distinct countries of all addresses (bibliometrix `AU_CO`), in bibliometrix's list order. */
  readonly countries: readonly CountryCode[]
  /** The corresponding author's country (bibliometrix `AU1_CO`): reprint address, else the first address. */
  readonly corresponding: CountryCode | null
}

/**
 * A term saying what a work is about. `kind`: `author` (the authors' keywords), `index` (terms a database
 * assigned: WoS Keywords Plus, Scopus index keywords, MeSH, OpenAlex keywords), `topic` (OpenAlex topics),
 * `concept` (OpenAlex concepts, read only when a record has no topics).
 */
export interface WorkKeyword {
  /** As the source wrote it, trimmed, inner whitespace collapsed; case kept. */
  readonly keyword: string
  readonly kind: 'author' | 'index' | 'topic' | 'concept'
  /** The source's relevance score (OpenAlex), else `null`. */
  readonly score: number | null
}

/** Identifiers a work may carry; any of them keys it in the store. */
export interface WorkIds {
  readonly doi: Doi | null
  readonly openalex: OpenAlexId | null
  readonly wos: WosUt | null
  readonly scopus: ScopusEid | null
  readonly pmid: Pmid | null
}

/** The canonical record of a scholarly work, whatever source it came from. */
export interface Work {
  readonly ids: WorkIds
  readonly year: number | null
  /** Document type, lower case, as the source names it (`article`, `review`, `letter`...). */
  readonly type: string | null
  /** Journal, book or proceedings title. */
  readonly sourceTitle: string | null
  readonly title: string | null
  /** The abstract as plain text (markup stripped), when the source gives one. */
  readonly abstract: string | null
  /** Keywords, index terms and topics, distinct per kind; empty when the source gives none. */
  readonly keywords: readonly WorkKeyword[]
  readonly citedBy: number | null
  /** Fields, subject categories or topics, where the source gives them. */
  readonly fields: readonly string[]
  readonly authorships: readonly Authorship[]
  /**
   * The reprint (corresponding) address, for sources that give one apart from the authors' addresses
   * (Web of Science `RP`). Its country decides the corresponding-author country when present.
   */
  readonly correspondingAddress: Affiliation | null
  /**
   * What bibliometrix's own country extraction reports for this record, for sources it reads (WoS): the
   * `bibliometrix` country policy uses it instead of our extraction so its tables can be reproduced exactly.
   * `null` for other sources.
   */
  readonly bibliometrix: BibliometrixCountries | null
  /** `true` when the source says its author list is cut short. */
  readonly authorsTruncated: boolean
  /** Funders and awards the record names, one row per funder and award; empty when it names none. */
  readonly funding: readonly Funding[]
  /** `true` for records of the generated demo corpus. */
  readonly synthetic: boolean
  readonly provenance: Provenance
}

/** Empty identifiers, to spread and fill in. */
export const NO_IDS: WorkIds = Object.freeze({
  doi: null,
  openalex: null,
  wos: null,
  scopus: null,
  pmid: null,
})
