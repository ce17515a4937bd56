import type { Brand } from './brand.js'

/** An ISO 3166-1 alpha-2 country code, upper case: `CN`, `GB`. `XK` (Kosovo) is accepted as sources use it. */
export type CountryCode = Brand<string, 'CountryCode'>

const CODES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY ' +
    'BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK ' +
    'FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR ' +
    'IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ' +
    'ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
    'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF ' +
    'TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK'
  ).split(' '),
)

/** The ISO 3166-1 alpha-2 codes Meridian accepts, in alphabetical order. */
export const COUNTRY_CODES: readonly CountryCode[] = Object.freeze([...CODES].sort() as CountryCode[])

/** `UK` is what several sources write for the United Kingdom; ISO says `GB`. */
const ALIASES: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' }

/** Decode a two-letter code as a source writes it; `null` when it is not an ISO 3166-1 code. */
export function toCountryCode(value: string | null | undefined): CountryCode | null {
  if (!value) return null
  const upper = value.trim().toUpperCase()
  const code = ALIASES[upper] ?? upper
  return CODES.has(code) ? (code as CountryCode) : null
}

/** Whether `value` is an accepted ISO 3166-1 alpha-2 code. */
export function isCountryCode(value: string): value is CountryCode {
  return CODES.has(value)
}

let displayNames: Intl.DisplayNames | undefined

/** The English short name of a country, for display only (never stored or compared). */
export function countryName(code: CountryCode | string): string {
  displayNames ??= new Intl.DisplayNames(['en'], { type: 'region' })
  return displayNames.of(code) ?? code
}
