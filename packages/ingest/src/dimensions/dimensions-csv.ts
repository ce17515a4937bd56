import {
  NO_IDS,
  toDoi,
  toPmid,
  type Affiliation,
  type Authorship,
  type ReadItem,
  type ReadOptions,
  type Work,
} from '@meridian/model'
import { affiliationCountry } from '../affiliation-country/index.js'
import { abstractText, yearAndCount } from '../values/index.js'
import { readCsvTable, type CsvRecord } from '../csv/index.js'

/** Split on `;` outside parentheses: `A (X; Y); B (Z)` -> `A (X; Y)`, `B (Z)`. */
function splitOutside(text: string): string[] {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '(') depth++
    else if (c === ')') depth = Math.max(0, depth - 1)
    else if (c === ';' && depth === 0) {
      out.push(text.slice(start, i))
      start = i + 1
    }
  }
  out.push(text.slice(start))
  return out.map((s) => s.trim()).filter((s) => s.length > 0)
}

/** `Smith, Jane (Dept X, Univ Y, City, Country; Inst Z)` -> the name and its raw affiliations. */
function authorPiece(piece: string): { name: string; affiliations: string[] } {
  const open = piece.indexOf('(')
  if (open < 0 || !piece.endsWith(')')) return { name: piece, affiliations: [] }
  return { name: piece.slice(0, open).trim(), affiliations: splitOutside(piece.slice(open + 1, -1)) }
}

const nameKey = (name: string): string => name.toLowerCase().replace(/[^\p{L}]+/gu, '')

/**
 * Authors from `Authors (Raw Affiliation)` (`Name (affiliation; affiliation); Name (...)`), else from
 * `Authors` with no affiliations; `Corresponding Authors` (same shape) flags authors by name.
 */
function decodeAuthors(record: CsvRecord): Authorship[] {
  const raw = record.get('Authors (Raw Affiliation)')
  const pieces =
    raw === null
      ? splitOutside(record.get('Authors') ?? '').map(authorPiece)
      : splitOutside(raw).map(authorPiece)
  const correspondingCell = record.get('Corresponding Authors')
  const corresponding = new Set(
    splitOutside(correspondingCell ?? '').map((piece) => nameKey(authorPiece(piece).name)),
  )
  return pieces.map(({ name, affiliations }, position) => ({
    position,
    name,
    orcid: null,
    isCorresponding: correspondingCell === null ? null : corresponding.has(nameKey(name)),
    affiliations: affiliations.map((text): Affiliation => ({
      raw: text,
      institution: null,
      country: affiliationCountry(text),
    })),
  }))
}

function decode(record: CsvRecord, file: string): ReadItem {
  const bad = (field: string, message: string): ReadItem => ({
    kind: 'problem',
    problem: { code: 'BAD_FIELD', file, line: record.line, field, message },
  })
  const numbers = yearAndCount(['PubYear', record.get('PubYear')], ['Times cited', record.get('Times cited')])
  if ('problem' in numbers) return bad(numbers.field, numbers.problem)
  const { year, citedBy } = numbers
  const fields = record.get('Fields of Research (ANZSRC 2020)') ?? record.get('FOR (ANZSRC) Categories')
  const work: Work = {
    ids: { ...NO_IDS, doi: toDoi(record.get('DOI')), pmid: toPmid(record.get('PMID')) },
    year,
    type: record.get('Publication Type')?.toLowerCase() ?? null,
    sourceTitle: record.get('Source title'),
    title: record.get('Title'),
    abstract: abstractText(record.get('Abstract')),
    keywords: [],
    citedBy,
    fields: splitOutside(fields ?? ''),
    authorships: decodeAuthors(record),
    correspondingAddress: null,
    bibliometrix: null,
    authorsTruncated: false,
    funding: [],
    synthetic: false,
    provenance: { source: 'dimensions', format: 'dimensions-csv', file, line: record.line },
  }
  return { kind: 'work', work }
}

const isPreamble = (cells: readonly string[]): boolean => /^About the data/i.test(cells[0]?.trim() ?? '')

/**
 * Read a Dimensions publications CSV export: an `"About the data: Exported on ..."` line, then a header
 * (`Rank`, `Publication ID`, `DOI`, `PMID`, `Title`, `Source title`, `PubYear`, `Publication Type`,
 * `Authors`, `Authors (Raw Affiliation)`, `Corresponding Authors`, `Times cited`, ...). Authors get the raw
 * affiliation strings Dimensions keeps for them, with the country read from the end of each.
 */
export async function* readDimensionsCsv(
  lines: AsyncIterable<string>,
  options: ReadOptions,
): AsyncIterable<ReadItem> {
  for await (const item of readCsvTable(lines, { file: options.file, isPreamble })) {
    yield item.kind === 'record' ? decode(item, options.file) : item
  }
}

/** Whether a file's first kilobytes are a Dimensions export: the `About the data` line or its header. */
export function detectDimensionsCsv(head: string): boolean {
  const text = head.slice(0, 8192)
  return (
    /^\uFEFF?"?About the data:/i.test(text) ||
    (/"?Publication ID"?,/.test(text) && /Dimensions URL|Authors \(Raw Affiliation\)/.test(text))
  )
}
