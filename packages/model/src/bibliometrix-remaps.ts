import type { CountryCode } from './country.js'

/**
 * How the current bibliometrix (5.4) relabels countries, expressed on ISO codes: each key is a code as the
 * source gives it, each value the code bibliometrix reports it under (`null`: it reports no country).
 * TW: its metaTagExtraction.R rewrites TAIWAN as CHINA. GD, PS: Grenada and Palestine are not in its country
 * list, so it reports no country for them. For Web of Science records `Work.bibliometrix` already holds
 * bibliometrix's own answer, where these remaps change nothing. South Sudan is not remapped: bibliometrix
 * reads a Juba address as both SUDAN and SOUTH SUDAN, which no one-to-one remap can say.
 */
export const BIBLIOMETRIX_REMAPS: Readonly<Record<string, CountryCode | null>> = Object.freeze({
  TW: 'CN' as CountryCode,
  GD: null,
  PS: null,
})
