import { readOpenAlexApiPage } from '@meridian/ingest'
import { MeridianError } from '@meridian/model'
import { backoffDelay } from './backoff.js'
import { fetchPage, type RateLimitHeaders, type RetryReason } from './fetch-page.js'
import { badOption, normalise, pageUrl, type HarvestOptions } from './harvest-options.js'
import {
  emptyManifest,
  harvestedWorks,
  nextCursor,
  readManifest,
  writeManifest,
  type HarvestManifest,
} from './manifest.js'

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
    throw badOption('the manifest filter', saved.filter, `the filter asked for ("${options.filter}")`)
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
