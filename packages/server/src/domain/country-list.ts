import { toCountryCode } from '@meridian/model'
import { FieldError } from '../errors/api-error.js'

/** At most this many countries in one matrix (10,000 cells). */
export const MAX_MATRIX_COUNTRIES = 100

/** Parse `CN,US,DE` into distinct ISO codes, in order; throws `BAD_OPTION` on `countries` otherwise. */
export function parseCountryList(text: string): string[] {
  const codes: string[] = []
  for (const part of text.split(',')) {
    const trimmed = part.trim()
    if (trimmed === '') continue
    const code = toCountryCode(trimmed)
    if (code === null || trimmed.length !== 2)
      throw new FieldError('countries', `country "${trimmed}" is not an ISO 3166-1 alpha-2 code`)
    if (!codes.includes(code)) codes.push(code)
  }
  if (codes.length === 0) throw new FieldError('countries', 'countries is empty; write e.g. CN,US,DE')
  if (codes.length > MAX_MATRIX_COUNTRIES)
    throw new FieldError('countries', `${codes.length} countries; at most ${MAX_MATRIX_COUNTRIES}`)
  return codes
}
