/** What the harvest needs from a works list page, once the body is known to be whole. */
export interface PageMeta {
  /** `meta.count`: how many works the filter matches (the progress bar's total). */
  readonly count: number | null
  /** `meta.next_cursor`: `null` on the last page. */
  readonly nextCursor: string | null
  /** How many entries `results` holds. */
  readonly results: number
  /** `meta.cost_usd`, which the API reports per request when it charges. */
  readonly costUsd: number | null
}

/** A page body checked: a whole page, or why it is not one (a truncated body is the usual reason). */
export type PageBody =
  { readonly kind: 'page'; readonly meta: PageMeta } | { readonly kind: 'invalid'; readonly reason: string }

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null

/**
 * Check the text of a works list page: JSON, an object, with a `results` array and a `meta` object whose
 * `next_cursor` is a string or null. Anything else (a body cut short, an HTML error page) is `invalid`.
 */
export function decodePageBody(text: string): PageBody {
  let page: unknown
  try {
    page = JSON.parse(text)
  } catch (error) {
    return { kind: 'invalid', reason: `not JSON (${text.length} characters): ${(error as Error).message}` }
  }
  if (!isObject(page)) return { kind: 'invalid', reason: 'not a JSON object' }
  const { meta, results } = page
  if (!Array.isArray(results)) return { kind: 'invalid', reason: 'no results array' }
  if (!isObject(meta)) return { kind: 'invalid', reason: 'no meta object' }
  const next = meta.next_cursor
  if (next !== null && next !== undefined && typeof next !== 'string')
    return { kind: 'invalid', reason: `meta.next_cursor is ${JSON.stringify(next)}` }
  return {
    kind: 'page',
    meta: {
      count: numberOrNull(meta.count),
      nextCursor: typeof next === 'string' && next.length > 0 ? next : null,
      results: results.length,
      costUsd: numberOrNull(meta.cost_usd),
    },
  }
}
