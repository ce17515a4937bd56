import type { Rng } from './rng.js'

/** Document types in the OpenAlex vocabulary, with their share and how they are cited relative to articles. */
const TYPES: readonly { readonly type: string; readonly share: number; readonly citations: number }[] = [
  { type: 'article', share: 0.8, citations: 1 },
  { type: 'review', share: 0.08, citations: 2.5 },
  { type: 'book-chapter', share: 0.04, citations: 0.4 },
  { type: 'letter', share: 0.03, citations: 0.3 },
  { type: 'preprint', share: 0.03, citations: 0.5 },
  { type: 'editorial', share: 0.02, citations: 0.2 },
]

/** A document type and its citation factor. */
export function drawWorkType(rng: Rng): { readonly type: string; readonly citations: number } {
  let u = rng()
  for (const entry of TYPES) {
    u -= entry.share
    if (u < 0) return entry
  }
  return TYPES[0]!
}
