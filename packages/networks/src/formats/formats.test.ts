import { describe, expect, it } from 'vitest'
import { leiden } from '../leiden.js'
import { vosLayout } from '../layout.js'
import { centralities } from '../centrality.js'
import { fromPairs, KARATE } from '../test-networks.js'
import { readVosviewerJson, validateVosviewerJson, writeVosviewerJson } from './vosviewer-json.js'
import { writeVosviewerMap } from './vosviewer-map.js'
import { writeGexf } from './gexf.js'
import { writeGraphml } from './graphml.js'
import { writeCsv } from './csv.js'

const network = centralities(vosLayout(leiden(fromPairs(34, KARATE), { seed: 3 }), { seed: 3 }))

describe('exchange formats', () => {
  it('VOSviewer JSON validates against the documented format and reads back without loss', () => {
    const text = writeVosviewerJson(network)
    const value = JSON.parse(text) as { network: { items: { weights: object }[] } }
    expect(validateVosviewerJson(value)).toEqual([])
    expect(value.network.items[0]!.weights).toEqual({ Documents: 1 })
    expect(readVosviewerJson(text)).toEqual(network)
    expect(
      validateVosviewerJson({ network: { items: [{ id: 1 }, { id: 1 }], links: [{ source_id: 9 }] } }),
    ).toHaveLength(3)
    expect(() => readVosviewerJson('{"network":{}}')).toThrow(expect.objectContaining({ code: 'BAD_RECORD' }))
  })

  it('VOSviewer map and network files', () => {
    const { map, network: links } = writeVosviewerMap(network)
    const [header, first] = map.split('\n')
    expect(header).toBe(
      'id\tlabel\tx\ty\tcluster\tweight<Documents>\tscore<degree>\tscore<strength>\tscore<pagerank>\tscore<betweenness>',
    )
    expect(first!.split('\t').slice(0, 2)).toEqual(['1', 'n1'])
    expect(links.trim().split('\n')).toHaveLength(78)
  })

  it('GEXF, GraphML and CSV carry every node and link', () => {
    const gexf = writeGexf(network)
    expect(gexf.match(/<node /g)).toHaveLength(34)
    expect(gexf.match(/<edge /g)).toHaveLength(78)
    expect(gexf).toContain('<viz:position')
    const graphml = writeGraphml(network)
    expect(graphml.match(/<node /g)).toHaveLength(34)
    expect(graphml.match(/<edge /g)).toHaveLength(78)
    const csv = writeCsv(network)
    expect(csv.nodes.trim().split('\n')).toHaveLength(35)
    expect(csv.edges.trim().split('\n')).toHaveLength(79)
  })
})
