import type { Network } from '../network.js'
import { measureNames, xmlEscape } from './xml.js'

/** GEXF 1.3 (Gephi): node attributes for weights, scores and cluster; `viz:position` when laid out. */
export function writeGexf(network: Network): string {
  const { weights, scores } = measureNames(network.nodes)
  const attributes = [...weights.map((w) => `weight:${w}`), ...scores.map((s) => `score:${s}`), 'cluster']
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    '  <meta><creator>Meridian</creator></meta>',
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    ...attributes.map(
      (a, i) =>
        `      <attribute id="${i}" title="${xmlEscape(a)}" type="${a === 'cluster' ? 'integer' : 'double'}"/>`,
    ),
    '    </attributes>',
    '    <nodes>',
  ]
  for (const node of network.nodes) {
    out.push(
      `      <node id="${xmlEscape(node.id)}" label="${xmlEscape(node.label)}">`,
      '        <attvalues>',
    )
    const values: (number | undefined)[] = [
      ...weights.map((w) => node.weights[w]),
      ...scores.map((s) => node.scores?.[s]),
      node.cluster,
    ]
    values.forEach((v, i) => {
      if (v !== undefined) out.push(`          <attvalue for="${i}" value="${v}"/>`)
    })
    out.push('        </attvalues>')
    if (node.x !== undefined) out.push(`        <viz:position x="${node.x}" y="${node.y ?? 0}" z="0"/>`)
    out.push('      </node>')
  }
  out.push('    </nodes>', '    <edges>')
  network.links.forEach((l, i) =>
    out.push(
      `      <edge id="${i}" source="${xmlEscape(network.nodes[l.source]!.id)}" target="${xmlEscape(network.nodes[l.target]!.id)}" weight="${l.strength}"/>`,
    ),
  )
  out.push('    </edges>', '  </graph>', '</gexf>')
  return out.join('\n') + '\n'
}
