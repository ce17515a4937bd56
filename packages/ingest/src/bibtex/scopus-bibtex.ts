import type { ReadItem, ReadOptions } from '@meridian/model'
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
    title: get('title'),
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

/**
 * Read a Scopus BibTeX export (`@ARTICLE{Key, author={A, B. and C, D.}, affiliation={...; ...}, ...}`).
 * Its `affiliation` field lists addresses without linking them to authors, so every author gets all of
 * them; `correspondence_address1` gives the corresponding author and address. The Scopus EID comes from
 * the `url`, the citation count from `note` (`cited By 12`).
 */
export async function* readScopusBibtex(
  lines: AsyncIterable<string>,
  options: ReadOptions,
): AsyncIterable<ReadItem> {
  const context: ScopusContext = { file: options.file, format: 'scopus-bibtex' }
  for await (const item of readBibtexEntries(lines, options.file)) {
    yield item.kind === 'entry' ? decodeScopusRecord(scopusFields(item), context) : item
  }
}

/** Whether a file's first kilobytes are a Scopus BibTeX export: entries with Scopus's `url` or `source={Scopus}`. */
export function detectScopusBibtex(head: string): boolean {
  return (
    /^\s*@[A-Za-z]+\s*\{/m.test(head) &&
    (/\burl\s*=\s*\{https?:\/\/www\.scopus\.com\//i.test(head) || /\bsource\s*=\s*\{Scopus\}/i.test(head))
  )
}
