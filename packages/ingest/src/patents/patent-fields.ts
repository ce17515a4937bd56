import {
  toPatentClass,
  type ErrorCode,
  type Patent,
  type PatentClass,
  type PatentItem,
  type PatentSource,
  type ReadOptions,
} from '@meridian/model'
import { readCsvTable, type CsvRecord } from '../csv/index.js'
import { countFromText, quoteText, yearFromNumber } from '../values/index.js'
import { MAX_PREAMBLE_ROWS, PATENT_FORMAT_NAMES, patentFormatOfHeader } from './detect.js'

/** A patent as a reader decodes it from one row, before provenance is added. */
export type PatentFields = Omit<Patent, 'source' | 'file' | 'line'>

/** Why a row cannot be decoded: thrown by the decoders, turned into a located problem by `readPatentTable`. */
class FieldProblem extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(message)
  }
}

/** Stop decoding the row: `field` holds a bad value (`BAD_FIELD`) or lacks a mandatory one (`BAD_RECORD`). */
export function fail(field: string, message: string, code: ErrorCode = 'BAD_FIELD'): never {
  throw new FieldProblem(code, field, message)
}

/** The cell of a mandatory column, or a `BAD_RECORD` problem. */
export function required(record: CsvRecord, column: string, empty: string | null = null): string {
  const value = record.get(column)
  return value === null || value === empty ? fail(column, 'is missing', 'BAD_RECORD') : value
}

/** A count column (citations, family size): digits within the store's limits, or a problem. */
export function count(record: CsvRecord, column: string): number | null {
  const text = record.get(column)
  if (text === null) return null
  const value = countFromText(text)
  return typeof value === 'number' ? value : fail(column, value.problem)
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/** Whether a day exists in the (proleptic Gregorian) calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const days = month === 2 && leap ? 29 : DAYS[month - 1]
  return days !== undefined && day >= 1 && day <= days
}

/** `YYYY-MM-DD` for a calendar date whose year is within the limits; a problem quoting `written` otherwise. */
export function calendarDate(
  field: string,
  written: string,
  year: number,
  month: number,
  day: number,
): string {
  const checked = yearFromNumber(year, written)
  if (typeof checked !== 'number') fail(field, checked.problem)
  if (!isCalendarDate(year, month, day)) fail(field, `${quoteText(written)} is not a calendar date`)
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?)?$/

/** A `YYYY-MM-DD` date (a time after it, as Patentscope writes, is dropped), or a problem. */
export function isoDate(field: string, text: string): string {
  const m = ISO_DATE.exec(text)
  if (!m) fail(field, `${quoteText(text)} is not a date written YYYY-MM-DD`)
  return calendarDate(field, text, Number(m[1]), Number(m[2]), Number(m[3]))
}

/** The distinct non-empty values of a list cell split on `separator`, trimmed, in order. */
export function splitList(value: string | null, separator: string): string[] {
  if (value === null) return []
  return [
    ...new Set(
      value
        .split(separator)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ]
}

/** The distinct class symbols of a list, or a problem naming the first that is not an IPC/CPC symbol. */
export function classes(field: string, written: readonly string[]): PatentClass[] {
  const symbols = written.map(
    (text) => toPatentClass(text) ?? fail(field, `${quoteText(text)} is not a class symbol`),
  )
  return [...new Set(symbols)]
}

/** The earliest of `YYYY-MM-DD` dates, or `null` when there are none. */
export function earliest(dates: readonly string[]): string | null {
  let first: string | null = null
  for (const date of dates) if (first === null || date < first) first = date
  return first
}

function decodeRow(
  record: CsvRecord,
  file: string,
  source: PatentSource,
  decode: (record: CsvRecord) => PatentFields,
): PatentItem {
  try {
    return { kind: 'patent', patent: { ...decode(record), source, file, line: record.line } }
  } catch (error) {
    if (!(error instanceof FieldProblem)) throw error
    const { code, field, message } = error
    return { kind: 'problem', problem: { code, file, line: record.line, field, message } }
  }
}

/**
 * Read the rows of a patent export through `decode`: each row gives a patent or, when `decode` fails or the
 * row does not fit the header, a located problem, and reading goes on. Rows before the format's header
 * (at most `MAX_PREAMBLE_ROWS`) are skipped; a file without that header gives one `UNKNOWN_FORMAT` problem.
 */
export async function* readPatentTable(
  lines: AsyncIterable<string>,
  options: ReadOptions,
  source: PatentSource,
  decode: (record: CsvRecord) => PatentFields,
): AsyncIterable<PatentItem> {
  const { file } = options
  let preamble = 0
  const isPreamble = (cells: readonly string[]): boolean => {
    const header = new Set(cells.map((cell) => cell.trim()))
    return patentFormatOfHeader((column) => header.has(column)) !== source && ++preamble <= MAX_PREAMBLE_ROWS
  }
  let checked = false
  for await (const item of readCsvTable(lines, { file, isPreamble })) {
    if (item.kind === 'problem') yield item
    if (item.kind !== 'record') continue
    if (!checked && patentFormatOfHeader(item.has) !== source) {
      const message = `no ${PATENT_FORMAT_NAMES[source]} header row in the first ${MAX_PREAMBLE_ROWS + 1} rows`
      yield {
        kind: 'problem',
        problem: { code: 'UNKNOWN_FORMAT', file, line: item.line, field: null, message },
      }
      return
    }
    checked = true
    yield decodeRow(item, file, source, decode)
  }
}
