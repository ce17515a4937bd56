import type { ReadItem, ReadOptions } from '@meridian/model'
import { bibliometrixMetaTags, bibtexFields } from '../bibliometrix/index.js'
import { decodeWosRecord } from '../wos/wos-record.js'
import { nameKey } from '../wos/wos-names.js'
import { readBibtexEntries, type BibtexEntry } from './bibtex-entries.js'
import { bibtexLines, bibtexText, splitBibtexNames } from './bibtex-text.js'

const REPRINT = /\((?:reprint|corresponding) author\)/i

/** `Hansen, Matt C.` -> `Hansen, MC`: the short form WoS uses in reprint addresses and plain-text `AU`. */
function shortName(full: string): string {
  const comma = full.indexOf(',')
  if (comma < 0) return full
  const initials = full
    .slice(comma + 1)
    .split(/[\s.-]+/)
    .map((part) => part.charAt(0))
    .join('')
  return `${full.slice(0, comma)}, ${initials}`
}

/**
 * Split an `Affiliation` value into reprint entries and `C1`-style addresses. WoS writes one entry per line
 * (an entry may wrap onto the next line; each ends with a period): reprint entries carry `(Reprint Author)`
 * or `(Corresponding Author)`; address entries start with their authors' full names, `; `-separated, then
 * the address: `Iorio, Carmela; D'Ambrosio, Antonio, Univ Naples Federico II, ..., Italy.` Records before
 * 2008 give the address alone. Addresses are returned as plain-text `C1` values, `[names] address`.
 */
export function splitWosAffiliation(
  value: string,
  authors: readonly string[],
): { addresses: string[]; reprints: string[] } {
  const known = new Set(authors.flatMap((name) => [nameKey(name), nameKey(shortName(name))]))
  const entries: string[] = []
  let current = ''
  for (const line of bibtexLines(value).split('\n')) {
    current = current === '' ? line : `${current} ${line}`
    if (current.endsWith('.')) {
      entries.push(current)
      current = ''
    }
  }
  if (current !== '') entries.push(current)
  const addresses: string[] = []
  const reprints: string[] = []
  for (const entry of entries) {
    if (REPRINT.test(entry)) {
      reprints.push(entry)
      continue
    }
    const pieces = entry.split('; ')
    const last = pieces[pieces.length - 1] ?? ''
    const first = last.indexOf(',')
    const second = first < 0 ? -1 : last.indexOf(',', first + 1)
    const lastName = second < 0 ? null : last.slice(0, second).trim()
    const named = lastName !== null && (pieces.length > 1 || known.has(nameKey(lastName)))
    if (!named) {
      addresses.push(entry)
      continue
    }
    const names = [...pieces.slice(0, -1), lastName].map((name) => name.trim())
    addresses.push(`[${names.join('; ')}] ${last.slice(second + 1).trim()}`)
  }
  return { addresses, reprints }
}

/** A WoS BibTeX entry as the plain-text tags `decodeWosRecord` reads. */
function wosTags(entry: BibtexEntry): Map<string, string[]> {
  const text = (name: string): string | null => {
    const raw = entry.fields.get(name)
    const value = raw === undefined ? '' : bibtexText(raw)
    return value === '' ? null : value
  }
  const tags = new Map<string, string[]>()
  const set = (tag: string, value: string | null): void => {
    if (value !== null) tags.set(tag, [value])
  }
  const authors = splitBibtexNames(text('author') ?? '')
  tags.set('AF', authors)
  tags.set('AU', authors.map(shortName))
  const affiliation = entry.fields.get('affiliation')
  if (affiliation !== undefined) {
    const { addresses, reprints } = splitWosAffiliation(affiliation, authors)
    tags.set('C1', addresses)
    if (reprints.length > 0) set('RP', reprints.join('; '))
  }
  set('UT', text('unique-id') ?? entry.key)
  set('TI', text('title'))
  set('AB', text('abstract'))
  set('DE', text('keywords'))
  set('ID', text('keywords-plus'))
  set('SO', text('journal') ?? text('booktitle'))
  set('PY', text('year'))
  set('DT', text('type'))
  set('DI', text('doi'))
  set('TC', text('times-cited'))
  set('WC', text('web-of-science-categories'))
  set('SC', text('research-areas'))
  set('PM', text('pubmed-id') ?? text('pmid'))
  set('EA', text('early access date'))
  const orcids = entry.fields.get('orcid-numbers')
  if (orcids !== undefined) set('OI', bibtexLines(orcids).split('\n').join(';'))
  return tags
}

/**
 * Read a Web of Science BibTeX export (`@article{ WOS:000..., Author = {...}, Affiliation = {{...}}, ...}`).
 * Fields are mapped to the plain-text tags and decoded with the same rules as `readWosPlaintext`: the
 * `Affiliation` field's address lines link authors to addresses as `C1` bracket groups do, its reprint
 * lines are the `RP` address. What bibliometrix extracts (`Work.bibliometrix`) follows its own BibTeX reading
 * (`bib2df`): the whole field as `C1`, its text up to the first period as `RP`.
 */
export async function* readWosBibtex(
  lines: AsyncIterable<string>,
  options: ReadOptions,
): AsyncIterable<ReadItem> {
  const context = { file: options.file, format: 'wos-plaintext' } as const
  for await (const item of readBibtexEntries(lines, options.file)) {
    if (item.kind !== 'entry') {
      yield item
      continue
    }
    const decoded = decodeWosRecord({ fields: wosTags(item), line: item.line }, context)
    if (decoded.kind !== 'work') {
      yield decoded
      continue
    }
    const fields = bibtexFields({ db: 'ISI', affiliation: item.fields.get('affiliation') })
    const provenance = { ...decoded.work.provenance, format: 'wos-bibtex' } as const
    yield { kind: 'work', work: { ...decoded.work, bibliometrix: bibliometrixMetaTags(fields), provenance } }
  }
}

/** Whether a file's first kilobytes are a WoS BibTeX export: entries keyed `ISI:`/`WOS:` or with WoS fields. */
export function detectWosBibtex(head: string): boolean {
  return (
    /^\s*@[A-Za-z]+\s*\{\s*(?:ISI|WOS):/im.test(head) ||
    (/^\s*@[A-Za-z]+\s*\{/m.test(head) && /^(?:Unique-ID|Web-of-Science-Categories)\s*=/im.test(head))
  )
}
