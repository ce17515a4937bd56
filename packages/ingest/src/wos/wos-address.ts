import type { CountryCode } from '@meridian/model'
import { wosCountryCode } from './wos-country-names.js'

/** One `C1` address: the authors its bracket group names (`null` when it names none) and the address. */
export interface WosAddress {
  readonly names: readonly string[] | null
  readonly address: string
}

/**
 * Split a `C1` value such as `[Smith, J; Doe, A] Univ X, Dept Y, Wuhan, Peoples R China.` into the names
 * of its bracket group and the address. Records before 2008 have no bracket group: `names` is `null`.
 */
export function parseWosAddress(value: string): WosAddress {
  const text = value.trim()
  if (!text.startsWith('[')) return { names: null, address: text }
  const close = text.indexOf(']')
  if (close < 0) return { names: null, address: text }
  const names = text
    .slice(1, close)
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name.length > 0)
  return { names, address: text.slice(close + 1).trim() }
}

/**
 * Split a tab-delimited `C1` cell into its addresses. Addresses are separated by `; `, which also separates
 * the names inside a bracket group, so separators inside brackets are skipped.
 */
export function splitWosAddresses(cell: string): string[] {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i)
    if (c === 91 /* [ */) depth++
    else if (c === 93 /* ] */) depth = Math.max(0, depth - 1)
    else if (c === 59 /* ; */ && depth === 0) {
      const part = cell.slice(start, i).trim()
      if (part) out.push(part)
      start = i + 1
    }
  }
  const last = cell.slice(start).trim()
  if (last) out.push(last)
  return out
}

/** Two-letter codes of the US states and territories WoS writes before a ZIP code. */
const US_STATES = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY ' +
    'NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'
  ).split(' '),
)

const isDigit = (c: number): boolean => c >= 48 && c <= 57

const hasDigit = (token: string): boolean => {
  for (let i = 0; i < token.length; i++) if (isDigit(token.charCodeAt(i))) return true
  return false
}

const isZip = (token: string): boolean =>
  (token.length === 5 || (token.length === 10 && token[5] === '-')) &&
  isDigit(token.charCodeAt(0)) &&
  isDigit(token.charCodeAt(4))

/**
 * The ISO country of a Web of Science address, read from its last comma-separated part with postal codes
 * and the final period removed: `Stanford Univ, Stanford, CA 94305 USA.` -> `US`, `..., Peoples R China.`
 * -> `CN`, `..., Scotland.` -> `GB`. Records from before about 1990 end US addresses with a state and ZIP
 * code and no country (`ROCHESTER,NY 14627`); those are read as `US`. `null` when the last part names no
 * country WoS uses.
 */
export function wosAddressCountry(address: string): CountryCode | null {
  let end = address.length
  while (end > 0 && (address[end - 1] === '.' || address[end - 1] === ' ')) end--
  const comma = address.lastIndexOf(',', end - 1)
  const tokens = address
    .slice(comma + 1, end)
    .trim()
    .split(' ')
  const last = tokens[tokens.length - 1]
  if (last === undefined || last === '') return null
  if (last.toUpperCase() === 'USA') return 'US' as CountryCode
  if (tokens.length === 2 && isZip(last) && US_STATES.has(tokens[0] ?? '')) return 'US' as CountryCode
  let name = ''
  for (const token of tokens) {
    if (token === '' || hasDigit(token)) continue
    name = name === '' ? token : `${name} ${token}`
  }
  return name === '' ? null : wosCountryCode(name)
}
