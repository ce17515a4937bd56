import type { BibliometrixCountries, CountryCode } from '@meridian/model'
import { BIBLIOMETRIX_COUNTRY_LIST } from './bibliometrix-countries-list.js'

/**
 * What bibliometrix reports a name as (its `metaTagExtraction.R` renames, 5.4): Taiwan is folded into China,
 * the UK nations into the United Kingdom. The current version no longer renames GEORGIA as USA.
 */
const RENAMES: Readonly<Record<string, string>> = {
  'UNITED STATES': 'USA',
  TAIWAN: 'CHINA',
  ENGLAND: 'UNITED KINGDOM',
  SCOTLAND: 'UNITED KINGDOM',
  WALES: 'UNITED KINGDOM',
  'NORTH IRELAND': 'UNITED KINGDOM',
}

interface Pattern {
  /** `AU1_CO` looks for ` NAME ` in an address with punctuation turned into spaces. */
  readonly spaced: string
  /** `AU_CO` looks for `NAME.`, a name ending an address. */
  readonly dotted: string
  readonly code: CountryCode
}

const codeOf = new Map(BIBLIOMETRIX_COUNTRY_LIST.map((c) => [c.name, c.code]))
const PATTERNS: readonly Pattern[] = BIBLIOMETRIX_COUNTRY_LIST.map(({ name, code }) => ({
  spaced: ` ${name} `,
  dotted: `${name}.`,
  code: codeOf.get(RENAMES[name] ?? name) ?? code,
}))

// bibliometrix reads files as latin1 and converts to ASCII dropping the rest, so every non-ASCII character goes.
const NON_ASCII = /[\u0080-\uffff]/g
const SPACES = /\s+/g
const BRACKETS = /\[.*?\]/g
const BRACKETS_SPACE = /\[.*?\] /g
const PUNCT_BLANK = /[!-/:-@[-`{-~ \t]+/g
const UP_TO_REPRINT = /^.*?\(REPRINT\sAUTHOR\)/
const UP_TO_LAST_COMMA = /^(.+)?,/

/** A field as bibliometrix's `isi2df` leaves it: ASCII, single spaces, upper case. */
const normalise = (text: string): string => text.replace(NON_ASCII, '').replace(SPACES, ' ').toUpperCase()

const firstSpaced = (text: string): CountryCode | null =>
  PATTERNS.find((p) => text.includes(p.spaced))?.code ?? null

/**
 * bibliometrix's `AU1_CO`: the reprint address, else the first address, cut at the first `;` (its `C1` has
 * `;` after every period), then after the last comma. That leaves e.g. `SPAIN `, which the ` NAME ` test
 * never matches (no leading space), so most records fall back to the whole reprint field, where the first
 * name in list order wins: `MELCIOR DE PALAU 140, BARCELONA, SPAIN` is Palau, `GEORGIA INST TECHNOL` Georgia.
 */
function correspondingCountry(addresses: string | null, reprint: string | null): CountryCode | null {
  const head = (reprint ?? addresses ?? 'NA')
    .replace(BRACKETS_SPACE, '')
    .replace(UP_TO_REPRINT, '')
    .split(';')[0]
  const cut = head === undefined || head === '' ? 'NA' : head.replace(UP_TO_LAST_COMMA, '')
  const found = firstSpaced(`${cut.replace(PUNCT_BLANK, ' ').trim()} `)
  return found ?? firstSpaced(`${reprint ?? 'NA'};`.replace(PUNCT_BLANK, ' '))
}

const dotted = (text: string): CountryCode[] =>
  PATTERNS.filter((p) => text.includes(p.dotted)).map((p) => p.code)

/** bibliometrix's `AU_CO`: every list name followed by a period in the addresses, else in the reprint field. */
function allCountries(addresses: string | null, reprint: string | null): CountryCode[] {
  let found: CountryCode[] = []
  const text = addresses ?? reprint?.replace(BRACKETS_SPACE, '') ?? null
  if (text !== null) found = dotted(text.endsWith('.') ? text : `${text}.`)
  if (found.length === 0 && reprint !== null) found = dotted(`${reprint};`)
  return [...new Set(found)]
}

/**
 * The countries bibliometrix (5.4) extracts from a Web of Science record, reproduced with its faults, for
 * the `bibliometrix` country policy. Our own reading (`wosAddressCountry`) is the better one; this exists to
 * match bibliometrix's tables exactly. Takes the `C1` values as the file gives them (bracket groups included,
 * one address each) and the `RP` value with its lines joined by a space. Follows `isi2df.R` (how it joins and
 * cleans C1 and RP) and the `AU_CO`/`AU1_CO` of `metaTagExtraction.R` in the version with the
 * `REPRINT AUTHOR` and last-comma steps, which is what bibliometrix 5.4's output on real files matches.
 *
 * @example
 * const address = 'Univ Barcelona, Melcior de Palau 140, Barcelona 08014, Spain.'
 * bibliometrixCountries([`[Borrego, A] ${address}`], `Borrego, A (reprint author), ${address}`)
 * // { countries: ['ES'], corresponding: 'PW' }
 */
export function bibliometrixCountries(c1: readonly string[], rp: string | null): BibliometrixCountries {
  const joined = c1.length > 0 ? normalise(c1.join(' ')).replace(BRACKETS, '').trim() : ''
  // isi2df ends every period with `;`, so addresses (and pieces of addresses) split on it.
  const addresses = joined === '' ? null : joined.replaceAll('.', '.;')
  const reprint = rp === null || rp.trim() === '' ? null : normalise(rp)
  return {
    countries: allCountries(addresses, reprint),
    corresponding: correspondingCountry(addresses, reprint),
  }
}
