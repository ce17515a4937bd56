import { MeridianError } from '@meridian/model'
import { makeNetwork, type Network, type NetworkLink, type NetworkNode } from '../network.js'

/** A Pajek vertex: its number, label, and whatever follows the label (coordinates, shape), kept as written. */
export interface PajekVertex {
  readonly id: number
  readonly label: string
  readonly extra: string
}

/** A Pajek arc or edge. */
export interface PajekLine {
  readonly from: number
  readonly to: number
  readonly value: number
}

/** A Pajek `.net` file as written: vertices, directed arcs, undirected edges (self-loops and repeats kept). */
export interface PajekFile {
  readonly kind: 'pajek'
  readonly vertices: readonly PajekVertex[]
  readonly arcs: readonly PajekLine[]
  readonly edges: readonly PajekLine[]
}

const bad = (line: number, message: string) =>
  new MeridianError('BAD_RECORD', `Pajek: ${message}`, { location: { file: '<pajek>', line } })

const unquote = (s: string) => s.replaceAll('\\"', '"')

/** Parse a Pajek `.net` file (`*Vertices`, `*Arcs`, `*Edges`; `%` comments; BOM and CRLF tolerated). */
export function readPajek(text: string): PajekFile {
  const vertices: PajekVertex[] = []
  const arcs: PajekLine[] = []
  const edges: PajekLine[] = []
  let section: 'none' | 'vertices' | 'arcs' | 'edges' = 'none'
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  lines.forEach((raw, i) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('%')) return
    if (line.startsWith('*')) {
      const word = line.slice(1).split(/\s+/)[0]!.toLowerCase()
      if (word === 'vertices' || word === 'arcs' || word === 'edges') section = word
      else if (word === 'network') return
      else throw bad(i + 1, `section "${line}" is not supported (use *Vertices, *Arcs, *Edges)`)
      return
    }
    if (section === 'vertices') {
      const match = /^(\d+)(?:\s+(?:"((?:[^"\\]|\\.)*)"|(\S+)))?\s*(.*)$/.exec(line)
      if (!match) throw bad(i + 1, `vertex line "${line}" is not valid`)
      const id = Number(match[1])
      vertices.push({
        id,
        label: match[2] !== undefined ? unquote(match[2]) : (match[3] ?? String(id)),
        extra: match[4] ?? '',
      })
    } else if (section === 'arcs' || section === 'edges') {
      const [a, b, v] = line.split(/\s+/)
      const from = Number(a)
      const to = Number(b)
      const value = v === undefined ? 1 : Number(v)
      if (!Number.isInteger(from) || !Number.isInteger(to) || Number.isNaN(value))
        throw bad(i + 1, `${section.slice(0, -1)} line "${line}" is not valid`)
      ;(section === 'arcs' ? arcs : edges).push({ from, to, value })
    } else throw bad(i + 1, `line "${line}" comes before *Vertices`)
  })
  return Object.freeze({ kind: 'pajek', vertices, arcs, edges })
}

const quote = (label: string) => `"${label.replaceAll('"', '\\"')}"`
const lineOf = (l: PajekLine) => `${l.from} ${l.to} ${l.value}`

/** Write a Pajek `.net` file (CRLF, as Pajek writes); `readPajek(writePajek(f))` equals `f`. */
export function writePajek(file: PajekFile): string {
  const out = [`*Vertices ${file.vertices.length}`]
  for (const v of file.vertices) out.push(`${v.id} ${quote(v.label)}${v.extra ? ` ${v.extra}` : ''}`)
  if (file.arcs.length > 0) out.push('*Arcs', ...file.arcs.map(lineOf))
  if (file.edges.length > 0) out.push('*Edges', ...file.edges.map(lineOf))
  return out.join('\r\n') + '\r\n'
}

/** A Pajek partition (`.clu`): one value per vertex. */
export function writePajekPartition(values: readonly number[]): string {
  return [`*Vertices ${values.length}`, ...values.map(String)].join('\r\n') + '\r\n'
}

/** Read a Pajek partition or vector (`.clu`, `.vec`). */
export function readPajekPartition(text: string): number[] {
  const values = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('%') && !l.startsWith('*'))
    .map(Number)
  const i = values.findIndex((v) => Number.isNaN(v))
  if (i >= 0) throw new MeridianError('BAD_RECORD', `Pajek partition: value ${i + 1} is not a number`)
  return values
}

/** A network as Pajek: vertices 1..n with labels, undirected `*Edges`. Layout coordinates are not written. */
export function networkToPajek(network: Network): PajekFile {
  return Object.freeze({
    kind: 'pajek',
    vertices: network.nodes.map((node, i) => ({ id: i + 1, label: node.label, extra: '' })),
    arcs: [],
    edges: network.links.map((l) => ({ from: l.source + 1, to: l.target + 1, value: l.strength })),
  })
}

/**
 * A Pajek file as an undirected network: node id = vertex number. Edges are summed per pair; an arc pair
 * (i, j) and (j, i) is one link (the value of the i < j arc, else the other); loops go to node weight `loop`.
 */
export function pajekToNetwork(file: PajekFile): Network {
  const index = new Map(file.vertices.map((v, i) => [v.id, i]))
  const at = (id: number) => {
    const i = index.get(id)
    if (i === undefined)
      throw new MeridianError('BAD_RECORD', `Pajek: line names vertex ${id}, which is not declared`)
    return i
  }
  const loop = new Float64Array(file.vertices.length)
  const links: NetworkLink[] = []
  for (const e of file.edges)
    if (e.from === e.to) loop[at(e.from)]! += e.value
    else links.push({ source: at(e.from), target: at(e.to), strength: e.value })
  const arcs = new Map<string, number>()
  for (const a of file.arcs) {
    if (a.from === a.to) {
      loop[at(a.from)]! += a.value
      continue
    }
    const key = a.from < a.to ? `${a.from} ${a.to}` : `${a.to} ${a.from}`
    if (a.from < a.to || !arcs.has(key)) arcs.set(key, a.value)
  }
  for (const [key, value] of arcs) {
    const [a, b] = key.split(' ').map(Number) as [number, number]
    links.push({ source: at(a), target: at(b), strength: value })
  }
  const nodes: NetworkNode[] = file.vertices.map((v, i) => ({
    id: String(v.id),
    label: v.label,
    weights: (loop[i]! !== 0 ? { loop: loop[i]! } : {}) as Record<string, number>,
  }))
  return makeNetwork(nodes, links)
}
