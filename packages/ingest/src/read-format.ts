import { MeridianError, type ReadItem, type ReadOptions, type SourceFormat } from '@meridian/model'
import { readOpenAlexApiPage, readOpenAlexJsonl } from './openalex/index.js'
import { readWosPlaintext, readWosTabDelimited } from './wos/index.js'
import { readScopusBibtex, readWosBibtex } from './bibtex/index.js'
import { readCrossrefJson } from './crossref/index.js'
import { readDimensionsCsv } from './dimensions/index.js'
import { readLensCsv } from './lens/index.js'
import { readOpenAlexCsv } from './openalex-csv/index.js'
import { readPubmedMedline } from './pubmed/index.js'
import { readRis } from './ris/index.js'
import { readScopusCsv } from './scopus/index.js'
import { wholeDocument } from './values/index.js'

/** A reader: lines in, located works and problems out. */
export type Reader = (lines: AsyncIterable<string>, options: ReadOptions) => AsyncIterable<ReadItem>

async function* apiPage(lines: AsyncIterable<string>, options: ReadOptions): AsyncIterable<ReadItem> {
  const text = await wholeDocument(lines, options.file)
  if (typeof text === 'string') yield* readOpenAlexApiPage(text, options)
  else yield text
}

const READERS: Readonly<Record<SourceFormat, Reader | null>> = Object.freeze({
  'openalex-jsonl': readOpenAlexJsonl,
  'openalex-api-page': apiPage,
  'wos-plaintext': readWosPlaintext,
  'wos-tabdelimited': readWosTabDelimited,
  'wos-bibtex': readWosBibtex,
  'scopus-csv': readScopusCsv,
  'scopus-bibtex': readScopusBibtex,
  'pubmed-medline': readPubmedMedline,
  ris: readRis,
  'crossref-json': readCrossrefJson,
  'lens-csv': readLensCsv,
  'dimensions-csv': readDimensionsCsv,
  'openalex-csv': readOpenAlexCsv,
  synthetic: null,
})

/** What each format read from files is called in messages, in the order they are listed. */
export const FORMAT_NAMES: Readonly<Record<Exclude<SourceFormat, 'synthetic'>, string>> = Object.freeze({
  'openalex-jsonl': 'OpenAlex JSON Lines',
  'openalex-api-page': 'OpenAlex API JSON',
  'openalex-csv': 'OpenAlex CSV',
  'wos-plaintext': 'Web of Science plain text',
  'wos-tabdelimited': 'Web of Science tab-delimited',
  'wos-bibtex': 'Web of Science BibTeX',
  'scopus-csv': 'Scopus CSV',
  'scopus-bibtex': 'Scopus BibTeX',
  'pubmed-medline': 'PubMed/MEDLINE',
  ris: 'RIS',
  'crossref-json': 'Crossref JSON',
  'lens-csv': 'Lens CSV',
  'dimensions-csv': 'Dimensions CSV',
})

/** The reader of a format; throws `UNKNOWN_FORMAT` for formats that are not read from files. */
export function readerFor(format: SourceFormat): Reader {
  const reader = READERS[format]
  if (reader) return reader
  throw new MeridianError('UNKNOWN_FORMAT', `format "${format}" is not read from files`)
}
