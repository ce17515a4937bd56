import { ApiError } from '../api/client.js'
import { t, tMaybe } from '../i18n/i18n.js'
import type { MessageKey } from '../i18n/messages.js'

/** What each error code means to the person at the form; the server's message is for logs and the API. */
const BY_CODE: Readonly<Record<string, MessageKey>> = {
  UNAUTHENTICATED: 'err.unauthenticated',
  SESSION_EXPIRED: 'err.sessionExpired',
  RATE_LIMITED: 'err.rateLimited',
  FORBIDDEN: 'err.forbidden',
  CSRF_REJECTED: 'err.csrf',
  CONFLICT: 'err.conflict',
  INVALID_VALUE: 'err.invalid',
  NOT_FOUND: 'err.notFound',
  NETWORK: 'error.network',
}

/**
 * The field an error is about: the envelope's `field`, else the `field:` that workspace messages start with
 * (services name the field there rather than in the envelope).
 */
function fieldOf(error: ApiError): string | undefined {
  return error.field ?? /^([a-zA-Z]+): /.exec(error.message)?.[1]
}

/**
 * An API error in words, from its code (and field). `overrides` give a form its own words for a code, such
 * as a wrong current password on the password form.
 */
export function errorText(error: unknown, overrides: Readonly<Record<string, MessageKey>> = {}): string {
  if (!(error instanceof ApiError)) return t('error.network')
  const own = overrides[error.code]
  if (own) return t(own)
  const field = fieldOf(error)
  if (error.code === 'INVALID_VALUE' && field !== undefined) {
    if (/password$/i.test(field)) return t('err.password')
    return t('err.invalidField', { field: tMaybe(`field.${field}`, field) })
  }
  if (error.code === 'CONFLICT' && field === 'email') return t('err.emailTaken')
  const key = BY_CODE[error.code]
  return key ? t(key) : t('err.other', { code: error.code })
}
