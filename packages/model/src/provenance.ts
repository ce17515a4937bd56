/** The formats Meridian reads. */
export const SOURCE_FORMATS = Object.freeze([
  'openalex-jsonl',
  'openalex-api-page',
  'wos-plaintext',
  'wos-tabdelimited',
  'wos-bibtex',
  'scopus-csv',
  'scopus-bibtex',
  'pubmed-medline',
  'ris',
  'crossref-json',
  'lens-csv',
  'dimensions-csv',
  'openalex-csv',
  'synthetic',
] as const)
export type SourceFormat = (typeof SOURCE_FORMATS)[number]

/** The bibliographic database a record came from. */
export type SourceName =
  'openalex' | 'wos' | 'scopus' | 'pubmed' | 'crossref' | 'lens' | 'dimensions' | 'unknown' | 'synthetic'

/** Where a record was read: which file, which line (1-based, the record's first line), which format. */
export interface Provenance {
  readonly source: SourceName
  readonly format: SourceFormat
  readonly file: string
  readonly line: number
}
