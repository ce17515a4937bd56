/** Stable error codes. Tests and the HTTP layer rely on these, never on message text. */
export const ERROR_CODES = Object.freeze({
  /** A record could not be parsed: bad JSON, a missing mandatory field, a malformed tag. */
  BAD_RECORD: 'BAD_RECORD',
  /** A field holds a value of the wrong shape (a year that is not a number, an unknown country). */
  BAD_FIELD: 'BAD_FIELD',
  /** A file's format could not be recognised from its content. */
  UNKNOWN_FORMAT: 'UNKNOWN_FORMAT',
  /** A file could not be read. */
  UNREADABLE_FILE: 'UNREADABLE_FILE',
  /** A command-line or API option is invalid. */
  BAD_OPTION: 'BAD_OPTION',
  /** An indicator, policy or other named thing does not exist. */
  NOT_FOUND: 'NOT_FOUND',
  /** The store is missing, locked or from an incompatible version. */
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  /** Ingest stopped at the first bad record (`--on-error fail`); nothing was written. */
  INGEST_ABORTED: 'INGEST_ABORTED',
  /** No valid session or token: log in first. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The session has expired (idle or absolute limit): log in again. */
  SESSION_EXPIRED: 'SESSION_EXPIRED',
  /** Logged in, but the role or the ownership of the record does not allow the action. */
  FORBIDDEN: 'FORBIDDEN',
  /** A state-changing request by cookie came without the session's CSRF token. */
  CSRF_REJECTED: 'CSRF_REJECTED',
  /** The change conflicts with what is stored (an e-mail already taken, a record changed meanwhile). */
  CONFLICT: 'CONFLICT',
  /** Well-formed input whose values are refused (a weak password, an unknown role). */
  INVALID_VALUE: 'INVALID_VALUE',
  /** Too many attempts (logins): wait and retry. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** A remote service (the OpenAlex API) kept failing after every retry: run again later to resume. */
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  /** The PDF renderer (Chromium, headless) is not installed where configured, or failed to start. */
  RENDERER_UNAVAILABLE: 'RENDERER_UNAVAILABLE',
  /** A query ran past the request's time limit and was interrupted: narrow the request or raise the limit. */
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
} as const)
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES]

/** Where in an input a problem sits. */
export interface Location {
  readonly file: string
  /** 1-based line number. */
  readonly line: number
  /** The field (tag, column, JSON path) at fault, when one is. */
  readonly field?: string | undefined
}

/** An error with a stable `code`; the message names the operation and quotes the bad value. */
export class MeridianError extends Error {
  override readonly name = 'MeridianError'
  readonly code: ErrorCode
  readonly location: Location | undefined
  /** When one error refuses a whole input: every problem found in it, each with its own location. */
  readonly problems: readonly RecordProblem[]

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; location?: Location; problems?: readonly RecordProblem[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.location = options.location
    this.problems = options.problems ?? []
  }
}

/** A problem a reader met in one record: reported, and either skipped or fatal as the caller chooses. */
export interface RecordProblem {
  readonly code: ErrorCode
  readonly file: string
  readonly line: number
  readonly field: string | null
  readonly message: string
}

/** Format a problem the way the CLI prints it: `file:line: field: message`. */
export function formatProblem(problem: RecordProblem): string {
  const field = problem.field ? ` ${problem.field}:` : ''
  return `${problem.file}:${problem.line}:${field} ${problem.message}`
}
