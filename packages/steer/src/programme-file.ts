import { MeridianError, readCsvRows, type ErrorCode, type RecordProblem } from '@meridian/model'
import { decodeProgramme, type ProgrammeSpec } from './programme-spec.js'

/** A programme file's text and the name it is reported under (the CLI reads it; STEER never opens files). */
export interface ProgrammeFile {
  readonly text: string
  readonly file: string
}

/** What a reader made of its file(s): the programmes, or the located problems that refuse them all. */
export interface ProgrammeRead {
  readonly programmes: readonly ProgrammeSpec[]
  /** The line each programme starts on, for errors the registry raises later (a duplicate external id). */
  readonly lines: readonly number[]
  readonly problems: readonly RecordProblem[]
}

/** One record of a delimited file: its cells and the 1-based line it starts on (header rows counted). */
export interface DelimitedRow {
  readonly line: number
  readonly cells: readonly string[]
}

/** Collects located problems; readers keep going so one run reports every bad row. */
export class Problems {
  readonly list: RecordProblem[] = []
  constructor(readonly file: string) {}

  add(line: number, field: string | null, message: string, code: ErrorCode = 'INVALID_VALUE'): void {
    this.list.push({ code, file: this.file, line, field, message })
  }
}

/** Split a delimited text into records (RFC 4180 quoting, BOM dropped, blank lines skipped). */
export async function delimitedRows(
  { text, file }: ProgrammeFile,
  delimiter: string,
  problems: Problems,
): Promise<DelimitedRow[]> {
  const rows: DelimitedRow[] = []
  for await (const row of readCsvRows(text.split(/\r\n|\n|\r/), { delimiter })) {
    if (row.kind === 'error') problems.add(row.line, null, `${file}: ${row.message}`, 'BAD_RECORD')
    else rows.push({ line: row.line, cells: row.cells })
  }
  return rows
}

/** A header: column name -> index; `get` reads a trimmed cell, `null` when absent or empty. */
export function columns(header: readonly string[]) {
  const index = new Map(header.map((name, i) => [name.trim(), i]))
  return {
    has: (name: string) => index.has(name),
    get(row: DelimitedRow, name: string): string | null {
      const i = index.get(name)
      const value = i === undefined ? undefined : row.cells[i]?.trim()
      return value === undefined || value === '' ? null : value
    },
  }
}

/** Report a row whose cell count differs from the header's (a row cut short or a stray delimiter). */
export function checkWidth(row: DelimitedRow, width: number, problems: Problems): boolean {
  if (row.cells.length === width) return true
  problems.add(
    row.line,
    null,
    `row has ${row.cells.length} cells where the header has ${width}`,
    'BAD_RECORD',
  )
  return false
}

/** Write records as delimited text: cells quoted when they hold the delimiter, a quote or a line break. */
export function writeDelimited(rows: readonly (readonly string[])[], delimiter: string): string {
  const cell = (value: string) =>
    value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim()
      ? `"${value.replace(/"/g, '""')}"`
      : value
  return rows.map((row) => row.map(cell).join(delimiter)).join('\n') + '\n'
}

/**
 * Where a programme came from in its file: the line of its (first) row, the lines of the rows that gave its
 * components, entities, milestones, budget years and output links, and the column each spec field was read from.
 */
export interface Origin {
  readonly line: number
  readonly parts?: Readonly<Partial<Record<string, readonly number[]>>>
  readonly columns: Readonly<Record<string, string>>
}

/**
 * Decode a programme a reader assembled, with `decodeProgramme`'s checks; a refused value becomes a problem at
 * the row and column it came from (`programme.milestones[1].dueDate` -> the second milestone row, `dueDate`).
 */
export function decodeAt(input: unknown, origin: Origin, problems: Problems): ProgrammeSpec | null {
  try {
    return decodeProgramme(input, 'programme')
  } catch (error) {
    if (!(error instanceof MeridianError)) throw error
    const path = error.location?.field ?? 'programme'
    const match = /^programme(?:\.(\w+)\[(\d+)\])?(?:\.(\w+))?/.exec(path)
    const [, part, index, name] = match ?? []
    const line = (part ? origin.parts?.[part]?.[Number(index)] : undefined) ?? origin.line
    const key = (part && !name ? part : name) ?? ''
    const column = origin.columns[key] ?? origin.columns[`${part}.${key}`] ?? (key || null)
    problems.add(line, column, error.message.replace(/^programme[^:]*: /, ''), error.code)
    return null
  }
}

/** A value the reader cannot use: a located problem, and `null` in its place. */
export function bad<T>(problems: Problems, line: number, column: string, message: string): T | null {
  problems.add(line, column, message)
  return null
}

/** Split a list cell (`a; b; c`) into trimmed, distinct, non-empty items. */
export const splitList = (value: string | null, separator: RegExp | string = ';'): string[] =>
  value === null ? [] : [...new Set(value.split(separator).map((v) => v.trim()))].filter((v) => v !== '')

/** Refuse the whole file: one error placed at the first problem, listing the first ten and carrying them all. */
export function refuse(problems: readonly RecordProblem[]): MeridianError {
  const [first] = problems
  if (!first) return new MeridianError('BAD_RECORD', 'refused with no problem')
  const where = (p: RecordProblem) => `${p.file}:${p.line}${p.field ? ` ${p.field}` : ''}: ${p.message}`
  const more = problems.length > 10 ? `\n  ... and ${problems.length - 10} more` : ''
  return new MeridianError(
    first.code,
    `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${first.file}; nothing was imported:\n  ${problems
      .slice(0, 10)
      .map(where)
      .join('\n  ')}${more}`,
    { location: { file: first.file, line: first.line, field: first.field ?? undefined }, problems },
  )
}
