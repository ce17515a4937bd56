import type { Network } from './network.js'

/** Compressed sparse rows of an undirected network: neighbours of i are `neighbors[offsets[i] .. offsets[i+1])`. */
export interface Csr {
  readonly nodes: number
  readonly offsets: Int32Array
  readonly neighbors: Int32Array
  readonly weights: Float64Array
}

/** Build the symmetric adjacency of `links` (each given once) on typed arrays: the input of every kernel. */
export function toCsr(
  nodes: number,
  source: ArrayLike<number>,
  target: ArrayLike<number>,
  strength: ArrayLike<number>,
): Csr {
  const offsets = new Int32Array(nodes + 1)
  for (let e = 0; e < source.length; e++) {
    offsets[(source[e] as number) + 1]! += 1
    offsets[(target[e] as number) + 1]! += 1
  }
  for (let i = 0; i < nodes; i++) offsets[i + 1]! += offsets[i]!
  const fill = offsets.slice(0, nodes)
  const neighbors = new Int32Array(offsets[nodes]!)
  const weights = new Float64Array(offsets[nodes]!)
  for (let e = 0; e < source.length; e++) {
    const a = source[e] as number
    const b = target[e] as number
    const w = strength[e] as number
    neighbors[fill[a]!] = b
    weights[fill[a]!++] = w
    neighbors[fill[b]!] = a
    weights[fill[b]!++] = w
  }
  return { nodes, offsets, neighbors, weights }
}

/** The CSR of a network. */
export function networkCsr(network: Network): Csr {
  const { links } = network
  return toCsr(
    network.nodes.length,
    Int32Array.from(links, (l) => l.source),
    Int32Array.from(links, (l) => l.target),
    Float64Array.from(links, (l) => l.strength),
  )
}
