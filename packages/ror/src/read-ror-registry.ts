import { ERROR_CODES, type ReadOptions, type RecordProblem } from '@meridian/model'
import { DecodeFailure, decodeRorRecord } from './decode.js'
import { splitJsonArray } from './json-array.js'
import type { RorRecord } from './ror-record.js'

/** What the registry reader yields: a decoded organisation, or a located problem with one record. */
export type RorReadItem =
  | { readonly kind: 'record'; readonly record: RorRecord }
  | { readonly kind: 'problem'; readonly problem: RecordProblem }

/** A registry as read: its records, in input order, and the problems met (each record skipped). */
export interface RorRegistry {
  readonly records: readonly RorRecord[]
  readonly problems: readonly RecordProblem[]
}

function decodeText(source: string, line: number, file: string): RorReadItem {
  let json: unknown
  try {
    json = JSON.parse(source)
  } catch (cause) {
    const message = `bad JSON: ${cause instanceof Error ? cause.message : String(cause)}`
    return { kind: 'problem', problem: { code: ERROR_CODES.BAD_RECORD, file, line, field: null, message } }
  }
  try {
    return { kind: 'record', record: decodeRorRecord(json, { file, line }) }
  } catch (error) {
    if (!(error instanceof DecodeFailure)) throw error
    const problem = {
      code: ERROR_CODES.BAD_RECORD,
      file,
      line,
      field: error.field || null,
      message: error.message,
    }
    return { kind: 'problem', problem }
  }
}

/**
 * Read a ROR dump, record by record: schema v2 JSONL (one organisation per line), or a JSON array of v2 or
 * v1 records (the form of ROR's dump files). Text is given whole or as lines; never a path.
 * @example
 * for (const item of readRorItems(text, { file: 'v1.58-ror-data.json' })) if (item.kind === 'record') ...
 */
export function* readRorItems(
  input: string | Iterable<string>,
  options: ReadOptions,
): Generator<RorReadItem> {
  const { file } = options
  if (typeof input === 'string') {
    if (input.trimStart().startsWith('[')) {
      for (const element of splitJsonArray(input)) yield decodeText(element.text, element.line, file)
      return
    }
    input = input.split(/\r?\n/)
  }
  let line = 0
  let array: string[] | null = null
  let started = false
  for (const raw of input) {
    line++
    if (array) {
      array.push(raw)
      continue
    }
    const trimmed = raw.trim()
    if (trimmed === '') continue
    if (!started && trimmed.startsWith('[')) {
      // A JSON array dump given as lines: keep line numbers by padding the lines before it.
      array = [...Array<string>(line - 1).fill(''), raw]
      continue
    }
    started = true
    yield decodeText(trimmed, line, file)
  }
  if (array)
    for (const element of splitJsonArray(array.join('\n'))) yield decodeText(element.text, element.line, file)
}

/** Read a whole ROR dump into memory: records and problems (problem records are skipped and reported). */
export function readRorRegistry(input: string | Iterable<string>, options: ReadOptions): RorRegistry {
  const records: RorRecord[] = []
  const problems: RecordProblem[] = []
  for (const item of readRorItems(input, options)) {
    if (item.kind === 'record') records.push(item.record)
    else problems.push(item.problem)
  }
  return { records, problems }
}
