import { networkCsr, type Csr } from './csr.js'
import type { Network } from './network.js'

/** Statistics of a network, read as a simple unweighted graph (links of positive strength, no self-loops). */
export interface NetworkStats {
  readonly nodes: number
  readonly links: number
  /** Nodes without a link. */
  readonly isolates: number
  /** Connected components, isolates included (igraph's `count_components`). */
  readonly components: number
  /** links / (n (n - 1) / 2). */
  readonly density: number
  /** Global transitivity: 3 x triangles / connected triples (igraph's `transitivity(type = "global")`). */
  readonly transitivity: number
  /** Longest shortest path (hops); `null` when paths were not computed. */
  readonly diameter: number | null
  /** Mean shortest path (hops) over connected pairs; `null` when paths were not computed. */
  readonly averagePathLength: number | null
}

/** Which pairs diameter and average path length cover. */
export type PathScope = 'largest-component' | 'all-components'

/** Options of `networkStats`. */
export interface NetworkStatsOptions {
  /**
   * `largest-component` (default): paths within the largest component. `all-components`: all connected pairs
   * of every component (igraph's `diameter` and `mean_distance` with `unconnected = TRUE`, as bibliometrix).
   */
  readonly paths?: PathScope
  /** Skip the all-pairs breadth-first searches above this many nodes (diameter and path length `null`). Default 50,000. */
  readonly maxPathNodes?: number
}

/**
 * Network statistics: size, isolates, components, density, transitivity, diameter, average path length.
 * @example
 *   networkStats(network).density
 */
export function networkStats(network: Network, options: NetworkStatsOptions = {}): NetworkStats {
  return statsKernel(simpleCsr(networkCsr(network)), options)
}

/** Drop self-loops, zero links and repeated neighbours: the simple graph the statistics are defined on. */
function simpleCsr(csr: Csr): Csr {
  const { nodes, offsets, neighbors } = csr
  const seen = new Int32Array(nodes).fill(-1)
  const out: number[] = []
  const next = new Int32Array(nodes + 1)
  for (let i = 0; i < nodes; i++) {
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const j = neighbors[k]!
      if (j === i || seen[j] === i || !(csr.weights[k]! > 0)) continue
      seen[j] = i
      out.push(j)
    }
    next[i + 1] = out.length
  }
  return {
    nodes,
    offsets: next,
    neighbors: Int32Array.from(out),
    weights: new Float64Array(out.length).fill(1),
  }
}

/** The statistics kernel on a simple graph's CSR: pure, typed arrays only. */
export function statsKernel(csr: Csr, options: NetworkStatsOptions = {}): NetworkStats {
  const { nodes: n, offsets, neighbors } = csr
  const links = neighbors.length / 2
  const degree = (i: number) => offsets[i + 1]! - offsets[i]!
  let isolates = 0
  for (let i = 0; i < n; i++) if (degree(i) === 0) isolates++
  const { component, count, largest } = components(csr)
  const density = n > 1 ? links / ((n * (n - 1)) / 2) : 0
  const transitivity = globalTransitivity(csr)
  const scope = options.paths ?? 'largest-component'
  const paths =
    n <= (options.maxPathNodes ?? 50_000)
      ? shortestPaths(csr, component, scope === 'largest-component' ? largest : -1)
      : null
  return Object.freeze({
    nodes: n,
    links,
    isolates,
    components: count,
    density,
    transitivity,
    diameter: paths ? paths.diameter : null,
    averagePathLength: paths ? paths.average : null,
  })
}

function components(csr: Csr): { component: Int32Array; count: number; largest: number } {
  const { nodes: n, offsets, neighbors } = csr
  const component = new Int32Array(n).fill(-1)
  const stack = new Int32Array(n)
  let count = 0
  let largest = -1
  let largestSize = 0
  for (let s = 0; s < n; s++) {
    if (component[s] !== -1) continue
    let top = 0
    let size = 0
    stack[top++] = s
    component[s] = count
    while (top > 0) {
      const i = stack[--top]!
      size++
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
        const j = neighbors[k]!
        if (component[j] === -1) {
          component[j] = count
          stack[top++] = j
        }
      }
    }
    if (size > largestSize) [largest, largestSize] = [count, size]
    count++
  }
  return { component, count, largest }
}

/** 3 x triangles / connected triples, counting each triangle once per node (marks, then neighbour scans). */
function globalTransitivity(csr: Csr): number {
  const { nodes: n, offsets, neighbors } = csr
  const mark = new Int32Array(n).fill(-1)
  let closed = 0
  let triples = 0
  for (let i = 0; i < n; i++) {
    const d = offsets[i + 1]! - offsets[i]!
    triples += (d * (d - 1)) / 2
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) mark[neighbors[k]!] = i
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const j = neighbors[k]!
      for (let l = offsets[j]!; l < offsets[j + 1]!; l++) if (mark[neighbors[l]!] === i) closed++
    }
  }
  // each triangle is seen twice from each of its three corners: closed = 6 x triangles = 2 x closed triples
  return triples > 0 ? closed / 2 / triples : 0
}

/** Breadth-first search from every node of the chosen component (-1: every component). */
function shortestPaths(csr: Csr, component: Int32Array, only: number): { diameter: number; average: number } {
  const { nodes: n, offsets, neighbors } = csr
  const distance = new Int32Array(n).fill(-1)
  const queue = new Int32Array(n)
  let diameter = 0
  let total = 0
  let pairs = 0
  for (let s = 0; s < n; s++) {
    if (only !== -1 && component[s] !== only) continue
    let head = 0
    let tail = 0
    queue[tail++] = s
    distance[s] = 0
    while (head < tail) {
      const i = queue[head++]!
      const d = distance[i]!
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
        const j = neighbors[k]!
        if (distance[j] === -1) {
          distance[j] = d + 1
          total += d + 1
          pairs++
          if (d + 1 > diameter) diameter = d + 1
          queue[tail++] = j
        }
      }
    }
    for (let q = 0; q < tail; q++) distance[queue[q]!] = -1
  }
  return { diameter, average: pairs > 0 ? total / pairs : 0 }
}
