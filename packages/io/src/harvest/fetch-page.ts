import { parseRetryAfter } from './backoff.js'
import { decodePageBody, type PageMeta } from './page-body.js'

/** Why a request is worth repeating. */
export type RetryReason = 'rate-limited' | 'server-error' | 'truncated' | 'timeout' | 'network'

/** The rate-limit headers of a response (`X-RateLimit-*`), each `null` when absent. */
export interface RateLimitHeaders {
  readonly limit: number | null
  readonly remaining: number | null
  readonly creditsUsed: number | null
}

/** One request's outcome: a whole page, something to retry, or a refusal retrying will not change. */
export type PageResponse =
  | {
      readonly kind: 'page'
      readonly text: string
      readonly meta: PageMeta
      readonly rateLimit: RateLimitHeaders
    }
  | {
      readonly kind: 'retry'
      readonly reason: RetryReason
      readonly status: number | null
      readonly retryAfterMs: number | null
      readonly detail: string
      readonly rateLimit: RateLimitHeaders
    }
  | { readonly kind: 'refused'; readonly status: number; readonly detail: string }

/** Options of `fetchPage`. */
export interface FetchPageOptions {
  readonly fetch: typeof fetch
  /** The whole request, body included, is abandoned after this. */
  readonly timeoutMs: number
  readonly now: () => Date
  readonly headers?: Readonly<Record<string, string>>
}

const NO_RATE_LIMIT: RateLimitHeaders = Object.freeze({ limit: null, remaining: null, creditsUsed: null })

function headerNumber(headers: Headers, name: string): number | null {
  const value = headers.get(name)
  const number = value === null ? NaN : Number(value)
  return Number.isFinite(number) ? number : null
}

function rateLimitOf(headers: Headers): RateLimitHeaders {
  return {
    limit: headerNumber(headers, 'x-ratelimit-limit'),
    remaining: headerNumber(headers, 'x-ratelimit-remaining'),
    creditsUsed: headerNumber(headers, 'x-ratelimit-credits-used'),
  }
}

const describeError = (error: unknown): string => {
  const e = error as Error & { cause?: Error }
  return e.cause?.message ? `${e.message} (${e.cause.message})` : String(e.message ?? error)
}

const isTimeout = (error: unknown): boolean =>
  (error as Error | undefined)?.name === 'TimeoutError' || (error as Error | undefined)?.name === 'AbortError'

/**
 * GET one works list page and classify the outcome, never throwing: 429 (and 403, which the API also uses
 * for rate limiting) and 5xx are retried, as are timeouts, dropped connections and bodies that are not a
 * whole page; any other status is a refusal.
 */
export async function fetchPage(url: string, options: FetchPageOptions): Promise<PageResponse> {
  const signal = AbortSignal.timeout(options.timeoutMs)
  let response: Response
  try {
    response = await options.fetch(url, {
      signal,
      headers: { accept: 'application/json', ...options.headers },
    })
  } catch (error) {
    const reason = isTimeout(error) ? 'timeout' : 'network'
    return {
      kind: 'retry',
      reason,
      status: null,
      retryAfterMs: null,
      detail: describeError(error),
      rateLimit: NO_RATE_LIMIT,
    }
  }
  const rateLimit = rateLimitOf(response.headers)
  const status = response.status
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    const reason = isTimeout(error) ? 'timeout' : 'truncated'
    return { kind: 'retry', reason, status, retryAfterMs: null, detail: describeError(error), rateLimit }
  }
  if (status === 200) {
    const body = decodePageBody(text)
    if (body.kind === 'page') return { kind: 'page', text, meta: body.meta, rateLimit }
    return { kind: 'retry', reason: 'truncated', status, retryAfterMs: null, detail: body.reason, rateLimit }
  }
  const detail = `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}`
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), options.now())
  if (status === 429 || status === 403)
    return { kind: 'retry', reason: 'rate-limited', status, retryAfterMs, detail, rateLimit }
  if (status >= 500 || status === 408)
    return { kind: 'retry', reason: 'server-error', status, retryAfterMs, detail, rateLimit }
  return { kind: 'refused', status, detail }
}
