import type { BibliometrixCountries, ReadItem, ReadOptions } from '@meridian/model'
import { bibtexFields, bibtexTitleKey } from '../bibliometrix/index.js'
import { decodeScopusRecord, type ScopusContext, type ScopusFields } from '../scopus/index.js'
import { readBibtexEntries, type BibtexEntry } from './bibtex-entries.js'
import { bibtexText, splitBibtexNames } from './bibtex-text.js'

const EID_IN_URL = /[?&]eid=(2-s2\.0-\d+)/
const CITED_BY = /cited by:?\s*(\d+)/i

function scopusFields(entry: BibtexEntry): ScopusFields {
  const get = (name: string): string | null => {
    const raw = entry.fields.get(name)
    const text = raw === undefined ? '' : bibtexText(raw)
    return text === '' ? null : text
  }
  return {
    line: entry.line,
    authors: splitBibtexNames(get('author') ?? ''),
    fullNames: [],
    authorsWithAffiliations: null,
    affiliations: get('affiliation') ?? get('affiliations'),
    correspondence: get('correspondence_address1') ?? get('correspondence_address'),
    bibliometrix: bibtexFields({
      db: 'SCOPUS',
      affiliation: entry.fields.get('affiliation') ?? entry.fields.get('affiliations'),
      correspondence: entry.fields.get('correspondence_address1'),
    }),
    title: get('title'),
    abstract: get('abstract'),
    authorKeywords: get('author_keywords'),
    indexKeywords: get('keywords'),
    year: get('year'),
    sourceTitle: get('journal') ?? get('booktitle'),
    citedBy: CITED_BY.exec(get('note') ?? '')?.[1] ?? null,
    doi: get('doi'),
    eid: EID_IN_URL.exec(get('url') ?? '')?.[1] ?? null,
    pmid: get('pubmed_id'),
    type: get('document_type') ?? entry.type,
    names: { year: 'year', citedBy: 'note', eid: 'url' },
  }
}

/** What bibliometrix extracts from a record it drops: nothing, so it is in none of its country tables. */
const DROPPED: BibliometrixCountries = Object.freeze({ countries: Object.freeze([]), corresponding: null })

/**
 * Read a Scopus BibTeX export (`@ARTICLE{Key, author={A, B. and C, D.}, affiliation={...; ...}, ...}`).
 * Its `affiliation` field lists addresses without linking them to authors, so every author gets all of
 * them; `correspondence_address1` gives the corresponding author and address. The Scopus EID comes from
 * the `url`, the citation count from `note` (`cited By 12`). bibliometrix drops a record whose title an
 * earlier record of the file has (the file's titles are kept to tell): such a work is read as usual, but
 * with nothing in `Work.bibliometrix`, so the `bibliometrix` policy leaves it out of its country tables.
 */
export async function* readScopusBibtex(
  lines: AsyncIterable<string>,
  options: ReadOptions,
): AsyncIterable<ReadItem> {
  const context: ScopusContext = { file: options.file, format: 'scopus-bibtex' }
  const titles = new Set<string>()
  for await (const item of readBibtexEntries(lines, options.file)) {
    if (item.kind !== 'entry') {
      yield item
      continue
    }
    const decoded = decodeScopusRecord(scopusFields(item), context)
    const title = bibtexTitleKey(item.fields.get('title'))
    const repeated = titles.has(title)
    titles.add(title)
    yield repeated && decoded.kind === 'work'
      ? { kind: 'work', work: { ...decoded.work, bibliometrix: DROPPED } }
      : decoded
  }
}

/** Whether a file's first kilobytes are a Scopus BibTeX export: entries with Scopus's `url` or `source={Scopus}`. */
export function detectScopusBibtex(head: string): boolean {
  return (
    /^\s*@[A-Za-z]+\s*\{/m.test(head) &&
    (/\burl\s*=\s*\{https?:\/\/www\.scopus\.com\//i.test(head) || /\bsource\s*=\s*\{Scopus\}/i.test(head))
  )
}
