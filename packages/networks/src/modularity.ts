import type { Csr } from './csr.js'

/**
 * Newman's modularity of a partition of a weighted undirected graph:
 * Q = sum over clusters c of [ w_in(c) / m - resolution x (d(c) / 2m)^2 ], with m the total link weight.
 */
export function modularityKernel(csr: Csr, clusters: ArrayLike<number>, resolution = 1): number {
  const { nodes, offsets, neighbors, weights } = csr
  let twoM = 0
  let inside = 0
  const degree = new Map<number, number>()
  for (let i = 0; i < nodes; i++) {
    const c = clusters[i]!
    let d = 0
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      d += weights[k]!
      if (clusters[neighbors[k]!] === c) inside += weights[k]!
    }
    twoM += d
    degree.set(c, (degree.get(c) ?? 0) + d)
  }
  if (twoM === 0) return 0
  let expected = 0
  for (const d of degree.values()) expected += (d / twoM) ** 2
  return inside / twoM - resolution * expected
}
