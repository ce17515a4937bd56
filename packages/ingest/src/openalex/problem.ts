import type { ErrorCode, ReadItem } from '@meridian/model'

/** Where a record sits in its input. */
export interface RecordAt {
  readonly file: string
  /** 1-based line where the record starts. */
  readonly line: number
}

const MAX_QUOTED = 80

/** A value as a message quotes it: JSON, cut short when long. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text
}

/** A `problem` item for one record. */
export function recordProblem(
  code: ErrorCode,
  at: RecordAt,
  field: string | null,
  message: string,
): ReadItem {
  return { kind: 'problem', problem: { code, file: at.file, line: at.line, field, message } }
}
