import type { CountryCode } from './country.js'

/**
 * How the current bibliometrix (5.4) relabels countries, expressed on ISO codes: each key is a code as the
 * source gives it, each value the code bibliometrix reports it under.
 */
export const BIBLIOMETRIX_REMAPS: Readonly<Record<string, CountryCode | null>> = Object.freeze({
  TW: 'CN' as CountryCode,
})
