import type { Network } from '../network.js'
import { VOSVIEWER_WEIGHT_NAMES } from './vosviewer-json.js'
import { measureNames } from './xml.js'

const cell = (text: string) => text.replace(/[\t\r\n]+/g, ' ')

/**
 * VOSviewer map and network files (tab-separated): the map has id, label, x, y, cluster, `weight<...>` and
 * `score<...>` columns; the network file has `id1 id2 strength` rows. VOSviewer wants positive integer ids, so
 * nodes are numbered 1..n in network order; labels carry the names.
 */
export function writeVosviewerMap(network: Network): { readonly map: string; readonly network: string } {
  const { weights, scores } = measureNames(network.nodes)
  const laid = network.nodes.some((n) => n.x !== undefined)
  const clustered = network.nodes.some((n) => n.cluster !== undefined)
  const header = [
    'id',
    'label',
    ...(laid ? ['x', 'y'] : []),
    ...(clustered ? ['cluster'] : []),
    ...weights.map((w) => `weight<${VOSVIEWER_WEIGHT_NAMES[w] ?? w}>`),
    ...scores.map((s) => `score<${s}>`),
  ]
  const rows = network.nodes.map((node, i) =>
    [
      String(i + 1),
      cell(node.label),
      ...(laid ? [String(node.x ?? 0), String(node.y ?? 0)] : []),
      ...(clustered ? [String(node.cluster ?? 0)] : []),
      ...weights.map((w) => String(node.weights[w] ?? 0)),
      ...scores.map((s) => String(node.scores?.[s] ?? 0)),
    ].join('\t'),
  )
  const links = network.links.map((l) => `${l.source + 1}\t${l.target + 1}\t${l.strength}`)
  return {
    map: [header.join('\t'), ...rows].join('\n') + '\n',
    network: links.length > 0 ? links.join('\n') + '\n' : '',
  }
}
