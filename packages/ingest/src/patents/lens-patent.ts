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
import { lensDate, type DateContext } from './lens-dates.js'
import {
  calendarDate,
  classes,
  count,
  earliest,
  fail,
  readPatentTable,
  required,
  splitList,
  type PatentFields,
} from './patent-fields.js'

/** Lens separates the values of a list cell with `;;` (a single `;` occurs inside DOIs). */
const SEPARATOR = ';;'

/** A date column, decoded by `lensDate`; `null` when empty. */
function dateColumn(record: CsvRecord, column: string, context: DateContext): string | null {
  const text = record.get(column)
  return text === null ? null : lensDate(column, text, context)
}

/** The Publication Year when the cell holds one; a bad one is reported by `publicationYear`. */
function yearHint(record: CsvRecord): number | null {
  const text = record.get('Publication Year')
  const year = text === null ? null : yearFromText(text)
  return typeof year === 'number' ? year : null
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

interface Priorities {
  readonly numbers: string[]
  readonly offices: PatentOffice[]
  /** The date of each dated entry, by its number. */
  readonly dates: Map<string, string[]>
}

/** Priority numbers as Lens writes them: `US 201161550506 P 20111024` (office, number, kind, date). */
function priorities(record: CsvRecord): Priorities {
  const offices = new Set<PatentOffice>()
  const dates = new Map<string, string[]>()
  const numbers = new Set<string>()
  for (const entry of splitList(record.get('Priority Numbers'), SEPARATOR)) {
    const tokens = entry.split(/\s+/)
    // The date closes an entry of four tokens or more, after a kind code (`P`, `A`, `W`, `A1`).
    const date = /^(\d{4})(\d{2})(\d{2})$/.exec(tokens[tokens.length - 1] ?? '')
    const dated = date !== null && tokens.length >= 4 && /^[A-Z]\d?$/.test(tokens[tokens.length - 2] ?? '')
    const number = dated ? tokens.slice(0, -1).join(' ') : entry
    numbers.add(number)
    if (dated) {
      const [written, y, m, d] = date
      const decoded = calendarDate('Priority Numbers', written, Number(y), Number(m), Number(d))
      dates.set(number, [...(dates.get(number) ?? []), decoded])
    }
    const office = toPatentOffice(/^[A-Za-z]{2}$/.test(tokens[0] ?? '') ? tokens[0] : null)
    if (office !== null) offices.add(office)
  }
  return { numbers: [...numbers], offices: [...offices], dates }
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
  const publicationDate = dateColumn(record, 'Publication Date', { year: yearHint(record) })
  const year = publicationYear(record, publicationDate)
  const priority = priorities(record)
  const applicationNumber = record.get('Application Number')
  // A 2015 export's late-December application date may need the application's own priority entry.
  const known = applicationNumber === null ? [] : (priority.dates.get(applicationNumber) ?? [])
  const applicationDate = dateColumn(record, 'Application Date', { notAfter: publicationDate, known })
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
    applicationNumber,
    applicationDate,
    priorityNumbers: priority.numbers,
    priorityCountries: priority.offices,
    earliestPriorityDate: record.has('Earliest Priority Date')
      ? dateColumn(record, 'Earliest Priority Date', { notAfter: publicationDate })
      : earliest([...priority.dates.values()].flat()),
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
