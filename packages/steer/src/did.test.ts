import { createRng } from '@meridian/indicators'
import { describe, expect, it } from 'vitest'
import { cosine, did, slope } from './did.js'
import { matchComparison } from './matching.js'

describe('difference in differences', () => {
  it('is the treated mean change minus the comparison mean change', () => {
    const r = did(Float64Array.of(3, 5), Float64Array.of(1, 1), { rng: createRng(1) })
    expect(r).toMatchObject({ treatedChange: 4, comparisonChange: 1, did: 3 })
    // Resampled treated means are 3, 4 or 5; the comparison is constant: the interval lies in [2, 4].
    expect(r.low).toBeGreaterThanOrEqual(2)
    expect(r.high).toBeLessThanOrEqual(4)
    expect(r.low).toBeLessThan(r.high ?? 0)
  })

  it('has a zero-width interval when every institution changed alike, and none for an empty group', () => {
    expect(did(Float64Array.of(12, 12), Float64Array.of(4, 4), { rng: createRng(1) })).toMatchObject({
      did: 8,
      low: 8,
      high: 8,
    })
    expect(did(Float64Array.of(1), new Float64Array(0), { rng: createRng(1) })).toMatchObject({
      low: null,
      high: null,
    })
  })

  it('is seeded: the same seed gives the same interval', () => {
    const run = () => did(Float64Array.of(1, 4, 9), Float64Array.of(0, 2), { rng: createRng(7) })
    expect(run()).toEqual(run())
  })

  it('slope and cosine have their known values', () => {
    expect(slope(Float64Array.of(2015, 2016, 2017, 2018), Float64Array.of(2, 4, 6, 8))).toBeCloseTo(2)
    expect(slope(Float64Array.of(2015), Float64Array.of(2))).toBeNaN()
    expect(cosine(Float64Array.of(1, 0), Float64Array.of(2, 0))).toBeCloseTo(1)
    expect(cosine(Float64Array.of(1, 0), Float64Array.of(0, 3))).toBe(0)
  })

  it('matching takes each participant its k nearest candidates', () => {
    const p = (institution: string, f: number[], size: number, trend = 0) => ({
      institution,
      fields: Float64Array.from(f),
      size,
      trend,
    })
    const matched = matchComparison(
      [p('A', [1, 0], 2), p('B', [1, 0], 3)],
      [p('C', [1, 0], 2), p('D', [1, 0], 3.1), p('E', [0, 1], 2)],
      1,
    )
    expect(matched.map((m) => [m.institution, m.nearest])).toEqual([
      ['C', 'A'],
      ['D', 'B'],
    ])
    expect(matched[1]?.distance).toBeCloseTo(0.1)
  })
})
