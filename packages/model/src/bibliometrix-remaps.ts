import type { CountryCode } from './country.js'

/**
 * How the current bibliometrix (5.4) relabels countries, expressed on ISO codes: each key is a code as the
 * source gives it, each value the code bibliometrix reports it under (`null`: it reports no country).
 * TW: its metaTagExtraction.R rewrites TAIWAN as CHINA. GD, PS: records whose only country is Grenada or
 * Palestine get no country from it (not in its country list). SS: South Sudan is read as SUDAN.
 */
export const BIBLIOMETRIX_REMAPS: Readonly<Record<string, CountryCode | null>> = Object.freeze({
  TW: 'CN' as CountryCode,
  GD: null,
  PS: null,
  SS: 'SD' as CountryCode,
})
