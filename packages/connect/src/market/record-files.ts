import { MeridianError, readCsvRows } from '@meridian/model'
import { RECORD_FIELDS } from './record-spec.js'
import type { RecordView } from './record-view.js'

/** The file formats records are imported from and exported to. */
export const RECORD_FILE_FORMATS = Object.freeze(['json', 'csv'] as const)
export type RecordFileFormat = (typeof RECORD_FILE_FORMATS)[number]

/** The columns of a record CSV, in order; list cells hold `;`-separated values (documented in docs/marketplace.md). */
export const CSV_COLUMNS: readonly string[] = Object.freeze(
  RECORD_FIELDS.flatMap((field) =>
    field === 'contact' ? ['contactName', 'contactEmail', 'contactPhone'] : [field],
  ),
)

const LISTS = new Set([
  'keywords',
  'fields',
  'classes',
  'nace',
  'partnershipTypes',
  'partnerRoles',
  'partnerCountries',
  'languages',
])

/** One record read from a file, with the line it starts on. */
export interface FileRecord {
  readonly value: unknown
  readonly line: number
}

const bad = (file: string, line: number, message: string, field?: string) =>
  new MeridianError('BAD_RECORD', `${file}:${line}${field ? ` (${field})` : ''}: ${message}`, {
    location: { file, line, ...(field ? { field } : {}) },
  })

/** The line each top-level element of a JSON array starts on (a flat scan: no recursion on the input). */
function elementLines(text: string): number[] {
  const lines: number[] = []
  let line = 1
  let depth = 0
  let inString = false
  let expecting = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') line++
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
      continue
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue
    if (depth === 1 && expecting && c !== ']') {
      lines.push(line)
      expecting = false
    }
    if (c === '"') inString = true
    else if (c === '[' || c === '{') {
      depth++
      if (depth === 1) expecting = true
    } else if (c === ']' || c === '}') depth--
    else if (c === ',' && depth === 1) expecting = true
  }
  return lines
}

function readJson(text: string, file: string): FileRecord[] {
  const trimmed = text.replace(/^\uFEFF/, '')
  let document: unknown
  try {
    document = JSON.parse(trimmed)
  } catch (cause) {
    const lines = trimmed.split('\n').filter((l) => l.trim() !== '')
    // JSON Lines: one record per line.
    if (lines.length > 1 && lines.every((l) => l.trim().startsWith('{')))
      return trimmed.split('\n').flatMap((source, i) => {
        if (source.trim() === '') return []
        try {
          return [{ value: JSON.parse(source) as unknown, line: i + 1 }]
        } catch (error) {
          throw bad(file, i + 1, `not JSON: ${(error as Error).message}`)
        }
      })
    throw bad(file, 1, `not JSON: ${(cause as Error).message}`)
  }
  const list = Array.isArray(document) ? document : (document as { records?: unknown } | null)?.records
  if (!Array.isArray(list)) throw bad(file, 1, 'expected a list of records, or {"records": [...]}')
  const lines = Array.isArray(document) ? elementLines(trimmed) : []
  return list.map((value: unknown, i) => ({ value, line: lines[i] ?? 1 }))
}

async function readCsv(text: string, file: string): Promise<FileRecord[]> {
  let header: readonly string[] | null = null
  const out: FileRecord[] = []
  for await (const row of readCsvRows(text.split('\n'))) {
    if (row.kind === 'error') throw bad(file, row.line, row.message)
    if (header === null) {
      header = row.cells.map((c) => c.trim())
      const unknown = header.filter((h) => !CSV_COLUMNS.includes(h))
      if (unknown.length > 0)
        throw bad(
          file,
          row.line,
          `unknown column ${JSON.stringify(unknown[0])} (the columns are ${CSV_COLUMNS.join(', ')})`,
          unknown[0],
        )
      for (const need of ['type', 'title', 'summary', 'contactName'])
        if (!header.includes(need)) throw bad(file, row.line, `the column ${need} is missing`, need)
      continue
    }
    if (row.cells.length !== header.length)
      throw bad(file, row.line, `${row.cells.length} cells where the header has ${header.length}`)
    const record: Record<string, unknown> = {}
    const contact: Record<string, string> = {}
    header.forEach((name, i) => {
      const cell = (row.cells[i] ?? '').trim()
      if (cell === '') return
      if (name.startsWith('contact')) contact[name.slice(7).toLowerCase()] = cell
      else
        record[name] = LISTS.has(name)
          ? cell
              .split(';')
              .map((v) => v.trim())
              .filter((v) => v !== '')
          : cell
    })
    record.contact = contact
    out.push({ value: record, line: row.line })
  }
  if (header === null) throw bad(file, 1, 'the file is empty')
  return out
}

/** The format of a record file, told from its content (JSON starts with `[` or `{`). */
const recordFileFormat = (text: string): RecordFileFormat => (/^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv')

/**
 * Read a record file's text (JSON list, `{"records": [...]}`, JSON Lines, or CSV with the documented columns)
 * into records to decode, each with its line; a malformed file is refused whole (`BAD_RECORD`, file and line).
 */
export async function readRecordFile(text: string, file: string): Promise<FileRecord[]> {
  return recordFileFormat(text) === 'json' ? readJson(text, file) : readCsv(text, file)
}

/** An error about `records[i]...` placed at the file and line that record came from. */
export function locateRecord(error: unknown, records: readonly FileRecord[], file: string): unknown {
  if (!(error instanceof MeridianError)) return error
  const field = error.location?.field ?? ''
  const index = /^records\[(\d+)\]/.exec(field)?.[1]
  if (index === undefined) return error
  return new MeridianError(error.code, `${file}:${records[Number(index)]?.line ?? 1}: ${error.message}`, {
    cause: error,
    location: { file, line: records[Number(index)]?.line ?? 1, field },
  })
}

/** A record as written in a JSON file (what `readRecordFile` reads back; contact included for its owners). */
export function recordJson(view: RecordView): Record<string, unknown> {
  return {
    externalId: view.externalId ?? `meridian-${view.id}`,
    type: view.type,
    ...(view.organisation ? { organisation: view.organisation.rorId ?? view.organisation.name } : {}),
    title: view.title,
    summary: view.summary,
    problem: view.problem,
    advantage: view.advantage,
    keywords: view.keywords,
    fields: view.fields,
    classes: view.classes,
    nace: view.nace,
    trl: view.trl,
    iprStatus: view.iprStatus,
    patentNumber: view.patentNumber,
    partnershipTypes: view.partnershipTypes,
    partnerRoles: view.partnerRoles,
    partnerCountries: view.partnerCountries,
    languages: view.languages,
    ...(view.contact ? { contact: view.contact } : {}),
    programmeId: view.programmeId,
    call: view.call,
    deadline: view.deadline,
    expiresOn: view.expiresOn,
    synthetic: view.synthetic,
  }
}

const cell = (value: unknown): string => {
  const text =
    value === null || value === undefined ? '' : Array.isArray(value) ? value.join(';') : String(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Records as a CSV of the documented columns (contact cells empty where the viewer may not see them). */
export function writeRecordsCsv(views: readonly RecordView[]): string {
  const rows = views.map((view) => {
    const json = recordJson(view)
    const contact = view.contact
    return CSV_COLUMNS.map((column) =>
      cell(
        column === 'contactName'
          ? contact?.name
          : column === 'contactEmail'
            ? contact?.email
            : column === 'contactPhone'
              ? contact?.phone
              : column === 'status'
                ? undefined
                : json[column],
      ),
    ).join(',')
  })
  return `${[CSV_COLUMNS.join(','), ...rows].join('\n')}\n`
}
