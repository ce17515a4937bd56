import type { Network } from '../network.js'
import { measureNames } from './xml.js'

const field = (value: string | number | undefined) => {
  if (value === undefined) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** CSV node list (id, label, weights, scores, cluster, x, y) and edge list (source, target, strength). */
export function writeCsv(network: Network): { readonly nodes: string; readonly edges: string } {
  const { weights, scores } = measureNames(network.nodes)
  const header = ['id', 'label', ...weights, ...scores, 'cluster', 'x', 'y']
  const rows = network.nodes.map((n) =>
    [
      n.id,
      n.label,
      ...weights.map((w) => n.weights[w]),
      ...scores.map((s) => n.scores?.[s]),
      n.cluster,
      n.x,
      n.y,
    ]
      .map(field)
      .join(','),
  )
  const edges = network.links.map((l) =>
    [network.nodes[l.source]!.id, network.nodes[l.target]!.id, l.strength].map(field).join(','),
  )
  return {
    nodes: [header.join(','), ...rows].join('\n') + '\n',
    edges: ['source,target,strength', ...edges].join('\n') + '\n',
  }
}
