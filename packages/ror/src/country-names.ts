import { COUNTRY_CODES, toCountryCode, type CountryCode } from '@meridian/model'
import { wosCountryCode } from '@meridian/ingest'
import { words } from './normalise.js'

/**
 * Country names as affiliation strings write them, beyond the Web of Science spellings (reused from
 * `@meridian/ingest`) and the English ISO names: native names, common short forms, and the sub-national
 * names that end many addresses without a country (US states, Canadian provinces, Australian states).
 * Keys are folded words joined by single spaces. `Georgia` is the country, as WoS reads it.
 */
const EXTRA: Readonly<Record<string, string>> = {
  usa: 'US',
  'u s a': 'US',
  'u s': 'US',
  us: 'US',
  'united states of america': 'US',
  america: 'US',
  uk: 'GB',
  'u k': 'GB',
  'great britain': 'GB',
  britain: 'GB',
  'northern ireland': 'GB',
  'pr china': 'CN',
  'p r china': 'CN',
  'p r c': 'CN',
  prc: 'CN',
  'peoples republic of china': 'CN',
  'mainland china': 'CN',
  korea: 'KR',
  'republic of korea': 'KR',
  'korea republic of': 'KR',
  'korea south': 'KR',
  'russian federation': 'RU',
  'viet nam': 'VN',
  'iran islamic republic of': 'IR',
  'the netherlands': 'NL',
  holland: 'NL',
  czechia: 'CZ',
  turkiye: 'TR',
  deutschland: 'DE',
  espana: 'ES',
  italia: 'IT',
  brasil: 'BR',
  suisse: 'CH',
  schweiz: 'CH',
  svizzera: 'CH',
  osterreich: 'AT',
  nederland: 'NL',
  belgique: 'BE',
  belgie: 'BE',
  polska: 'PL',
  sverige: 'SE',
  norge: 'NO',
  danmark: 'DK',
  suomi: 'FI',
  'ceska republika': 'CZ',
  magyarorszag: 'HU',
  hellas: 'GR',
  россия: 'RU',
  україна: 'UA',
  中国: 'CN',
  中华人民共和国: 'CN',
  日本: 'JP',
  韩国: 'KR',
  대한민국: 'KR',
  한국: 'KR',
  台湾: 'TW',
  臺灣: 'TW',
  香港: 'HK',
  'hong kong sar': 'HK',
  'macau sar': 'MO',
  macau: 'MO',
  ontario: 'CA',
  quebec: 'CA',
  'british columbia': 'CA',
  alberta: 'CA',
  manitoba: 'CA',
  saskatchewan: 'CA',
  'nova scotia': 'CA',
  'new brunswick': 'CA',
  newfoundland: 'CA',
  'new south wales': 'AU',
  queensland: 'AU',
  'western australia': 'AU',
  'south australia': 'AU',
  tasmania: 'AU',
}

const US_STATES =
  'alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois ' +
  'indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi ' +
  'missouri montana nebraska nevada new_hampshire new_jersey new_mexico new_york north_carolina ' +
  'north_dakota ohio oklahoma oregon pennsylvania rhode_island south_carolina south_dakota tennessee texas ' +
  'utah vermont virginia washington west_virginia wisconsin wyoming district_of_columbia'

let names: Map<string, CountryCode> | undefined

function countryNames(): Map<string, CountryCode> {
  if (names) return names
  names = new Map()
  const display = new Intl.DisplayNames(['en'], { type: 'region' })
  for (const code of COUNTRY_CODES) {
    const name = display.of(code)
    if (name && name !== code) names.set(words(name).join(' '), code)
  }
  for (const state of US_STATES.split(' ')) names.set(state.replace(/_/g, ' '), 'US' as CountryCode)
  for (const [name, code] of Object.entries(EXTRA)) {
    const country = toCountryCode(code)
    if (country) names.set(words(name).join(' '), country)
  }
  return names
}

const US_STATE_CODES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(
    ' ',
  ),
)

/**
 * The country a place phrase names, read from its end: `Oxford OX1 3PU, UK` -> `GB`, `Beijing 100871,
 * P.R. China` -> `CN`, `Boston, MA 02115` -> `US`, `Deutschland` -> `DE`. Words with digits (postcodes) are
 * skipped; the longest trailing run of words that is a known name wins. `null` when none is.
 */
export function placeCountry(segment: string): CountryCode | null {
  const raw = segment.trim().split(/\s+/)
  if (
    raw.length >= 2 &&
    US_STATE_CODES.has(raw[raw.length - 2] ?? '') &&
    /^\d{5}(-\d{4})?$/.test(raw.at(-1) ?? '')
  )
    return 'US' as CountryCode
  const list = words(segment).filter((w) => !/\d/.test(w))
  const table = countryNames()
  for (let n = Math.min(5, list.length); n >= 1; n--) {
    const phrase = list.slice(list.length - n).join(' ')
    const code = table.get(phrase) ?? wosCountryCode(phrase.toUpperCase())
    if (code) return code
  }
  return null
}
