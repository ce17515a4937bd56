import { Network as NaNetwork } from 'networkanalysis-ts'
import type { Network } from './network.js'

/**
 * The network in networkanalysis-ts's form (VOSviewer's algorithms), node weights = total link strength.
 * An empty network gets one isolated placeholder node, as the library cannot hold zero nodes.
 */
export function toNaNetwork(network: Network): NaNetwork {
  const nNodes = Math.max(1, network.nodes.length)
  const { links } = network
  return new NaNetwork({
    nNodes,
    setNodeWeightsToTotalEdgeWeights: true,
    edges: [links.map((l) => l.source), links.map((l) => l.target)],
    edgeWeights: links.map((l) => l.strength),
    sortedEdges: false,
    checkIntegrity: false,
  })
}
