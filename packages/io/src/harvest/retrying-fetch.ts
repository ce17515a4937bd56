import { MeridianError } from '@meridian/model'
import { backoffDelay } from './backoff.js'
import { fetchPage, type RateLimitHeaders, type RetryReason } from './fetch-page.js'
import type { HarvestOptions, Normalised } from './harvest-options.js'
import type { PageMeta } from './page-body.js'

/** What one harvest run has spent: requests, retries by reason, credits, cost, the last rate-limit headers. */
export interface Usage {
  requests: number
  retries: number
  readonly failuresByReason: Record<RetryReason, number>
  creditsUsed: number | null
  costUsd: number | null
  rateLimit: RateLimitHeaders | null
}

/** A new, empty usage tally. */
export const emptyUsage = (): Usage => ({
  requests: 0,
  retries: 0,
  failuresByReason: { 'rate-limited': 0, 'server-error': 0, truncated: 0, timeout: 0, network: 0 },
  creditsUsed: null,
  costUsd: null,
  rateLimit: null,
})

/** Why a run stopped before the last page: the budget spent, or a page that kept failing. */
export type Stop =
  | { readonly kind: 'budget'; readonly maxRequests: number }
  | {
      readonly kind: 'gave-up'
      readonly reason: RetryReason
      readonly status: number | null
      readonly detail: string
    }

/** What `fetchWithRetries` works with. */
export interface RetryContext {
  readonly policy: Normalised
  readonly options: HarvestOptions
  readonly usage: Usage
  readonly fetch: typeof fetch
  readonly sleep: (ms: number) => Promise<void>
  readonly now: () => Date
  readonly rng: () => number
  readonly headers: Readonly<Record<string, string>>
}

function note(usage: Usage, headers: RateLimitHeaders): void {
  if (headers.limit === null && headers.remaining === null && headers.creditsUsed === null) return
  usage.rateLimit = headers
  if (headers.creditsUsed !== null) usage.creditsUsed = (usage.creditsUsed ?? 0) + headers.creditsUsed
}

/**
 * GET a page, retrying what is worth retrying after a backoff, until it comes whole, the request budget is
 * spent, or the page's retries are (or a `Retry-After` longer than the longest wait asks to stop). A refusal
 * (a 4xx other than 403/429: a bad filter, a bad key) throws `BAD_OPTION`. Counts everything in `usage`.
 */
export async function fetchWithRetries(
  url: string,
  context: RetryContext,
): Promise<
  | { readonly kind: 'page'; readonly text: string; readonly meta: PageMeta }
  | { readonly kind: 'stop'; readonly stop: Stop }
> {
  const { policy, usage } = context
  for (let attempt = 0; ; attempt++) {
    if (usage.requests >= policy.maxRequests)
      return { kind: 'stop', stop: { kind: 'budget', maxRequests: policy.maxRequests } }
    usage.requests++
    const response = await fetchPage(url, {
      fetch: context.fetch,
      timeoutMs: policy.timeoutMs,
      now: context.now,
      headers: context.headers,
    })
    if (response.kind === 'refused')
      throw new MeridianError(
        'BAD_OPTION',
        `harvest: the API refused the works query with filter "${context.options.filter}" (${response.detail})`,
      )
    note(usage, response.rateLimit)
    if (response.kind === 'page') {
      if (response.meta.costUsd !== null) usage.costUsd = (usage.costUsd ?? 0) + response.meta.costUsd
      return { kind: 'page', text: response.text, meta: response.meta }
    }
    usage.failuresByReason[response.reason]++
    if (attempt >= policy.retries || (response.retryAfterMs ?? 0) > policy.maxWaitMs)
      return {
        kind: 'stop',
        stop: { kind: 'gave-up', reason: response.reason, status: response.status, detail: response.detail },
      }
    const delayMs = backoffDelay({
      attempt,
      baseMs: policy.backoffMs,
      capMs: policy.maxBackoffMs,
      retryAfterMs: response.retryAfterMs,
      rng: context.rng,
    })
    usage.retries++
    context.options.onRetry?.({
      reason: response.reason,
      status: response.status,
      attempt,
      delayMs,
      detail: response.detail,
    })
    await context.sleep(delayMs)
  }
}
