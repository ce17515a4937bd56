import { describe, expect, it } from 'vitest'
import { bootstrap, type Sample } from './bootstrap.js'
import { createRng } from './rng.js'

// A share: k international works among n (weights 1, values 0/1).
const share = (k: number, n: number): Sample => ({
  weights: Float64Array.from([1, 1]),
  values: Float64Array.from([0, 1]),
  counts: Float64Array.from([n - k, k]),
})

describe('bootstrap', () => {
  it('contains the point estimate and is identical for the same seed', () => {
    const a = bootstrap(share(30, 100), { rng: createRng(7) })
    const b = bootstrap(share(30, 100), { rng: createRng(7) })
    expect(a).toEqual(b)
    expect(a?.method).toBe('bootstrap')
    expect(a?.low).toBeLessThan(0.3)
    expect(a?.high).toBeGreaterThan(0.3)
    // A proportion's bootstrap quantiles fall on multiples of 1/n; continuous values show the seed.
    const values: Sample = {
      weights: new Float64Array(50).fill(1),
      values: Float64Array.from({ length: 50 }, (_, i) => Math.sqrt(i)),
      counts: new Float64Array(50).fill(1),
    }
    expect(bootstrap(values, { rng: createRng(7) })).not.toEqual(bootstrap(values, { rng: createRng(8) }))
  })

  it('shrinks as the sample grows, and agrees with the normal approximation on large samples', () => {
    const width = (s: Sample, exactUpTo?: number) => {
      const i = bootstrap(s, { rng: createRng(1), ...(exactUpTo ? { exactUpTo } : {}) })
      return (i?.high ?? 0) - (i?.low ?? 0)
    }
    expect(width(share(300, 1000))).toBeLessThan(width(share(30, 100)))
    // Same sample, resampled exactly and approximated: widths within 10 % (binomial: 2·1.96·√(p(1−p)/n) ≈ 0.0568).
    const exact = width(share(300, 1000), 5000)
    const normal = width(share(300, 1000), 10)
    expect(Math.abs(exact - normal) / normal).toBeLessThan(0.1)
    expect(normal).toBeCloseTo(2 * 1.959964 * Math.sqrt((0.3 * 0.7) / 1000) * Math.sqrt(1000 / 999), 4)
  })

  it('has no interval for an empty sample', () => {
    expect(bootstrap(share(0, 0), { rng: createRng(1) })).toBeNull()
  })
})
