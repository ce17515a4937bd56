import { droppedNonAscii, latinAscii } from './latin-ascii.js'
import type { BibliometrixFields } from './meta-tag-extraction.js'

const SPACES = /\s+/g
const BRACES = /\},|\}|\{/g
const BRACKETS = /\[.*?\]/g

/** R's `toupper` after the reading of the file, with white space runs made one space (`trimES`). */
const upper = (text: string): string => text.replace(SPACES, ' ').toUpperCase()

const orNull = (text: string): string | null => (text === '' ? null : text)

/**
 * `C1` and `RP` as bibliometrix's `isi2df` builds them from a WoS plain-text record: the `C1` lines joined
 * by a space, bracket groups dropped, `;` after every period; the `RP` lines joined by a space.
 */
export function wosPlaintextFields(c1: readonly string[], rp: string | null): BibliometrixFields {
  const addresses = upper(droppedNonAscii(c1.join(' ')))
    .replace(BRACKETS, '')
    .trim()
  const reprint = rp === null || rp.trim() === '' ? null : upper(droppedNonAscii(rp))
  return { db: 'ISI', c1: orNull(addresses.replaceAll('.', '.;')), rp: reprint }
}

/**
 * A BibTeX field's lines as bibliometrix's `bib2df` reads them: every line a row, a continuation line
 * carried as ` text` (white space runs made one space), braces (and a brace's comma) dropped.
 */
function bib2dfLines(raw: string): string[] {
  return raw
    .split('\n')
    .filter((line) => line.length > 1)
    .map((line, i) => (i === 0 ? line : ` ${line}`.replace(SPACES, ' ')).replace(BRACES, ''))
}

/** Options of `bibtexFields`: the raw values (`BibtexEntry.fields`) of the fields `bib2df` maps to C1 and RP. */
export interface BibtexFieldsOptions {
  readonly db: 'ISI' | 'SCOPUS'
  /** WoS `Affiliation`, Scopus `affiliation(s)`: `C1`, its lines joined by `;`. */
  readonly affiliation: string | undefined
  /** Scopus `correspondence_address1`: `RP`, its lines joined by a space. */
  readonly correspondence?: string | undefined
}

/**
 * `C1` and `RP` as bibliometrix's `bib2df` builds them from a BibTeX entry (transliterated to ASCII, upper
 * case). WoS BibTeX has no reprint field: `RP` is `C1` up to its first period, which is the reprint line
 * WoS writes first (`Figueira, JR (Corresponding Author), Univ Lisbon, ..., Portugal`).
 */
export function bibtexFields({ db, affiliation, correspondence }: BibtexFieldsOptions): BibliometrixFields {
  const c1 = affiliation === undefined ? null : latinAscii(bib2dfLines(affiliation).join(';')).toUpperCase()
  if (db === 'ISI') return { db, c1, rp: c1 === null ? null : (c1.split('.')[0] ?? null) }
  const rp = correspondence === undefined ? null : upper(latinAscii(bib2dfLines(correspondence).join(' ')))
  return { db, c1, rp }
}

/**
 * `C1` and `RP` as bibliometrix's `csvScopus2df` builds them from a Scopus CSV row: its `Affiliations` and
 * `Correspondence Address` cells, upper case; an empty cell is an empty string, not `NA` (so a row with no
 * correspondence address has no corresponding country at all). `null`: the file has no such column.
 */
export function scopusCsvFields(
  affiliations: string | null,
  correspondence: string | null,
): BibliometrixFields {
  return { db: 'SCOPUS', c1: affiliations?.toUpperCase() ?? null, rp: correspondence?.toUpperCase() ?? null }
}

/**
 * `C1` as bibliometrix's `pubmed2df` builds it from a MEDLINE record: the `AD` values joined by a space,
 * upper case, `;` after every period. `RP` is `NA`.
 */
export function pubmedFields(affiliations: readonly string[]): BibliometrixFields {
  const c1 = upper(droppedNonAscii(affiliations.join(' ')))
  return { db: 'PUBMED', c1: c1 === '' ? null : c1.replaceAll('.', '.;'), rp: null }
}

/**
 * The title of a BibTeX entry as bibliometrix holds it (`TI`: lines joined by a space, transliterated, upper
 * case; `NA` without one), the key under which it drops a Scopus BibTeX record whose title an earlier
 * record of the file already has.
 */
export function bibtexTitleKey(raw: string | undefined): string {
  return raw === undefined ? 'NA' : upper(latinAscii(bib2dfLines(raw).join(' '))).trim()
}
