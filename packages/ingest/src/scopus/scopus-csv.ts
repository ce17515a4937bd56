import type { ReadItem, ReadOptions } from '@meridian/model'
import { scopusCsvFields, type BibliometrixFields } from '../bibliometrix/index.js'
import { readCsvTable, type CsvRecord } from '../csv/index.js'
import { decodeScopusRecord, type ScopusContext, type ScopusFields } from './scopus-record.js'
import { splitScopusAuthors } from './scopus-names.js'

const EID_IN_LINK = /[?&]eid=(2-s2\.0-\d+)/

/**
 * Some exports write a `Funding Text 2` cell in rows whose header stops at `Funding Text 1` (litstudy's
 * scopus.csv): a row one cell wider than the header gets the missing name after the last funding text.
 */
function headerFor(header: readonly string[], width: number): readonly string[] | null {
  if (width !== header.length + 1) return null
  let last = -1
  header.forEach((name, i) => {
    if (/^Funding Text \d+$/.test(name.trim())) last = i
  })
  if (last < 0) return null
  const next = Number(/\d+$/.exec(header[last] ?? '')?.[0] ?? 0) + 1
  return [...header.slice(0, last + 1), `Funding Text ${next}`, ...header.slice(last + 1)]
}

/** The header as the file writes it, and as fitted to rows one cell wider (see `headerFor`), once seen. */
interface Headers {
  written: readonly string[] | null
  fitted: readonly string[] | null
}

/**
 * `C1` and `RP` as bibliometrix reads them: with the header as written, so in a row one cell wider than the
 * header every column after the missing name holds the next column's cell (its `Correspondence Address` is
 * then the `References` cell). `C1` is the `Affiliations` column (else `Authors with affiliations`, each
 * piece without its author's name).
 */
function bibliometrixFields(record: CsvRecord, headers: Headers): BibliometrixFields {
  const { written, fitted } = headers
  const inserted = fitted?.find((name) => !written?.includes(name))
  const wide = inserted !== undefined && record.has(inserted)
  const cell = (column: string): string | null => {
    if (!record.has(column) || column === inserted) return null
    const i = wide ? (written?.indexOf(column) ?? -1) : -1
    const name = i < 0 ? column : (fitted?.[i] ?? column)
    return record.get(name) ?? ''
  }
  const byAuthor = cell('Authors with affiliations')
  const affiliations =
    cell('Affiliations') ??
    byAuthor
      ?.split(';')
      .map((piece) => piece.replace(/^.*\., /, ''))
      .join(';') ??
    null
  return scopusCsvFields(affiliations, cell('Correspondence Address'))
}

/** The record's fields from a CSV row; full names drop their Scopus author id (`Liu, Fengyuan (6041...)`). */
function scopusFields(record: CsvRecord, headers: Headers): ScopusFields {
  const get = (column: string): string | null => record.get(column)
  const fullNames = (get('Author full names') ?? '')
    .split(';')
    .map((name) => name.replace(/\(\d+\)\s*$/, '').trim())
    .filter((name) => name.length > 0)
  return {
    line: record.line,
    authors: splitScopusAuthors(get('Authors')),
    fullNames,
    authorsWithAffiliations: get('Authors with affiliations'),
    affiliations: get('Affiliations'),
    correspondence: get('Correspondence Address'),
    title: get('Title'),
    abstract: get('Abstract'),
    authorKeywords: get('Author Keywords'),
    indexKeywords: get('Index Keywords'),
    year: get('Year'),
    sourceTitle: get('Source title'),
    citedBy: get('Cited by'),
    doi: get('DOI'),
    eid: get('EID') ?? EID_IN_LINK.exec(get('Link') ?? '')?.[1] ?? null,
    pmid: get('PubMed ID'),
    type: get('Document Type'),
    bibliometrix: bibliometrixFields(record, headers),
    names: { year: 'Year', citedBy: 'Cited by', eid: 'EID' },
  }
}

/**
 * Read a Scopus CSV export, current layout (`Author full names`, `Authors with affiliations`,
 * `Correspondence Address`) or older ones (authors separated by `,`, no full names). Authors get the
 * affiliations `Authors with affiliations` links to them, else all of `Affiliations`; countries are read
 * from the end of each address. One record in memory; a row that does not fit the header is a located
 * problem and reading goes on.
 *
 * @example
 * for await (const item of readScopusCsv(lines, { file: 'scopus.csv' })) if (item.kind === 'work') add(item.work)
 */
export async function* readScopusCsv(
  lines: AsyncIterable<string>,
  options: ReadOptions,
): AsyncIterable<ReadItem> {
  const context: ScopusContext = { file: options.file, format: 'scopus-csv' }
  const headers: Headers = { written: null, fitted: null }
  const fit = (header: readonly string[], width: number): readonly string[] | null => {
    const fitted = headerFor(header, width)
    if (fitted !== null) {
      headers.written = header.map((name) => name.trim())
      headers.fitted = fitted.map((name) => name.trim())
    }
    return fitted
  }
  for await (const item of readCsvTable(lines, { file: options.file, headerFor: fit })) {
    if (item.kind !== 'record') yield item
    else yield decodeScopusRecord(scopusFields(item, headers), context)
  }
}

/** Whether a file's first kilobytes are a Scopus CSV export: a header with `Authors`, `Source title` and `EID`/`Link`. */
export function detectScopusCsv(head: string): boolean {
  const header = firstLine(head)
  return (
    /^"?Authors"?,/.test(header) &&
    header.includes('Source title') &&
    (header.includes('EID') || header.includes('Link'))
  )
}

function firstLine(head: string): string {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head
  const end = text.search(/\r|\n/)
  return end < 0 ? text : text.slice(0, end)
}
