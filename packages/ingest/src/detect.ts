import type { SourceFormat } from '@meridian/model'
import { detectScopusBibtex, detectWosBibtex } from './bibtex/index.js'
import { detectCrossrefJson } from './crossref/index.js'
import { detectDimensionsCsv } from './dimensions/index.js'
import { detectLensCsv } from './lens/index.js'
import { detectOpenAlexCsv } from './openalex-csv/index.js'
import { detectPubmedMedline } from './pubmed/index.js'
import { detectRis } from './ris/index.js'
import { detectScopusCsv } from './scopus/index.js'

const BOM = '\uFEFF'

/** Whether a line is a complete JSON object (cheap check first, parse only if it looks like one). */
function isJsonObject(line: string): boolean {
  const text = line.trim()
  if (!text.startsWith('{') || !text.endsWith('}')) return false
  try {
    return typeof JSON.parse(text) === 'object'
  } catch {
    return false
  }
}

/** OpenAlex works: JSONL (one work per line) or an API page / single work over one or more lines. */
function detectOpenAlex(text: string, firstLine: string): SourceFormat | null {
  const trimmed = text.trimStart()
  if (!trimmed.startsWith('{')) return null
  if (isJsonObject(firstLine)) {
    return /^\s*\{\s*"meta"\s*:/.test(firstLine) || /"results"\s*:\s*\[/.test(firstLine.slice(0, 4096))
      ? 'openalex-api-page'
      : 'openalex-jsonl'
  }
  if (/"(results|authorships|publication_year)"\s*:/.test(trimmed)) return 'openalex-api-page'
  // A first line longer than the head (a huge work, or one too long to read): an OpenAlex id says what it is.
  const cut = firstLine.length === text.length
  return cut && /^\s*\{\s*"id"\s*:\s*"(?:https:\/\/openalex\.org\/)?W\d+"/.test(firstLine)
    ? 'openalex-jsonl'
    : null
}

/** Content tests in order: the more specific first (WoS BibTeX before Scopus BibTeX, Crossref before OpenAlex). */
const DETECTORS: readonly (readonly [SourceFormat, (head: string) => boolean])[] = [
  ['wos-bibtex', detectWosBibtex],
  ['scopus-bibtex', detectScopusBibtex],
  ['crossref-json', detectCrossrefJson],
  ['pubmed-medline', detectPubmedMedline],
  ['ris', detectRis],
  ['scopus-csv', detectScopusCsv],
  ['lens-csv', detectLensCsv],
  ['dimensions-csv', detectDimensionsCsv],
  ['openalex-csv', detectOpenAlexCsv],
]

/**
 * Recognise a format from the first kilobytes of a (decompressed) file, never from its name.
 * Returns `null` when the content matches no reader.
 */
export function detectFormat(head: string): SourceFormat | null {
  const text = head.startsWith(BOM) ? head.slice(1) : head
  const firstLine = text.slice(0, text.search(/\r\n|\r|\n|$/))
  if (/^(FN|VR|PT) /.test(firstLine)) return 'wos-plaintext'
  if (/^PT\tAU\t/.test(firstLine)) return 'wos-tabdelimited'
  for (const [format, detect] of DETECTORS) if (detect(head)) return format
  return detectOpenAlex(text, firstLine)
}
