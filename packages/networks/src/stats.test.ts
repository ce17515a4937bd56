import { describe, expect, it } from 'vitest'
import { networkStats } from './stats.js'
import { fromPairs, KARATE } from './test-networks.js'

describe('networkStats', () => {
  it("gives igraph's figures for the karate club", () => {
    // igraph: transitivity(g) 0.2556818, diameter 5, mean_distance 2.4082, density 0.1390374
    const s = networkStats(fromPairs(34, KARATE))
    expect(s).toMatchObject({ nodes: 34, links: 78, isolates: 0, components: 1, diameter: 5 })
    expect(s.density).toBeCloseTo(0.1390374, 6)
    expect(s.transitivity).toBeCloseTo(0.2556818, 6)
    expect(s.averagePathLength).toBeCloseTo(2.4082, 4)
  })

  it('counts isolates and components; paths on the largest component or on all', () => {
    // a triangle, a path of 2 links, an isolate
    const network = fromPairs(7, [
      [1, 2],
      [2, 3],
      [1, 3],
      [4, 5],
      [5, 6],
    ])
    const s = networkStats(network)
    expect(s).toMatchObject({
      nodes: 7,
      links: 5,
      isolates: 1,
      components: 3,
      diameter: 1,
      averagePathLength: 1,
    })
    expect(s.transitivity).toBeCloseTo(3 / 4, 10)
    const all = networkStats(network, { paths: 'all-components' })
    expect(all.diameter).toBe(2)
    expect(all.averagePathLength).toBeCloseTo((6 + 4 + 4) / 12, 10)
  })
})
