import type { Network, NetworkLink } from './network.js'

/**
 * Association strength (van Eck & Waltman 2009, doi:10.1002/asi.21075), as VOSviewer normalises:
 * s_ij = 2m a_ij / (k_i k_j), k_i the total link strength of node i and m the total link strength.
 * Returns the network with normalised link strengths.
 */
export function associationStrength(network: Network): Network {
  const total = new Float64Array(network.nodes.length)
  let m = 0
  for (const { source, target, strength } of network.links) {
    total[source]! += strength
    total[target]! += strength
    m += strength
  }
  const links: NetworkLink[] = network.links.map((l) =>
    Object.freeze({ ...l, strength: (2 * m * l.strength) / (total[l.source]! * total[l.target]!) }),
  )
  return Object.freeze({ ...network, links: Object.freeze(links) })
}
