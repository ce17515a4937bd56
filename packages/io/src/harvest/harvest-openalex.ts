import { readOpenAlexApiPage } from '@meridian/ingest'
import { MeridianError, type RecordProblem, type Work } from '@meridian/model'
import { backoffDelay } from './backoff.js'
import { fetchPage, type RateLimitHeaders, type RetryReason } from './fetch-page.js'
import {
  emptyManifest,
  harvestedWorks,
  nextCursor,
  readManifest,
  writeManifest,
  type HarvestManifest,
} from './manifest.js'

/** One page of works, ready to be committed (in one transaction) before the harvest moves on. */
export interface HarvestedPage {
  /** Names the page in the store's ingest log and in problems: `openalex works <filter> page <n>`. */
  readonly label: string
  readonly works: readonly Work[]
  readonly problems: readonly RecordProblem[]
}

/** Where pages go: typically one store ingest run per page. `commit` resolves once the page is durable. */
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
  /** After each page committed: works committed over all runs and `meta.count`. */
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

/** How a run ended: all pages in, the request budget spent, or a page that kept failing (resumable). */
export type HarvestOutcome =
  | { readonly kind: 'complete' }
  | { readonly kind: 'budget'; readonly maxRequests: number }
  | {
      readonly kind: 'gave-up'
      readonly reason: RetryReason
      readonly status: number | null
      readonly detail: string
    }

/** What one run did; `manifest` is the state saved for the next. */
export interface HarvestReport {
  readonly outcome: HarvestOutcome
  /** Pages and works committed by this run, and records the reader skipped. */
  readonly pages: number
  readonly works: number
  readonly problems: number
  readonly requests: number
  readonly retries: number
  readonly retriesByReason: Readonly<Record<RetryReason, number>>
  /** Sum of `X-RateLimit-Credits-Used` and of `meta.cost_usd` over this run, when the server sent them. */
  readonly creditsUsed: number | null
  readonly costUsd: number | null
  /** The last `X-RateLimit-*` values seen. */
  readonly rateLimit: RateLimitHeaders | null
  readonly manifest: HarvestManifest
}

interface Normalised {
  readonly perPage: number
  readonly maxRequests: number
  readonly retries: number
  readonly backoffMs: number
  readonly maxBackoffMs: number
  readonly maxWaitMs: number
  readonly timeoutMs: number
}

const bad = (name: string, value: unknown, wanted: string) =>
  new MeridianError('BAD_OPTION', `harvest: ${name} must be ${wanted}, got ${JSON.stringify(value)}`)

function normalise(options: HarvestOptions): Normalised {
  if (!/^https?:\/\/[^/]/.test(options.baseUrl)) throw bad('the base URL', options.baseUrl, 'an http(s) URL')
  if (options.filter.trim() === '') throw bad('the filter', options.filter, 'a non-empty OpenAlex filter')
  const integer = (
    name: string,
    value: number | undefined,
    fallback: number,
    min: number,
    max = Infinity,
  ) => {
    const v = value ?? fallback
    if (!(Number.isInteger(v) || v === Infinity) || v < min || v > max)
      throw bad(name, value, `an integer from ${min}${max === Infinity ? '' : ` to ${max}`}`)
    return v
  }
  return {
    perPage: integer('per-page', options.perPage, 200, 1, 200),
    maxRequests: integer('max-requests', options.maxRequests, Infinity, 0),
    retries: integer('retries', options.retries, 8, 0),
    backoffMs: integer('backoff', options.backoffMs, 1000, 0),
    maxBackoffMs: integer('max backoff', options.maxBackoffMs, 60_000, 0),
    maxWaitMs: integer('max wait', options.maxWaitMs, 600_000, 0),
    timeoutMs: integer('timeout', options.timeoutMs, 30_000, 1),
  }
}

function pageUrl(options: HarvestOptions, perPage: number, cursor: string): string {
  const url = new URL(`${options.baseUrl.replace(/\/+$/, '')}/works`)
  url.searchParams.set('filter', options.filter)
  url.searchParams.set('per-page', String(perPage))
  url.searchParams.set('cursor', cursor)
  if (options.mailto) url.searchParams.set('mailto', options.mailto)
  if (options.apiKey) url.searchParams.set('api_key', options.apiKey)
  return url.href
}

/**
 * Page through `/works?filter=...` with cursors into a sink, resumably: each page is committed, then the
 * manifest records it (atomically), so a re-run after a kill starts where the manifest says and at worst
 * fetches again the one page whose commit it did not record (the store adds nothing for works it holds).
 * Retries 429s, 5xx, timeouts, dropped connections and truncated bodies with exponential backoff, full
 * jitter and `Retry-After`; stops cleanly at `maxRequests`.
 *
 * @example
 * const report = await harvestOpenAlex({ baseUrl, filter: 'publication_year:2020', manifest, sink })
 * if (report.outcome.kind !== 'complete') console.log('run again to resume')
 */
