import { MeridianError, type ErrorCode } from '@meridian/model'

/** Codes only the HTTP layer produces, beside the shared `ERROR_CODES`. */
export const API_ERROR_CODES = Object.freeze({
  /** The endpoint exists but what it needs is not built yet. */
  NOT_IMPLEMENTED: 'NOT_IMPLEMENTED',
  /** Too many queries wait for the store: retry after the `Retry-After` seconds. */
  BUSY: 'BUSY',
  /** The request body is larger than the server accepts. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The Host header names a host this server does not answer for (DNS rebinding). */
  FOREIGN_HOST: 'FOREIGN_HOST',
  /** An unexpected failure; details go to the log, never to the client. */
  INTERNAL: 'INTERNAL',
} as const)

/** Every code an API error envelope may carry. */
export type ApiErrorCode = ErrorCode | (typeof API_ERROR_CODES)[keyof typeof API_ERROR_CODES]

/** A `MeridianError` that names the request field at fault (`years`, `countries`, `pageSize`). */
export class FieldError extends MeridianError {
  readonly field: string

  constructor(field: string, message: string, options: { cause?: unknown } = {}) {
    super('BAD_OPTION', message, options)
    this.field = field
  }
}

/** An error whose code exists only in the HTTP layer (see {@link API_ERROR_CODES}). */
export class ApiError extends Error {
  override readonly name = 'ApiError'

  constructor(
    readonly code: (typeof API_ERROR_CODES)[keyof typeof API_ERROR_CODES],
    message: string,
  ) {
    super(message)
  }
}
