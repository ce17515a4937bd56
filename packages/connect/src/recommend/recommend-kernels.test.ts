import { describe, expect, it } from 'vitest'
import { makeNetwork, javaRandom } from '@meridian/networks'
import { backtest } from './backtest.js'
import { BASELINES } from './features.js'
import { auc, hitsAtK } from './metrics.js'
import { tieStrength, windowOf } from './window.js'
import { yearlyFromPajek, yearlyNetworks, type YearlyNetworks } from './yearly.js'

describe('measures', () => {
  it('AUC is the Mann-Whitney statistic with ties counted half', () => {
    expect(auc(Float64Array.from([0.9, 0.8, 0.3, 0.1]), Uint8Array.from([1, 0, 1, 0]))).toBe(0.75)
    expect(auc(Float64Array.from([1, 1, 1]), Uint8Array.from([1, 0, 0]))).toBe(0.5)
    expect(auc(Float64Array.from([1, 2]), Uint8Array.from([0, 0]))).toBeNaN()
  })
  it('hits at k break ties by candidate order, the same for every model', () => {
    expect(hitsAtK(Float64Array.from([1, 1, 1, 0]), Uint8Array.from([0, 0, 1, 1]), 2)).toBe(0)
    expect(hitsAtK(Float64Array.from([0, 1, 3, 2]), Uint8Array.from([0, 0, 1, 1]), 2)).toBe(2)
  })
})

const PAJEK = (year: number, extra: string) =>
  [
    `% written for this test (${year})`,
    '*Vertices 3',
    '1 "AA"',
    '2 "BB"',
    '3 "CC"',
    '*Arcs',
    '1 1 10',
    '1 2 2',
    '2 1 2',
    '2 2 5',
    extra,
  ].join('\r')

describe('yearly networks from Pajek files', () => {
  it('keys units by label, reads loops as output and an arc pair as one tie', () => {
    const series = yearlyFromPajek([
      { name: 'X1991.net', text: PAJEK(1991, '3 3 1') },
      { name: 'X1990.net', text: PAJEK(1990, '2 3 4\r3 2 4') },
      { name: 'notes.txt', text: 'ignored' },
    ])
    expect(series.ids).toEqual(['AA', 'BB', 'CC'])
    expect(series.slices.map((s) => s.year)).toEqual([1990, 1991])
    const w = windowOf(series, 1990, 1991)
    expect(tieStrength(w, 0, 1)).toBe(4)
    expect(tieStrength(w, 2, 1)).toBe(4)
    expect(tieStrength(w, 0, 2)).toBe(0)
    expect([...w.output]).toEqual([20, 10, 1])
    expect(windowOf(series, 1990, 1991, 5).degree[0]).toBe(0)
  })
  it('refuses one file, repeated years and a bad line, naming the file', () => {
    expect(() => yearlyFromPajek([{ name: 'X1990.net', text: PAJEK(1990, '') }])).toThrow(
      expect.objectContaining({ code: 'BAD_OPTION' }),
    )
    expect(() =>
      yearlyFromPajek([
        { name: 'a/X1990.net', text: PAJEK(1990, '') },
        { name: 'b/X1990.net', text: PAJEK(1990, '') },
      ]),
    ).toThrow(expect.objectContaining({ code: 'BAD_OPTION' }))
    expect(() =>
      yearlyFromPajek([
        { name: 'X1990.net', text: PAJEK(1990, '1 x 3') },
        { name: 'X1991.net', text: PAJEK(1991, '') },
      ]),
    ).toThrow(expect.objectContaining({ code: 'BAD_RECORD', location: { file: 'X1990.net', line: 11 } }))
  })
})

/** A seeded growing network with triadic closure and preferential attachment: what a real one looks like. */
function closureSeries(units: number, years: number, seed: number): YearlyNetworks {
  const random = javaRandom(seed)
  const ties = new Set<number>()
  const neighbours: number[][] = Array.from({ length: units }, () => [])
  const add = (a: number, b: number) => {
    if (a === b || ties.has(Math.min(a, b) * units + Math.max(a, b))) return false
    ties.add(Math.min(a, b) * units + Math.max(a, b))
    neighbours[a]!.push(b)
    neighbours[b]!.push(a)
    return true
  }
  const nodes = Array.from({ length: units }, (_, i) => ({
    id: `U${i}`,
    label: `U${i}`,
    weights: { works: 1 + i },
  }))
  const slices = []
  for (let year = 2000; year < 2000 + years; year++) {
    const links = []
    for (let step = 0; step < units; step++) {
      const a = random.nextInt(units)
      const via = neighbours[a]!
      const b =
        via.length > 0 && random.nextDouble() < 0.8
          ? (neighbours[via[random.nextInt(via.length)]!]![0] ?? random.nextInt(units))
          : random.nextInt(units)
      if (add(a, b)) links.push({ source: a, target: b, strength: 1 })
    }
    // Existing ties keep producing works, so a window's union holds them.
    slices.push({ year, network: makeNetwork(nodes, links) })
  }
  return yearlyNetworks('country', slices, 'seeded triadic closure')
}

describe('backtest', () => {
  const series = closureSeries(60, 12, 7)
  it('prints one row per model, the combined one first, and says how it was run', () => {
    const result = backtest(series, { trainEnd: 2007, horizon: 3 })
    expect(result.rows.map((r) => r.model)).toEqual(['meridian', ...BASELINES])
    for (const row of result.rows) {
      expect(row.auc).toBeGreaterThanOrEqual(0)
      expect(row.auc).toBeLessThanOrEqual(1)
      expect(row.precisionAt20).toBeLessThanOrEqual(1)
    }
    expect(result.rows[0]!.auc).toBeGreaterThan(0.5)
    expect(result.method.trainEnd).toBe(2007)
    expect(result.model.trainedOn.cutoffs).toEqual([2004, 2003, 2002])
    expect(backtest(series, { trainEnd: 2007, horizon: 3 })).toEqual(result)
  })
  it('refuses cut-offs the data cannot score', () => {
    expect(() => backtest(series, { trainEnd: 2010, horizon: 3 })).toThrow(
      expect.objectContaining({ code: 'BAD_OPTION' }),
    )
    expect(() => backtest(series, { trainEnd: 2007, horizon: 0 })).toThrow(
      expect.objectContaining({ code: 'BAD_OPTION' }),
    )
  })
})
