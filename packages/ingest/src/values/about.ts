import type { WorkKeyword } from '@meridian/model'

/** Text as kept: trimmed, each run of whitespace made one space; `null` when nothing is left. */
export function cleanText(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim() ?? ''
  return text === '' ? null : text
}

/** What exporters write in the abstract field of a record without one (Scopus: `[No abstract available]`). */
const NO_ABSTRACT = /^\[?no abstract available\.?\]?$/i

/** The abstract as kept: whitespace collapsed; `null` when empty or a placeholder saying there is none. */
export function abstractText(value: string | null | undefined): string | null {
  const text = cleanText(value)
  return text === null || NO_ABSTRACT.test(text) ? null : text
}

/** The items of a list written in one field, `;`-separated unless the format has its own `separator`. */
export function splitTerms(value: string | null | undefined, separator: string | RegExp = ';'): string[] {
  return value ? value.split(separator) : []
}

/** Keywords of one kind: each value cleaned, empties dropped, the first of equal ones kept. */
export function terms(
  kind: WorkKeyword['kind'],
  values: Iterable<string | null | undefined>,
  score: number | null = null,
): WorkKeyword[] {
  const out: WorkKeyword[] = []
  for (const value of values) {
    const keyword = cleanText(value)
    if (keyword !== null) out.push({ keyword, kind, score })
  }
  return distinctKeywords(out)
}

/** The first of each (keyword, kind), in order. */
export function distinctKeywords(keywords: Iterable<WorkKeyword>): WorkKeyword[] {
  const seen = new Set<string>()
  const out: WorkKeyword[] = []
  for (const k of keywords) {
    const key = `${k.kind}\u0000${k.keyword}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(k)
  }
  return out
}

const TAG = /<\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?\/?>/g
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}
/** A leading `<jats:title>Abstract</jats:title>` (Crossref), a heading rather than the abstract's text. */
const ABSTRACT_HEADING = /^\s*<(?:jats:)?title>\s*abstract\s*<\/(?:jats:)?title>/i

/**
 * An abstract written in JATS or HTML markup (Crossref, Lens): tags dropped (each leaves a space, so
 * paragraphs do not run together), the common entities decoded, a leading `Abstract` heading dropped.
 */
export function markupAbstract(value: string | null | undefined): string | null {
  if (!value) return null
  const text = value
    .replace(ABSTRACT_HEADING, '')
    .replace(TAG, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
  return abstractText(text)
}
