import { MeridianError } from '@meridian/model'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { ApiError, FieldError, type ApiErrorCode } from './api-error.js'
import { HTTP_STATUS } from './http-status.js'

/** The one JSON shape of every error response. */
export interface ErrorEnvelope {
  readonly error: { readonly code: ApiErrorCode; readonly message: string; readonly field?: string }
}

/** An error response: its status (from {@link HTTP_STATUS}) and body. */
export interface ErrorResponse {
  readonly status: number
  readonly body: ErrorEnvelope
}

const envelope = (code: ApiErrorCode, message: string, field?: string): ErrorResponse => ({
  status: HTTP_STATUS[code],
  body: { error: field === undefined ? { code, message } : { code, message, field } },
})

/** The field a schema validation failure names: `/pageSize` in the query string gives `pageSize`. */
function validationField(error: { validation: readonly { instancePath?: string }[] }): string | undefined {
  const path = error.validation[0]?.instancePath ?? ''
  const field = path.split('/').filter(Boolean)[0]
  return field === undefined ? undefined : decodeURIComponent(field)
}

/** Turn anything thrown while answering a request into an error response; `internal` hides details. */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const field = validationField(error)
    const first = error.validation[0]
    const message = `${field ?? 'request'}: ${first?.message ?? 'invalid value'}`
    // A body that does not fit its schema is 422; a bad query or path parameter stays 400.
    const inBody = (error as { validationContext?: string }).validationContext === 'body'
    return envelope(inBody ? 'INVALID_VALUE' : 'BAD_OPTION', message, field)
  }
  if (error instanceof FieldError) return envelope(error.code, error.message, error.field)
  // A value refused by a service's decoder names its field (`link.funder`) as a body schema failure does.
  if (error instanceof MeridianError)
    return envelope(error.code, error.message, error.location?.field || undefined)
  if (error instanceof ApiError) return envelope(error.code, error.message)
  const status = (error as { statusCode?: unknown }).statusCode
  if (status === 413) return envelope('PAYLOAD_TOO_LARGE', (error as Error).message)
  if (typeof status === 'number' && status >= 400 && status < 500)
    return envelope('BAD_OPTION', (error as Error).message)
  return envelope('INTERNAL', 'internal error; see the server log')
}
