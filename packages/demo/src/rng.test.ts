import { describe, expect, it } from 'vitest'
import { createRng } from './rng.js'

const draws = (seed: number, stream = 0, n = 5) => {
  const rng = createRng(seed, stream)
  return Array.from({ length: n }, () => rng())
}

describe('createRng', () => {
  it('repeats its sequence for the same seed and stream', () => {
    expect(draws(42)).toEqual(draws(42))
  })

  it('gives different sequences for different seeds and streams', () => {
    expect(draws(42)).not.toEqual(draws(43))
    expect(draws(42, 0)).not.toEqual(draws(42, 1))
  })

  it('draws uniformly in [0, 1)', () => {
    const values = draws(7, 0, 100_000)
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...values)).toBeLessThan(1)
    const mean = values.reduce((sum, x) => sum + x, 0) / values.length
    expect(mean).toBeCloseTo(0.5, 2)
  })
})
