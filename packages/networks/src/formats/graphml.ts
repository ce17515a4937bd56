import type { Network } from '../network.js'
import { measureNames, xmlEscape } from './xml.js'

/** GraphML: keys for label, weights, scores, cluster, x, y on nodes and `weight` on edges. */
export function writeGraphml(network: Network): string {
  const { weights, scores } = measureNames(network.nodes)
  const keys: [string, string, string][] = [
    ['label', 'label', 'string'],
    ...weights.map((w): [string, string, string] => [`w_${w}`, w, 'double']),
    ...scores.map((s): [string, string, string] => [`s_${s}`, s, 'double']),
    ['cluster', 'cluster', 'int'],
    ['x', 'x', 'double'],
    ['y', 'y', 'double'],
  ]
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys.map(
      ([id, name, type]) =>
        `  <key id="${xmlEscape(id)}" for="node" attr.name="${xmlEscape(name)}" attr.type="${type}"/>`,
    ),
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <graph id="G" edgedefault="undirected">',
  ]
  for (const node of network.nodes) {
    const data: [string, string | number | undefined][] = [
      ['label', node.label],
      ...weights.map((w): [string, number | undefined] => [`w_${w}`, node.weights[w]]),
      ...scores.map((s): [string, number | undefined] => [`s_${s}`, node.scores?.[s]]),
      ['cluster', node.cluster],
      ['x', node.x],
      ['y', node.y],
    ]
    out.push(`    <node id="${xmlEscape(node.id)}">`)
    for (const [key, value] of data)
      if (value !== undefined)
        out.push(`      <data key="${xmlEscape(key)}">${xmlEscape(String(value))}</data>`)
    out.push('    </node>')
  }
  for (const l of network.links)
    out.push(
      `    <edge source="${xmlEscape(network.nodes[l.source]!.id)}" target="${xmlEscape(network.nodes[l.target]!.id)}"><data key="weight">${l.strength}</data></edge>`,
    )
  out.push('  </graph>', '</graphml>')
  return out.join('\n') + '\n'
}
