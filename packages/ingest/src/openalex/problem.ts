import type { ErrorCode, ReadItem } from '@meridian/model'

/** Where a record sits in its input. */
export interface RecordAt {
  readonly file: string
  /** 1-based line where the record starts. */
  readonly line: number
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
