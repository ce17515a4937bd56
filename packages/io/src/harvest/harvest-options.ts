import { MeridianError, type RecordProblem, type Work } from '@meridian/model'
import type { RetryReason } from './fetch-page.js'

/** Pages of works, ready to be committed (in one transaction) before the harvest moves on. */
export interface HarvestedPage {
  /** Names the pages in the store's ingest log: `openalex works <filter> pages <first>-<last>`. */
  readonly label: string
  readonly works: readonly Work[]
  readonly problems: readonly RecordProblem[]
}

/** Where pages go: typically one store ingest run per batch. `commit` resolves once the pages are durable. */
export interface PageSink {
  commit(page: HarvestedPage): Promise<void>
}

/** Options of `harvestOpenAlex`; defaults in brackets. */
export interface HarvestOptions {
  /** The API root, without `/works`. */
  readonly baseUrl: string
  /** An OpenAlex works filter, e.g. `institutions.country_code:GH,publication_year:2020`. */
  readonly filter: string
  /** Results per page, 1 to 200 [200]. */
  readonly perPage?: number
  readonly mailto?: string | null
  readonly apiKey?: string | null
  /** The manifest file (see `manifestPath`). */
  readonly manifest: string
  readonly sink: PageSink
  /** Pages committed together, in one transaction [5]; a kill makes a re-run fetch at most this many again. */
  readonly pagesPerCommit?: number
  /** Begin again at the first page, whatever the manifest says [false]. */
  readonly restart?: boolean
  /** Requests this run may make, retries included [unlimited]. */
  readonly maxRequests?: number
  /** Retries of one page before giving up [8]. */
  readonly retries?: number
  /** Base of the exponential backoff, in ms [1000]. */
  readonly backoffMs?: number
  /** Cap of the jittered backoff, in ms [60,000]. */
  readonly maxBackoffMs?: number
  /** A `Retry-After` longer than this (a daily limit reached) stops the harvest instead, in ms [600,000]. */
  readonly maxWaitMs?: number
  /** Per request, body included, in ms [30,000]. */
  readonly timeoutMs?: number
  /** Injected for tests: [global fetch], [setTimeout], [the clock], [Math.random]. */
  readonly fetch?: typeof fetch
  readonly sleep?: (ms: number) => Promise<void>
  readonly now?: () => Date
  readonly rng?: () => number
  /** After each commit: works committed over all runs and `meta.count`. */
  readonly onProgress?: (progress: { readonly works: number; readonly total: number | null }) => void
  /** Before each wait for a retry. */
  readonly onRetry?: (retry: {
    readonly reason: RetryReason
    readonly status: number | null
    readonly attempt: number
    readonly delayMs: number
    readonly detail: string
  }) => void
}

/** Options with their defaults filled in and checked. */
export interface Normalised {
  readonly perPage: number
  readonly pagesPerCommit: number
  readonly maxRequests: number
  readonly retries: number
  readonly backoffMs: number
  readonly maxBackoffMs: number
  readonly maxWaitMs: number
  readonly timeoutMs: number
}

/** `BAD_OPTION` naming the option, the value given and what was wanted. */
export const badOption = (name: string, value: unknown, wanted: string) =>
  new MeridianError('BAD_OPTION', `harvest: ${name} must be ${wanted}, got ${JSON.stringify(value)}`)

/** Fill in the defaults and refuse impossible values with `BAD_OPTION`, before any request. */
export function normalise(options: HarvestOptions): Normalised {
  if (!/^https?:\/\/[^/]/.test(options.baseUrl))
    throw badOption('the base URL', options.baseUrl, 'an http(s) URL')
  if (options.filter.trim() === '')
    throw badOption('the filter', options.filter, 'a non-empty OpenAlex filter')
  const integer = (
    name: string,
    value: number | undefined,
    range: { fallback: number; min: number; max?: number },
  ) => {
    const v = value ?? range.fallback
    const max = range.max ?? Infinity
    if (!(Number.isInteger(v) || v === Infinity) || v < range.min || v > max)
      throw badOption(name, value, `an integer from ${range.min}${max === Infinity ? '' : ` to ${max}`}`)
    return v
  }
  return {
    perPage: integer('per-page', options.perPage, { fallback: 200, min: 1, max: 200 }),
    pagesPerCommit: integer('pages per commit', options.pagesPerCommit, { fallback: 5, min: 1 }),
    maxRequests: integer('max-requests', options.maxRequests, { fallback: Infinity, min: 0 }),
    retries: integer('retries', options.retries, { fallback: 8, min: 0 }),
    backoffMs: integer('backoff', options.backoffMs, { fallback: 1000, min: 0 }),
    maxBackoffMs: integer('max backoff', options.maxBackoffMs, { fallback: 60_000, min: 0 }),
    maxWaitMs: integer('max wait', options.maxWaitMs, { fallback: 600_000, min: 0 }),
    timeoutMs: integer('timeout', options.timeoutMs, { fallback: 30_000, min: 1 }),
  }
}

/** The URL of the works page at `cursor`. */
export function pageUrl(options: HarvestOptions, perPage: number, cursor: string): string {
  const url = new URL(`${options.baseUrl.replace(/\/+$/, '')}/works`)
  url.searchParams.set('filter', options.filter)
  url.searchParams.set('per-page', String(perPage))
  url.searchParams.set('cursor', cursor)
  if (options.mailto) url.searchParams.set('mailto', options.mailto)
  if (options.apiKey) url.searchParams.set('api_key', options.apiKey)
  return url.href
}
