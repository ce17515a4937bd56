import { UndirectedGraph } from 'graphology'
import betweennessModule from 'graphology-metrics/centrality/betweenness.js'
import pagerankModule from 'graphology-metrics/centrality/pagerank.js'
import { MeridianError } from '@meridian/model'
import { withNodes, type Network } from './network.js'

// These CommonJS modules export one function; TypeScript's NodeNext view of their typings puts it under `default`.
const interop = <T>(module: { default: T }): T =>
  (module as { default?: T }).default ?? (module as unknown as T)
const betweenness = interop(betweennessModule)
const pagerank = interop(pagerankModule)

/** A graphology graph of the network: node keys are node ids, link strength in the `weight` attribute. */
export function toGraphology(network: Network): UndirectedGraph {
  const graph = new UndirectedGraph({ allowSelfLoops: false })
  for (const node of network.nodes) graph.addNode(node.id, { label: node.label })
  for (const l of network.links)
    graph.addEdge(network.nodes[l.source]!.id, network.nodes[l.target]!.id, { weight: l.strength })
  return graph
}

/** Options of `centralities`. */
export interface CentralityOptions {
  /** Betweenness is O(n m): computed up to this many nodes (default 5,000), else left out. */
  readonly maxBetweennessNodes?: number
  /** PageRank damping; default 0.85. */
  readonly alpha?: number
}

/**
 * Degree, strength, PageRank (weighted) and, for small graphs, betweenness (unweighted hops, normalised),
 * as node `scores`.
 */
export function centralities(network: Network, options: CentralityOptions = {}): Network {
  const alpha = options.alpha ?? 0.85
  if (!(alpha > 0 && alpha < 1))
    throw new MeridianError('BAD_OPTION', `PageRank alpha "${alpha}" must be in (0, 1)`)
  const n = network.nodes.length
  const degree = new Float64Array(n)
  const strength = new Float64Array(n)
  for (const { source, target, strength: s } of network.links) {
    degree[source]! += 1
    degree[target]! += 1
    strength[source]! += s
    strength[target]! += s
  }
  const graph = toGraphology(network)
  const rank = n > 0 ? pagerank(graph, { getEdgeWeight: 'weight', alpha }) : {}
  const between =
    n > 0 && n <= (options.maxBetweennessNodes ?? 5000)
      ? betweenness(graph, { getEdgeWeight: null, normalized: true })
      : null
  return withNodes(network, (node, i) => ({
    scores: {
      ...node.scores,
      degree: degree[i]!,
      strength: strength[i]!,
      pagerank: rank[node.id] ?? 0,
      ...(between ? { betweenness: between[node.id] ?? 0 } : {}),
    },
  }))
}
