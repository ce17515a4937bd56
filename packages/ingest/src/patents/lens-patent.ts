import {
  toDoi,
  toPatentOffice,
  toPublicationNumber,
  type Doi,
  type PatentItem,
  type PatentOffice,
  type ReadOptions,
} from '@meridian/model'
import type { CsvRecord } from '../csv/index.js'
import { quoteText, yearFromText } from '../values/index.js'
import {
  calendarDate,
  classes,
  count,
  earliest,
  fail,
  isoDate,
  readPatentTable,
  required,
  splitList,
  type PatentFields,
} from './patent-fields.js'

/** Lens separates the values of a list cell with `;;` (a single `;` occurs inside DOIs). */
const SEPARATOR = ';;'

/**
 * The year a two-digit year stands for: the latest year ending in those digits and not after `notAfter`
 * (the Publication Year: a document is filed before it is published); without one, POSIX's pivot
 * (`69`-`99` -> 1969-1999, `00`-`68` -> 2000-2068).
 */
function fullYear(yy: number, notAfter: number | null): number {
  if (notAfter === null) return yy >= 69 ? 1900 + yy : 2000 + yy
  return notAfter - ((((notAfter - yy) % 100) + 100) % 100)
}

const DAY_MONTH_YEAR = /^(\d{2})\/(\d{2})\/(\d{2}|\d{4})$/

/** A date written `YYYY-MM-DD` (later exports) or `dd/mm/yy` (2015 exports), or a problem. */
function lensDate(record: CsvRecord, column: string, notAfter: number | null): string | null {
  const text = record.get(column)
  if (text === null) return null
  const m = DAY_MONTH_YEAR.exec(text)
  if (!m) return isoDate(column, text)
  const [, day = '', month = '', year = ''] = m
  const full = year.length === 4 ? Number(year) : fullYear(Number(year), notAfter)
  return calendarDate(column, text, full, Number(month), Number(day))
}

/** Publication Year, checked against the Publication Date when both are given. */
function publicationYear(record: CsvRecord, date: string | null): number | null {
  const text = record.get('Publication Year')
  if (text === null) return date === null ? null : Number(date.slice(0, 4))
  const year = yearFromText(text)
  if (typeof year !== 'number') fail('Publication Year', year.problem)
  if (date !== null && Number(date.slice(0, 4)) !== year)
    fail('Publication Date', `${quoteText(record.get('Publication Date') ?? '')} is not in ${year}`)
  return year
}

/** Priority numbers as Lens writes them: `US 201161550506 P 20111024` (office, number, kind, date). */
function priorities(record: CsvRecord): { numbers: string[]; offices: PatentOffice[]; dates: string[] } {
  const numbers: string[] = []
  const offices: PatentOffice[] = []
  const dates: string[] = []
  for (const entry of splitList(record.get('Priority Numbers'), SEPARATOR)) {
    const tokens = entry.split(/\s+/)
    const last = tokens[tokens.length - 1] ?? ''
    const dated =
      tokens.length >= 4 && /^\d{8}$/.test(last) && /^[A-Z]\d?$/.test(tokens[tokens.length - 2] ?? '')
    if (dated) {
      const y = Number(last.slice(0, 4))
      dates.push(calendarDate('Priority Numbers', last, y, Number(last.slice(4, 6)), Number(last.slice(6))))
    }
    numbers.push(dated ? tokens.slice(0, -1).join(' ') : entry)
    const office = toPatentOffice(/^[A-Za-z]{2}$/.test(tokens[0] ?? '') ? tokens[0] : null)
    if (office !== null && !offices.includes(office)) offices.push(office)
  }
  return { numbers: [...new Set(numbers)], offices, dates }
}

/** `DOI(s)` (2015 exports: every value a DOI) or the DOIs among `NPL Resolved External ID(s)` (later ones). */
function dois(record: CsvRecord): Doi[] {
  if (!record.has('DOI(s)')) {
    const ids = splitList(record.get('NPL Resolved External ID(s)'), SEPARATOR).map(toDoi)
    return [...new Set(ids.filter((doi) => doi !== null))]
  }
  const written = splitList(record.get('DOI(s)'), SEPARATOR)
  return [...new Set(written.map((text) => toDoi(text) ?? fail('DOI(s)', `${quoteText(text)} is not a DOI`)))]
}

function decode(record: CsvRecord): PatentFields {
  const numberColumn = record.has('Publication Number') ? 'Publication Number' : 'Display Key'
  const written = required(record, numberColumn)
  const publicationNumber =
    toPublicationNumber(written) ?? fail(numberColumn, `${quoteText(written)} is not a publication number`)
  const prefix = publicationNumber.slice(0, 2)
  const jurisdictionText = record.get('Jurisdiction')
  const jurisdiction = toPatentOffice(jurisdictionText ?? prefix)
  if (jurisdiction !== prefix)
    fail('Jurisdiction', `${quoteText(jurisdictionText ?? '')} is not the office of ${quoteText(written)}`)
  const title = required(record, 'Title')
  // The Publication Year column gives the century of a dd/mm/yy Publication Date.
  const yearText = record.get('Publication Year')
  const yearHint = yearText !== null && /^\d{4}$/.test(yearText) ? Number(yearText) : null
  const publicationDate = lensDate(record, 'Publication Date', yearHint)
  const year = publicationYear(record, publicationDate)
  const priority = priorities(record)
  const citedBy = record.has('Cited by Patent Count') ? 'Cited by Patent Count' : 'Cited Count'
  return {
    publicationNumber,
    publicationNumberAsWritten: written,
    jurisdiction,
    kind: record.get('Kind'),
    title,
    abstract: record.get('Abstract'),
    publicationDate,
    publicationYear: year,
    applicationNumber: record.get('Application Number'),
    applicationDate: lensDate(record, 'Application Date', year),
    priorityNumbers: priority.numbers,
    priorityCountries: priority.offices,
    earliestPriorityDate: record.has('Earliest Priority Date')
      ? lensDate(record, 'Earliest Priority Date', year)
      : earliest(priority.dates),
    applicants: splitList(record.get('Applicants'), SEPARATOR),
    inventors: splitList(record.get('Inventors'), SEPARATOR),
    cpc: classes('CPC Classifications', splitList(record.get('CPC Classifications'), SEPARATOR)),
    ipc: classes('IPCR Classifications', splitList(record.get('IPCR Classifications'), SEPARATOR)),
    citedBy: count(record, citedBy),
    familySize: count(record, 'Simple Family Size'),
    url: record.get('URL'),
    dois: dois(record),
  }
}

/**
 * Read a Lens.org patent CSV export, 2015 (`#,Jurisdiction,Kind,Publication Number,...`, dates `dd/mm/yy`)
 * or later (`Display Key`, `Lens ID`, `Abstract`, dates `YYYY-MM-DD`), columns found by name. Values of a
 * list cell are separated by `;;`. A row with a malformed date, count, class symbol or DOI, or without a
 * publication number or title, is a located problem and is skipped.
 *
 * @example
 * for await (const item of readLensPatentCsv(lines, { file: 'lens.csv' })) if (item.kind === 'patent') use(item.patent)
 */
export function readLensPatentCsv(
  lines: AsyncIterable<string>,
  options: ReadOptions,
): AsyncIterable<PatentItem> {
  return readPatentTable(lines, options, 'lens-patent', decode)
}
