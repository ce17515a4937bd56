import type { ErrorCode } from '@meridian/model'

/** Exit codes scripts can trust. */
export const EXIT = Object.freeze({ ok: 0, failure: 1, badInput: 2 } as const)

/** Bad input or usage exits 2; anything else that fails exits 1. */
export const EXIT_BY_CODE: Readonly<Record<ErrorCode, number>> = Object.freeze({
  BAD_RECORD: EXIT.badInput,
  BAD_FIELD: EXIT.badInput,
  UNKNOWN_FORMAT: EXIT.badInput,
  UNREADABLE_FILE: EXIT.badInput,
  BAD_OPTION: EXIT.badInput,
  NOT_FOUND: EXIT.badInput,
  INGEST_ABORTED: EXIT.badInput,
  STORE_UNAVAILABLE: EXIT.failure,
  UNAUTHENTICATED: EXIT.failure,
  SESSION_EXPIRED: EXIT.failure,
  FORBIDDEN: EXIT.failure,
  CSRF_REJECTED: EXIT.failure,
  CONFLICT: EXIT.failure,
  INVALID_VALUE: EXIT.badInput,
  RATE_LIMITED: EXIT.failure,
  UPSTREAM_UNAVAILABLE: EXIT.failure,
  RENDERER_UNAVAILABLE: EXIT.failure,
  QUERY_TIMEOUT: EXIT.failure,
})
