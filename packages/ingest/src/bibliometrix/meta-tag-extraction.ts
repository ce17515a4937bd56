import type { BibliometrixCountries, CountryCode } from '@meridian/model'
import { BIBLIOMETRIX_COUNTRY_LIST } from './countries-list.js'

/** The database bibliometrix records in `M$DB`: it decides the pattern `AU_CO` looks for and how `AU1_CO` reads. */
export type BibliometrixDb = 'ISI' | 'SCOPUS' | 'PUBMED'

/**
 * The two fields of bibliometrix's data frame its country extraction reads, as its converter leaves them
 * (upper case, ASCII): `C1` (all addresses, `;`-separated) and `RP` (the reprint address); `null` is `NA`.
 */
export interface BibliometrixFields {
  readonly db: BibliometrixDb
  readonly c1: string | null
  readonly rp: string | null
}

/**
 * What bibliometrix reports a name as (`metaTagExtraction.R`, 5.4): Taiwan is folded into China, the UK
 * nations into the United Kingdom. The current version no longer renames GEORGIA as USA.
 */
const RENAMES: Readonly<Record<string, string>> = {
  'UNITED STATES': 'USA',
  TAIWAN: 'CHINA',
  ENGLAND: 'UNITED KINGDOM',
  SCOTLAND: 'UNITED KINGDOM',
  WALES: 'UNITED KINGDOM',
  'NORTH IRELAND': 'UNITED KINGDOM',
}

const codeOf = new Map(BIBLIOMETRIX_COUNTRY_LIST.map((c) => [c.name, c.code]))
const NAMES = BIBLIOMETRIX_COUNTRY_LIST.map(({ name, code }) => ({
  name,
  code: codeOf.get(RENAMES[name] ?? name) ?? code,
}))

const BRACKETS_SPACE = /\[.*?\] /g
const UP_TO_REPRINT = /^.*?\(REPRINT\sAUTHOR\)/
const UP_TO_LAST_COMMA = /^(.+)?,/
// R's `[[:punct:][:blank:]]+` in a UTF-8 locale (punctuation and symbols; on ASCII, its 32 signs).
const PUNCT_BLANK = /[\p{P}\p{S} \t]+/gu
const PUNCT = /[\p{P}\p{S}]/gu

/** R's `strsplit(x, ";")`: no trailing empty piece, and nothing at all for an empty string. */
const splitSemicolons = (text: string): string[] => {
  const pieces = text.split(';')
  while (pieces.length > 0 && pieces[pieces.length - 1] === '') pieces.pop()
  return pieces
}

/** The first country of the list, in list order, whose ` NAME ` occurs in `text`. */
const firstSpaced = (text: string): CountryCode | null =>
  NAMES.find((n) => text.includes(` ${n.name} `))?.code ?? null

/**
 * bibliometrix's `AU1_CO` (the corresponding author's country): the reprint field, else the first address,
 * cut at the first `;`, then after the last comma, punctuation blanked. That usually leaves `SPAIN `, which
 * the ` NAME ` test never matches (no leading space), so most records fall back to the whole reprint field
 * (PubMed: the same cut, with a leading space), where the first name in list order wins.
 */
function correspondingCountry({ db, c1, rp }: BibliometrixFields): CountryCode | null {
  const source = rp ?? c1
  let head: string | null = null
  if (source !== null) {
    const first = splitSemicolons(source.replace(BRACKETS_SPACE, '').replace(UP_TO_REPRINT, ''))[0]
    head = first === undefined ? null : first.replace(UP_TO_LAST_COMMA, '').replace(PUNCT_BLANK, ' ').trim()
  }
  const cut = `${head ?? 'NA'} `
  if (db === 'PUBMED') return firstSpaced(` ${cut.replace(PUNCT, '')}`)
  return firstSpaced(cut) ?? firstSpaced(`${rp ?? 'NA'};`.replace(PUNCT_BLANK, ' '))
}

/** Every list name followed by `end` in `text`, in list order. */
const followed = (text: string, end: string): CountryCode[] =>
  NAMES.filter((n) => text.includes(`${n.name}${end}`)).map((n) => n.code)

/**
 * bibliometrix's `AU_CO` (all countries): every list name followed by a period (WoS, PubMed) or a `;`
 * (Scopus) in the addresses, else in the reprint field.
 */
function allCountries({ db, c1, rp }: BibliometrixFields): CountryCode[] {
  const end = db === 'SCOPUS' ? ';' : '.'
  let text = c1 ?? rp
  if (text !== null) {
    text = splitSemicolons(text).join(';').replace(BRACKETS_SPACE, '')
    if (text === 'NA') text = null
  }
  let found: CountryCode[] = []
  if (text !== null) {
    if (db !== 'PUBMED' && !text.endsWith(end)) text += end
    found = followed(text, end)
  }
  if (found.length === 0) found = followed(`${rp ?? 'NA'};`, end)
  return [...new Set(found)]
}

/**
 * The countries bibliometrix (5.4) extracts from one record of its data frame (`metaTagExtraction`'s
 * `AU_CO` and `AU1_CO`), with its faults, as ISO codes: for the `bibliometrix` country policy only.
 *
 * @example
 * const rp = 'BORREGO, A (REPRINT AUTHOR), UNIV BARCELONA, MELCIOR DE PALAU 140, BARCELONA 08014, SPAIN.'
 * bibliometrixMetaTags({ db: 'ISI', c1: 'UNIV BARCELONA, MELCIOR DE PALAU 140, BARCELONA 08014, SPAIN.', rp })
 * // { countries: ['ES'], corresponding: 'PW' }
 */
export function bibliometrixMetaTags(fields: BibliometrixFields): BibliometrixCountries {
  return { countries: allCountries(fields), corresponding: correspondingCountry(fields) }
}