export async function harvestOpenAlex(options: HarvestOptions): Promise<HarvestReport> {
  const o = normalise(options)
  const doFetch = options.fetch ?? fetch
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const now = options.now ?? (() => new Date())
  const rng = options.rng ?? Math.random
  const saved = options.restart ? null : readManifest(options.manifest)
  if (saved && saved.filter !== options.filter)
    throw bad('the manifest filter', saved.filter, `the filter asked for ("${options.filter}")`)
  let manifest = saved ?? emptyManifest(options.filter, options.baseUrl)
  const before = { requests: manifest.requests, retries: manifest.retries }
  const headers: Record<string, string> = {
    'user-agent': `meridian${options.mailto ? ` (mailto:${options.mailto})` : ''}`,
  }
  const byReason: Record<RetryReason, number> = {
    'rate-limited': 0,
    'server-error': 0,
    truncated: 0,
    timeout: 0,
    network: 0,
  }
  let requests = 0
  let retries = 0
  let pages = 0
  let works = 0
  let problems = 0
  let creditsUsed: number | null = null
  let costUsd: number | null = null
  let rateLimit: RateLimitHeaders | null = null
  const totals = () => ({ requests: before.requests + requests, retries: before.retries + retries })
  const stop = async (outcome: HarvestOutcome): Promise<HarvestReport> => {
    manifest = { ...manifest, ...totals() }
    await writeManifest(options.manifest, manifest)
    return report(outcome)
  }
  const report = (outcome: HarvestOutcome): HarvestReport => ({
    outcome,
    pages,
    works,
    problems,
    requests,
    retries,
    retriesByReason: { ...byReason },
    creditsUsed,
    costUsd,
    rateLimit,
    manifest,
  })
  const note = (headers: RateLimitHeaders) => {
    if (headers.limit === null && headers.remaining === null && headers.creditsUsed === null) return
    rateLimit = headers
    if (headers.creditsUsed !== null) creditsUsed = (creditsUsed ?? 0) + headers.creditsUsed
  }

  for (let cursor = nextCursor(manifest); cursor !== null; cursor = nextCursor(manifest)) {
    const url = pageUrl(options, o.perPage, cursor)
    for (let attempt = 0; ; attempt++) {
      if (requests >= o.maxRequests) return stop({ kind: 'budget', maxRequests: o.maxRequests })
      requests++
      const response = await fetchPage(url, { fetch: doFetch, timeoutMs: o.timeoutMs, now, headers })
      if (response.kind === 'refused')
        throw new MeridianError(
          'BAD_OPTION',
          `harvest: the API refused the works query with filter "${options.filter}" (${response.detail})`,
        )
      note(response.rateLimit)
      if (response.kind === 'page') {
        const { meta } = response
        const number = manifest.pages.length + 1
        const label = `openalex works ${options.filter} page ${number}`
        if (meta.costUsd !== null) costUsd = (costUsd ?? 0) + meta.costUsd
        if (meta.results > 0) {
          const read = [...readOpenAlexApiPage(response.text, { file: label })]
          const pageWorks = read.flatMap((item) => (item.kind === 'work' ? [item.work] : []))
          const pageProblems = read.flatMap((item) => (item.kind === 'problem' ? [item.problem] : []))
          await options.sink.commit({ label, works: pageWorks, problems: pageProblems })
          works += pageWorks.length
          problems += pageProblems.length
        }
        pages++
        manifest = {
          ...manifest,
          total: meta.count ?? manifest.total,
          pages: [
            ...manifest.pages,
            {
              page: number,
              cursor,
              next: meta.nextCursor,
              results: meta.results,
              committedAt: now().toISOString(),
            },
          ],
          ...totals(),
          costUsd: manifest.costUsd + (meta.costUsd ?? 0),
        }
        await writeManifest(options.manifest, manifest)
        options.onProgress?.({ works: harvestedWorks(manifest), total: manifest.total })
        break
      }
      byReason[response.reason]++
      const delayMs = backoffDelay({
        attempt,
        baseMs: o.backoffMs,
        capMs: o.maxBackoffMs,
        retryAfterMs: response.retryAfterMs,
        rng,
      })
      if (attempt >= o.retries || (response.retryAfterMs ?? 0) > o.maxWaitMs)
        return stop({
          kind: 'gave-up',
          reason: response.reason,
          status: response.status,
          detail: response.detail,
        })
      retries++
      options.onRetry?.({
        reason: response.reason,
        status: response.status,
        attempt,
        delayMs,
        detail: response.detail,
      })
      await sleep(delayMs)
    }
  }
  return report({ kind: 'complete' })
}
