import { describe, expect, it } from 'vitest'
import { backoffDelay, parseRetryAfter } from './backoff.js'

const NOW = new Date('2026-01-01T00:00:00Z')

describe('backoffDelay', () => {
  const base = { baseMs: 1000, capMs: 8000, retryAfterMs: null }

  it('doubles the ceiling at each attempt, up to the cap', () => {
    const top = (attempt: number) => backoffDelay({ ...base, attempt, rng: () => 0.999999 })
    expect([0, 1, 2, 3, 4, 10].map(top)).toEqual([1000, 2000, 4000, 8000, 8000, 8000])
  })

  it('jitters over the whole range, from zero', () => {
    expect(backoffDelay({ ...base, attempt: 2, rng: () => 0 })).toBe(0)
    expect(backoffDelay({ ...base, attempt: 2, rng: () => 0.5 })).toBe(2000)
  })

  it('never waits less than Retry-After, even beyond the cap', () => {
    expect(backoffDelay({ ...base, attempt: 0, retryAfterMs: 30_000, rng: () => 0.9 })).toBe(30_000)
    expect(backoffDelay({ ...base, attempt: 3, retryAfterMs: 1000, rng: () => 0.5 })).toBe(4000)
  })
})

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0)
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000)
  })

  it('reads an HTTP date against the injected clock', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', NOW)).toBe(30_000)
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', NOW)).toBe(0)
  })

  it('gives null for nothing or nonsense', () => {
    expect(parseRetryAfter(null, NOW)).toBeNull()
    expect(parseRetryAfter('soon', NOW)).toBeNull()
    expect(parseRetryAfter('-5', NOW)).toBeNull()
  })
})
