import { describe, expect, it } from 'vitest'
import { leiden } from './leiden.js'
import { fromPairs, KARATE } from './test-networks.js'

describe('leiden', () => {
  const karate = fromPairs(34, KARATE)

  it('finds the optimum modularity of the karate club (0.4198) within 1 %, deterministic for a seed', () => {
    expect(KARATE).toHaveLength(78)
    const first = leiden.detailed(karate, { seed: 42 })
    expect(first.modularity).toBeGreaterThan(0.4198 * 0.99)
    expect(first.modularity).toBeLessThan(0.4198 + 1e-4)
    expect(first.quality).toBeCloseTo(first.modularity, 10)
    const again = leiden.detailed(karate, { seed: 42 })
    expect([...again.clusters]).toEqual([...first.clusters])
  })

  it('returns 1-based clusters on the nodes; CPM at a high resolution gives singletons', () => {
    const clustered = leiden(karate, { seed: 1 })
    expect(Math.min(...clustered.nodes.map((n) => n.cluster ?? 0))).toBe(1)
    const cpm = leiden.detailed(karate, { quality: 'cpm', resolution: 2, seed: 1 })
    expect(cpm.clusterCount).toBe(34)
  })

  it('rejects bad options with a code', () => {
    expect(() => leiden(karate, { resolution: -1 })).toThrow(expect.objectContaining({ code: 'BAD_OPTION' }))
  })

  it('handles an empty network', () => {
    expect(leiden.detailed(fromPairs(0, [])).clusterCount).toBe(0)
  })
})
