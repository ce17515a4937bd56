import {
  toPatentClass,
  toPatentOffice,
  toPublicationNumber,
  type PatentClass,
  type PatentItem,
  type PatentOffice,
  type ReadOptions,
} from '@meridian/model'
import type { CsvRecord } from '../csv/index.js'
import { quoteText } from '../values/index.js'
import {
  calendarDate,
  classes,
  earliest,
  fail,
  isoDate,
  readPatentTable,
  required,
  splitList,
  type PatentFields,
} from './patent-fields.js'

/** Patentscope writes `NA` in an empty cell. */
const EMPTY = 'NA'

const value = (record: CsvRecord, column: string): string | null => {
  const text = record.get(column)
  return text === EMPTY ? null : text
}

/** A date written `dd.mm.yyyy` (as Patentscope writes every date) or `YYYY-MM-DDThh:mm:ss.sssZ`, or a problem. */
function date(field: string, text: string): string {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text)
  return m ? calendarDate(field, text, Number(m[3]), Number(m[2]), Number(m[1])) : isoDate(field, text)
}

/** `number date office`, the date `YYYY-MM-DDThh:mm:ss.sssZ` or `dd.mm.yyyy`: `200402236U 2004-10-01T23:59:59.000Z ES`. */
const DATED = /^(\S.*?) (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z|\d{2}\.\d{2}\.\d{4}) ([A-Z]{2}|null)$/
/** `office yyyymmdd number`: `US 20130225 61/768,603`. */
const OFFICE_FIRST = /^([A-Z]{2}) (\d{4})(\d{2})(\d{2}) (\S.*)$/
/** Another form of a number, undated, ending in two spaces and maybe an office: `08/012,834  US`, `US19910666943  `. */
const UNDATED = /^(\S.*?) {2}([A-Z]{2})?$/
/** Entries are separated by `, `, which numbers may hold too (`409, 850  US`): at most this many pieces join. */
const MAX_PIECES = 8

interface Priority {
  readonly number: string
  readonly office: string | null
  readonly date: string | null
}

function priority(entry: string): Priority | null {
  const field = 'Priority Data'
  const dated = DATED.exec(entry)
  if (dated) {
    const [, number = '', written = '', office = ''] = dated
    // `null 30.12.1899 null` is how the export writes no priority (1899-12-30: a spreadsheet's day zero).
    if (number === 'null' && office === 'null') return { number: '', office: null, date: null }
    return { number, office: office === 'null' ? null : office, date: date(field, written) }
  }
  const first = OFFICE_FIRST.exec(entry)
  if (first) {
    const [, office = '', y = '', m = '', d = '', number = ''] = first
    return { number, office, date: calendarDate(field, entry, Number(y), Number(m), Number(d)) }
  }
  const undated = UNDATED.exec(entry)
  return undated ? { number: undated[1] ?? '', office: undated[2] ?? null, date: null } : null
}

/**
 * `Priority Data`: `[entry, entry]`, each entry a priority in one of the forms above; the office is an entry's
 * last (or, `office yyyymmdd number`, first) token.
 */
function priorities(record: CsvRecord): { numbers: string[]; offices: PatentOffice[]; dates: string[] } {
  const numbers = new Set<string>()
  const offices = new Set<PatentOffice>()
  const dates: string[] = []
  const text = value(record, 'Priority Data')
  if (text !== null) {
    if (!text.startsWith('[') || !text.endsWith(']'))
      fail('Priority Data', `${quoteText(text)} is not a bracketed list of priorities`)
    let entry: string | null = null
    let pieces = 0
    for (const piece of text.slice(1, -1).split(', ')) {
      entry = entry === null ? piece : `${entry}, ${piece}`
      pieces++
      const read = priority(entry)
      if (read === null) {
        if (pieces >= MAX_PIECES) break
        continue
      }
      if (read.number !== '') numbers.add(read.number)
      const office = toPatentOffice(read.office)
      if (office !== null) offices.add(office)
      if (read.date !== null) dates.push(read.date)
      entry = null
      pieces = 0
    }
    if (entry !== null) fail('Priority Data', `${quoteText(entry)} is not a priority (number, date, office)`)
  }
  return { numbers: [...numbers], offices: [...offices], dates }
}

/** An IPC edition's compact notation: `6 A 23 C 19/00, 19/068, A 21 D 13/08` (later groups share the subclass). */
const EDITION = /^\d{1,2}\s+[A-H]\s*\d{2}\s*[A-Z]\s/

function compactClasses(text: string): PatentClass[] {
  const symbols: PatentClass[] = []
  let subclass = ''
  for (const piece of text.replace(/^\d{1,2}\s+/, '').split(',')) {
    const full = /^\s*([A-H])\s*(\d{2})\s*([A-Z])\s+(.*)$/.exec(piece)
    if (full) subclass = `${full[1]}${full[2]}${full[3]}`
    const symbol = subclass === '' ? null : toPatentClass(subclass + (full ? (full[4] ?? '') : piece).trim())
    symbols.push(symbol ?? fail('IPC', `${quoteText(text)} is not a list of class symbols`))
  }
  return symbols
}

function ipc(record: CsvRecord): PatentClass[] {
  const symbols: string[] = []
  for (const text of splitList(value(record, 'IPC'), ';'))
    symbols.push(...(EDITION.test(text) ? compactClasses(text) : [text]))
  return classes('IPC', symbols)
}

function decode(record: CsvRecord): PatentFields {
  const written = required(record, 'Publication Number', EMPTY)
  const publicationNumber =
    toPublicationNumber(written) ??
    fail('Publication Number', `${quoteText(written)} is not a publication number`)
  const published = value(record, 'Publication Date')
  const publicationDate = published === null ? null : date('Publication Date', published)
  const applied = value(record, 'Application Date')
  const priority = priorities(record)
  return {
    publicationNumber,
    publicationNumberAsWritten: written,
    // The number opens with its office, in lower case for some national collections (`kr`, `za`).
    jurisdiction:
      toPatentOffice(publicationNumber.slice(0, 2)) ??
      fail('Publication Number', `${quoteText(written)} does not open with an office`),
    kind: null,
    title: required(record, 'Title', EMPTY),
    abstract: value(record, 'Abstract'),
    publicationDate,
    publicationYear: publicationDate === null ? null : Number(publicationDate.slice(0, 4)),
    applicationNumber: value(record, 'Application Number'),
    applicationDate: applied === null ? null : date('Application Date', applied),
    priorityNumbers: priority.numbers,
    priorityCountries: priority.offices,
    earliestPriorityDate: earliest(priority.dates),
    applicants: splitList(value(record, 'Applicants'), ';'),
    inventors: splitList(value(record, 'Inventors'), ';'),
    cpc: [],
    ipc: ipc(record),
    citedBy: null,
    familySize: null,
    url: null,
    dois: [],
  }
}

/**
 * Read a WIPO Patentscope CSV export (`Publication Number,Publication Date,Title,Priority Data,IPC,
 * Applicants,Inventors,...`): `NA` for empty, `;` between values, dates `dd.mm.yyyy`, the office the
 * publication number's first two letters. A row with a malformed date, priority or class symbol, or without
 * a publication number or title, is a located problem and is skipped.
 */
export function readPatentscopeCsv(
  lines: AsyncIterable<string>,
  options: ReadOptions,
): AsyncIterable<PatentItem> {
  return readPatentTable(lines, options, 'patentscope', decode)
}
