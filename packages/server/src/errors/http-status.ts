import type { ApiErrorCode } from './api-error.js'

/** The one table mapping error codes to HTTP status. */
export const HTTP_STATUS: Readonly<Record<ApiErrorCode, number>> = Object.freeze({
  BAD_RECORD: 400,
  BAD_FIELD: 400,
  UNKNOWN_FORMAT: 400,
  UNREADABLE_FILE: 400,
  BAD_OPTION: 400,
  NOT_FOUND: 404,
  INGEST_ABORTED: 409,
  STORE_UNAVAILABLE: 503,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  CONFLICT: 409,
  INVALID_VALUE: 422,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 502,
  NOT_IMPLEMENTED: 501,
  INTERNAL: 500,
})
