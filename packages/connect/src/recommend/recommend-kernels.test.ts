import { describe, expect, it } from 'vitest'
import { makeNetwork, javaRandom } from '@meridian/networks'
import { backtest } from './backtest.js'
import { pairsAt } from './pairs.js'
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
function closureSeries(units: number, years: number, seed: number, repeat = 0): YearlyNetworks {
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
    // With `repeat`, existing ties publish again, some more than before: ties that grow.
    if (repeat > 0)
      for (const key of ties)
        if (random.nextDouble() < repeat && !links.some((l) => l.source * units + l.target === key))
          links.push({
            source: Math.floor(key / units),
            target: key % units,
            strength: 1 + random.nextInt(3),
          })
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

describe('strengthening ties', () => {
  const nodes = ['A', 'B', 'C', 'D'].map((id) => ({ id, label: id, weights: { works: 1 } }))
  const link = (source: number, target: number, strength: number) => ({ source, target, strength })
  const slices = [2000, 2001, 2002, 2003, 2004, 2005].map((year) => ({
    year,
    network: makeNetwork(
      nodes,
      year <= 2002
        ? [link(0, 1, 1), link(0, 2, 2), link(1, 3, 1)]
        : [link(0, 1, 3), link(0, 2, 1), link(2, 3, year === 2005 ? 1 : 0)].filter((l) => l.strength > 0),
    ),
  }))
  const handMade = yearlyNetworks('country', slices, 'hand-made')

  it('candidates are existing partners, labelled 1 when their joint works after the cut-off exceed those before', () => {
    const set = pairsAt(handMade, 2002, 3, {
      recentYears: 3,
      minStrength: 1,
      maxAskers: 10,
      seed: 1,
      task: 'strengthening',
    })
    const labels = Object.fromEntries(
      Array.from(set.labels, (label, r) => [
        `${handMade.ids[set.asker[r]!]}-${handMade.ids[set.candidate[r]!]}`,
        label,
      ]),
    )
    // A-B: 3 works before, 9 after (grew); A-C: 6 before, 3 after; B-D: 3 before, none after. C-D is new, not
    // a strengthening candidate.
    expect(labels).toEqual({ 'A-B': 1, 'A-C': 0, 'B-A': 1, 'B-D': 0, 'C-A': 0, 'D-B': 0 })
  })

  it('backtests every model on ties that grow, and says so', () => {
    const series = closureSeries(60, 12, 7, 0.4)
    const result = backtest(series, { trainEnd: 2007, horizon: 3, task: 'strengthening' })
    expect(result.rows.map((r) => r.model)).toEqual(['meridian', ...BASELINES])
    for (const row of result.rows) {
      expect(row.auc).toBeGreaterThanOrEqual(0)
      expect(row.auc).toBeLessThanOrEqual(1)
    }
    expect(result.method.task).toBe('strengthening')
    expect(result.method.predicted).toMatch(
      /^strengthening ties: pairs tied in 2000-2007 whose joint works in 2008-2010/,
    )
    expect(result.method.newTies).toBeGreaterThan(0)
    // New ties on the same series are another task, with other pairs.
    expect(backtest(series, { trainEnd: 2007, horizon: 3 }).method.pairs).not.toBe(result.method.pairs)
  })
})
