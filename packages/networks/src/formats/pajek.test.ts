import { describe, expect, it } from 'vitest'
import { fromPairs } from '../test-networks.js'
import {
  networkToPajek,
  pajekToNetwork,
  readPajek,
  readPajekPartition,
  writePajek,
  writePajekPartition,
} from './pajek.js'

const TEXT =
  '\uFEFF% a comment\r\n*Vertices 3\r\n1 "A"\r\n2 "B \\"b\\"" 0.1 0.2 0.5\r\n3 C\r\n*Arcs\r\n1 2 3\r\n2 1 3\r\n3 3 7\r\n*Edges\r\n2 3\r\n'

describe('Pajek', () => {
  it('reads vertices, arcs, edges and loops, and writes them back unchanged', () => {
    const file = readPajek(TEXT)
    expect(file.vertices).toEqual([
      { id: 1, label: 'A', extra: '' },
      { id: 2, label: 'B "b"', extra: '0.1 0.2 0.5' },
      { id: 3, label: 'C', extra: '' },
    ])
    expect(file.arcs).toHaveLength(3)
    expect(file.edges).toEqual([{ from: 2, to: 3, value: 1 }])
    expect(readPajek(writePajek(file))).toEqual(file)
    expect(writePajek(readPajek(writePajek(file)))).toBe(writePajek(file))
  })

  it('turns a file into an undirected network and back', () => {
    const network = pajekToNetwork(readPajek(TEXT))
    expect(network.links).toEqual([
      { source: 0, target: 1, strength: 3 },
      { source: 1, target: 2, strength: 1 },
    ])
    expect(network.nodes[2]!.weights).toEqual({ loop: 7 })
    const pairs = fromPairs(3, [[1, 2, 2.5]])
    expect(pajekToNetwork(readPajek(writePajek(networkToPajek(pairs)))).links).toEqual(pairs.links)
  })

  it('writes and reads partitions; rejects bad input with a code', () => {
    expect(readPajekPartition(writePajekPartition([1, 2, 1]))).toEqual([1, 2, 1])
    expect(() => readPajek('*Vertices 1\n1 "a"\n*Matrix\n1')).toThrow(
      expect.objectContaining({ code: 'BAD_RECORD' }),
    )
    expect(() => pajekToNetwork(readPajek('*Vertices 1\n1 "a"\n*Edges\n1 2'))).toThrow(
      expect.objectContaining({ code: 'BAD_RECORD' }),
    )
  })
})
