import type { SourceName } from '@meridian/model'

/**
 * Which source gives a merged work its authorships and affiliations: structured institutions with ids first
 * (OpenAlex), then the curated address fields of the citation indexes, then the sources with free-text or no
 * affiliations. A record with no affiliation at all never wins over one with some.
 */
export const AFFILIATION_PRECEDENCE: readonly SourceName[] = Object.freeze([
  'openalex',
  'scopus',
  'wos',
  'dimensions',
  'pubmed',
  'crossref',
  'lens',
  'unknown',
  'synthetic',
])

/** Which source gives a merged work its citation count: the broadest citation graphs first. */
export const CITATION_PRECEDENCE: readonly SourceName[] = Object.freeze([
  'openalex',
  'scopus',
  'wos',
  'dimensions',
  'lens',
  'crossref',
  'pubmed',
  'unknown',
  'synthetic',
])

/**
 * Which source gives a merged work its abstract: the verbatim abstracts of the curated indexes first, then
 * Crossref's publisher deposits (JATS markup stripped), then OpenAlex's, rebuilt from its inverted index.
 * A record with no abstract never wins over one with one.
 */
export const ABSTRACT_PRECEDENCE: readonly SourceName[] = Object.freeze([
  'scopus',
  'wos',
  'pubmed',
  'crossref',
  'openalex',
  'dimensions',
  'lens',
  'unknown',
  'synthetic',
])

/** The rank of a source in a precedence list (0 first); unlisted sources come last. */
export function rank(order: readonly string[], source: string): number {
  const i = order.indexOf(source)
  return i === -1 ? order.length : i
}
