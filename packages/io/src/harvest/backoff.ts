/** How long to wait before a retry: exponential with full jitter, never less than the server asked. */
export interface BackoffOptions {
  /** Retry number, 0 for the first retry. */
  readonly attempt: number
  /** Base delay in milliseconds: the first retry waits up to this. */
  readonly baseMs: number
  /** No jittered delay exceeds this (a server's `Retry-After` may). */
  readonly capMs: number
  /** What the server asked for (`Retry-After`), in milliseconds, if anything. */
  readonly retryAfterMs: number | null
  /** Uniform in [0, 1). */
  readonly rng: () => number
}

/**
 * The delay before retry `attempt`: uniform in [0, min(cap, base * 2^attempt)] ("full jitter", so clients
 * that failed together do not retry together), and at least `Retry-After` when the server gave one.
 *
 * @example
 * backoffDelay({ attempt: 2, baseMs: 1000, capMs: 60_000, retryAfterMs: null, rng }) // somewhere in [0, 4000]
 */
export function backoffDelay(options: BackoffOptions): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** options.attempt)
  const jittered = Math.round(options.rng() * ceiling)
  return options.retryAfterMs === null ? jittered : Math.max(options.retryAfterMs, jittered)
}

/**
 * A `Retry-After` header in milliseconds: delay-seconds (`120`) or an HTTP date, measured from `now`;
 * `null` when absent or unreadable, `0` for a date already past.
 */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null) return null
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const at = Date.parse(text)
  if (Number.isNaN(at) || !/[a-z]/i.test(text)) return null
  return Math.max(0, at - now.getTime())
}
