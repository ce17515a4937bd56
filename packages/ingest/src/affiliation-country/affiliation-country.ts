import type { CountryCode } from '@meridian/model'
import { wosAddressCountry } from '../wos/wos-address.js'
import { wosCountryCode } from '../wos/wos-country-names.js'
import { COUNTRY_ALIASES, US_STATE_NAMES } from './country-aliases.js'

const DIACRITICS = /\p{M}+/gu
const PUNCTUATION = /[^A-Z0-9 ]+/g
const SPACES = / +/g

/** A country name as the lookups key it: upper case, no diacritics, `&` as `AND`, punctuation as spaces. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFD')
    .replace(DIACRITICS, '')
    .toUpperCase()
    .replaceAll('&', ' AND ')
    .replaceAll('’', '')
    .replaceAll("'", '')
    .replace(PUNCTUATION, ' ')
    .replace(SPACES, ' ')
    .trim()
}

const ALIASES: ReadonlyMap<string, CountryCode> = new Map(
  Object.entries(COUNTRY_ALIASES).map(([name, code]) => [name, code as CountryCode]),
)

/** The code a normalised name means, from the WoS spellings, then the free-text aliases. */
function lookup(name: string): CountryCode | null {
  const code = ALIASES.get(name) ?? wosCountryCode(name) ?? wosCountryCode(name.replaceAll(' AND ', ' & '))
  if (code) return code
  return US_STATE_NAMES.has(name) ? ('US' as CountryCode) : null
}

/** Parts of China written before `China` that are their own ISO codes: `Kowloon, Hong Kong, China`. */
const INSIDE_CHINA: Readonly<Record<string, string>> = {
  'HONG KONG': 'HK',
  'HONG KONG SAR': 'HK',
  MACAU: 'MO',
  MACAO: 'MO',
  'MACAO SAR': 'MO',
  TAIWAN: 'TW',
}

const EMAIL = /\S+@\S+/g
const EMAIL_LABEL = /\b(?:electronic address|e-?mail(?: address)?|emails?)\s*:?/gi
const TRAILING = /[\s.;,:)\]]+$/
// Authors' initials in parentheses that PubMed leaves after an address: `..., Rochester, NY (JGD)`.
const INITIALS = /\s*\([A-Z, ]+\)[\s.]*$/
const US_STATE_CODE =
  /^(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])(?:\s+\d{5}(?:-\d{4})?)?$/
const MAX_WORDS = 5

/** The country a part of an address names, by its whole text, else by its last few words. */
function segmentCountry(segment: string): CountryCode | null {
  const words = normaliseName(segment)
    .split(' ')
    .filter((w) => w !== '' && !/\d/.test(w))
  if (words.length === 0) return null
  for (let k = Math.min(MAX_WORDS, words.length); k >= 1; k--) {
    const code = lookup(words.slice(words.length - k).join(' '))
    if (code) return code
  }
  return null
}

/**
 * The ISO country of a free-text affiliation, read from its end: `Dept X, Univ Y, Boston, MA 02115, USA.`
 * -> `US`, `..., Beijing 100084, People's Republic of China` -> `CN`, `..., Kowloon, Hong Kong, China` ->
 * `HK`. E-mail addresses and their labels are removed first; Web of Science spellings and postal codes are
 * read as `wosAddressCountry` reads them; then the last part (and, when it names nothing, such as a postal
 * code, the part before it) is matched by its whole text or its last words against country names and
 * aliases, US state names, and US state codes ending an address. `null` when the end of the address names no country.
 *
 * @example
 * affiliationCountry('Harvard Medical School, Boston, Massachusetts.') // 'US'
 */
export function affiliationCountry(text: string): CountryCode | null {
  const address = text
    .replace(EMAIL, ' ')
    .replace(EMAIL_LABEL, ' ')
    .trimEnd()
    .replace(INITIALS, '')
    .replace(TRAILING, '')
  if (address === '') return null
  const segments = address.split(/[,;]/)
  const last = segments.length - 1
  // `..., San Francisco, CA` or `..., Boston, MA 02115`: a US state code (upper case) ends the address.
  if (last > 0 && US_STATE_CODE.test(segments[last]?.trim() ?? '')) return 'US' as CountryCode
  for (let i = last; i >= Math.max(0, last - 1); i--) {
    const code = segmentCountry(segments[i] ?? '')
    if (code === null) continue
    if (code === 'CN' && i > 0) {
      const inside = INSIDE_CHINA[normaliseName(segments[i - 1] ?? '')]
      if (inside) return inside as CountryCode
    }
    return code
  }
  return wosAddressCountry(address)
}
