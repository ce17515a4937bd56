import {
  buildNetwork,
  leiden,
  networkStats,
  vosLayout,
  withClustering,
  withLayout,
  type Network,
} from '@meridian/networks'
import type { NetworkQuery } from '../schemas/networks.js'
import type { StoreReader } from './store-reader.js'

/** Nodes kept when no `top` is asked for: enough for an explorer, small enough to lay out per request. */
export const DEFAULT_TOP = 500
/** All-pairs paths (diameter, mean path length) only up to this many nodes. */
const MAX_PATH_NODES = 2_000

/** A network response: nodes with layout and clusters, links by node id. */
export interface NetworkResponse {
  readonly nodes: readonly {
    id: string
    label: string
    x: number
    y: number
    cluster: number
    weight: number
  }[]
  readonly links: readonly { source: string; target: string; strength: number }[]
  readonly method: Readonly<Record<string, unknown>>
  readonly stats: Readonly<Record<string, unknown>>
}

/** A collaboration network from the store, clustered (Leiden) and laid out (VOS), seeded. */
export async function network(
  store: StoreReader,
  level: string,
  query: NetworkQuery,
): Promise<NetworkResponse> {
  const seed = query.seed ?? 42
  const resolution = query.resolution ?? 1
  const built = await buildNetwork(store.runner, {
    level,
    years: query.years ?? null,
    counting: query.counting,
    countryPolicy: query.countryPolicy,
    minWorks: query.minWorks,
    top: query.top ?? DEFAULT_TOP,
  })
  const clustered = leiden.detailed(built, { resolution, seed })
  const network = withLayout(withClustering(built, clustered), vosLayout.detailed(built, { seed }))
  return {
    nodes: network.nodes.map((node) => ({
      id: node.id,
      label: node.label,
      x: node.x ?? 0,
      y: node.y ?? 0,
      cluster: node.cluster ?? 0,
      weight: node.weights.works ?? 0,
    })),
    links: links(built),
    method: { ...network.method },
    stats: {
      ...networkStats(built, { maxPathNodes: MAX_PATH_NODES }),
      clusters: clustered.clusterCount,
      modularity: clustered.modularity,
    },
  }
}

const links = (network: Network) =>
  network.links.map((link) => ({
    source: network.nodes[link.source]?.id ?? '',
    target: network.nodes[link.target]?.id ?? '',
    strength: link.strength,
  }))
