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
import { abstractText, quoteText, splitTerms, terms, yearFromText } from '../values/index.js'

const TAG_LINE = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/
const YEAR = /(?:^|\D)(\d{4})(?:\D|$)/

/** RIS reference types as the document types other sources name them. */
const TYPES: Readonly<Record<string, string>> = {
  JOUR: 'article',
  JFULL: 'article',
  EJOUR: 'article',
  CONF: 'conference paper',
  CPAPER: 'conference paper',
  BOOK: 'book',
  EBOOK: 'book',
  CHAP: 'book chapter',
  ECHAP: 'book chapter',
  THES: 'thesis',
  RPRT: 'report',
  GEN: 'generic',
}

interface Pending {
  readonly line: number
  readonly tags: [string, string][]
}

/**
 * Read a RIS file (`TY  - JOUR` ... `ER  - `). Authors come from `AU`/`A1` in order; `AD` addresses are
 * the record's, not linked to authors, so every author gets all of them (most exports, IEEE Xplore's among
 * them, give none: those works have no affiliations). A line without a tag continues the previous value.
 * A record without `ER` before the next `TY` or the end is a located problem.
 */
export async function* readRis(lines: AsyncIterable<string>, options: ReadOptions): AsyncIterable<ReadItem> {
  const { file } = options
  let n = 0
  let record: Pending | null = null
  let stray = false
  for await (const raw of lines) {
    n++
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (n === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1)
    if (line.trim() === '') continue
    const match = TAG_LINE.exec(line)
    const tag = match?.[1]
    if (tag === 'TY') {
      if (record) yield problem(file, record.line, 'ER', `record has no ER before line ${n}`)
      record = { line: n, tags: [['TY', (match?.[2] ?? '').trim()]] }
      stray = false
    } else if (record === null) {
      if (!stray) yield problem(file, n, tag ?? null, `line "${clip(line)}" is outside a TY ... ER record`)
      stray = true
    } else if (tag === 'ER') {
      yield decodeRecord(record, file)
      record = null
    } else if (tag !== undefined) {
      record.tags.push([tag, (match?.[2] ?? '').trim()])
    } else {
      const last = record.tags[record.tags.length - 1]
      if (last) last[1] = `${last[1]} ${line.trim()}`
    }
  }
  if (record) yield problem(file, record.line, 'ER', 'record has no ER before the end of the input')
}

function decodeRecord(record: Pending, file: string): ReadItem {
  const all = (...tags: string[]): string[] =>
    record.tags.filter(([t, v]) => tags.includes(t) && v !== '').map(([, v]) => v)
  const one = (...tags: string[]): string | null => {
    for (const tag of tags) {
      const value = all(tag)[0]
      if (value !== undefined) return value
    }
    return null
  }
  const date = one('PY', 'Y1', 'DA')
  const digits = date === null ? null : YEAR.exec(date)?.[1]
  const year = digits == null ? null : yearFromText(digits)
  if ((date !== null && digits === undefined) || (year !== null && typeof year !== 'number')) {
    const why =
      year === null || typeof year === 'number'
        ? `date ${quoteText(date ?? '')} has no year`
        : `year ${year.problem}`
    return {
      kind: 'problem',
      problem: { code: 'BAD_FIELD', file, line: record.line, field: 'PY', message: why },
    }
  }
  const addresses: Affiliation[] = all('AD').map((raw) => ({
    raw,
    institution: null,
    country: affiliationCountry(raw),
  }))
  const authorships: Authorship[] = all('AU', 'A1').map((name, position) => ({
    position,
    name,
    orcid: null,
    isCorresponding: null,
    affiliations: addresses,
  }))
  const type = one('TY') ?? ''
  const work: Work = {
    ids: { ...NO_IDS, doi: toDoi(one('DO')), pmid: toPmid(one('PM')) },
    year,
    type: TYPES[type] ?? (type.toLowerCase() || null),
    sourceTitle: one('JO', 'JF', 'T2', 'JA', 'J2', 'BT'),
    title: one('TI', 'T1', 'CT'),
    abstract: abstractText(one('AB', 'N2')),
    keywords: terms(
      'author',
      all('KW').flatMap((k) => splitTerms(k)),
    ),
    citedBy: null,
    fields: all('KW'),
    authorships,
    correspondingAddress: null,
    bibliometrix: null,
    authorsTruncated: false,
    funding: [],
    synthetic: false,
    provenance: { source: 'unknown', format: 'ris', file, line: record.line },
  }
  return { kind: 'work', work }
}

function problem(file: string, line: number, field: string | null, message: string): ReadItem {
  return { kind: 'problem', problem: { code: 'BAD_RECORD', file, line, field, message } }
}

const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}...` : text)

/** Whether a file's first kilobytes are RIS: the first non-blank line is `TY  - ...`. */
export function detectRis(head: string): boolean {
  return /^\uFEFF?\s*TY {2}- /.test(head)
}
