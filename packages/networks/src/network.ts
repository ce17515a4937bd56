import type { NetworkMethod } from './method.js'

/** Node weights: the measures a node's size can show. Keys are stable; files show them under display names. */
export type NodeWeights = Readonly<Record<string, number>>

/** A unit of the network (a country, an institution, an author). */
export interface NetworkNode {
  /** Stable across time slices and runs: the ISO code, the institution key, the author key. */
  readonly id: string
  readonly label: string
  /** `works`, `fractionalWorks`, `citations` when built from the store; any measure when read from a file. */
  readonly weights: NodeWeights
  /** Scores (a colour scale in VOSviewer: centralities, average year). */
  readonly scores?: Readonly<Record<string, number>>
  /** 1-based cluster number, clusters ordered by size (VOSviewer's convention); absent before clustering. */
  readonly cluster?: number
  readonly x?: number
  readonly y?: number
}

/** An undirected link between two nodes (indices into `nodes`, `source < target`). */
export interface NetworkLink {
  readonly source: number
  readonly target: number
  readonly strength: number
}

/** An undirected weighted network with its method: what every builder returns and every writer takes. */
export interface Network {
  readonly kind: 'network'
  readonly nodes: readonly NetworkNode[]
  readonly links: readonly NetworkLink[]
  /** How it was made; `null` for a network read from a file that did not say. */
  readonly method: NetworkMethod | null
}

/** Make a frozen network, merging duplicate links (summing strengths) and dropping self-loops. */
export function makeNetwork(
  nodes: readonly NetworkNode[],
  links: readonly NetworkLink[],
  method: NetworkMethod | null = null,
): Network {
  const merged = new Map<number, number>()
  const n = nodes.length
  for (const { source, target, strength } of links) {
    if (source === target) continue
    const [a, b] = source < target ? [source, target] : [target, source]
    const key = a * n + b
    merged.set(key, (merged.get(key) ?? 0) + strength)
  }
  const out = [...merged.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([key, strength]) => Object.freeze({ source: Math.floor(key / n), target: key % n, strength }))
  return Object.freeze({
    kind: 'network',
    nodes: Object.freeze(nodes.map((node) => Object.freeze({ ...node }))),
    links: Object.freeze(out),
    method,
  })
}

/** A copy of the network with some node fields replaced (cluster, coordinates, scores). */
export function withNodes(
  network: Network,
  update: (node: NetworkNode, index: number) => Partial<NetworkNode>,
): Network {
  return Object.freeze({
    ...network,
    nodes: Object.freeze(network.nodes.map((node, i) => Object.freeze({ ...node, ...update(node, i) }))),
  })
}
