import Graph from 'graphology'
import type { NetworkResult } from '../api/types.js'
import { clusterColor } from '../lib/palette.js'

export interface NodeAttributes {
  x: number
  y: number
  size: number
  color: string
  label: string
  cluster: number
  weight: number
}

export interface EdgeAttributes {
  size: number
  color: string
  strength: number
}

/** A graphology graph ready for sigma: sizes from node weights, colours from Leiden clusters. */
export function buildGraph(
  network: NetworkResult,
  label: (node: NetworkResult['nodes'][number]) => string = (node) => node.label,
): Graph<NodeAttributes, EdgeAttributes> {
  const graph = new Graph<NodeAttributes, EdgeAttributes>({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  })
  let maxWeight = 1
  for (const node of network.nodes) maxWeight = Math.max(maxWeight, node.weight)
  // Small graphs get larger dots; 20,000 nodes stay legible at size 1.5-8.
  const [min, max] = network.nodes.length > 2000 ? [1.5, 8] : [4, 18]
  for (const node of network.nodes) {
    graph.addNode(node.id, {
      x: node.x,
      y: node.y,
      size: min + (max - min) * Math.sqrt(node.weight / maxWeight),
      color: clusterColor(node.cluster),
      label: label(node),
      cluster: node.cluster,
      weight: node.weight,
    })
  }
  let maxStrength = 1e-9
  for (const link of network.links) maxStrength = Math.max(maxStrength, link.strength)
  const thin = network.links.length > 20_000
  for (const link of network.links) {
    if (link.source === link.target || !graph.hasNode(link.source) || !graph.hasNode(link.target)) continue
    if (graph.hasEdge(link.source, link.target)) continue
    const r = link.strength / maxStrength
    graph.addEdge(link.source, link.target, {
      size: thin ? 0.3 : 0.5 + 3 * Math.sqrt(r),
      color: thin ? 'rgba(120,120,120,0.12)' : `rgba(100,100,100,${(0.15 + 0.5 * r).toFixed(2)})`,
      strength: link.strength,
    })
  }
  return graph
}
