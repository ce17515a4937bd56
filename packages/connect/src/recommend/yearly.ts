import { MeridianError } from '@meridian/model'
import { pajekToNetwork, readPajek, type Network } from '@meridian/networks'

/** One year of a collaboration network: undirected ties (i < j) with their strength, and each unit's output. */
export interface YearSlice {
  readonly year: number
  readonly source: Int32Array
  readonly target: Int32Array
  readonly strength: Float64Array
  /** Works of each unit that year (a Pajek loop value, or the store's count); 0 when unknown. */
  readonly output: Float64Array
}

/** Works per unit, field and year (a work counts once in each of its fields). */
export interface TopicYear {
  readonly year: number
  readonly unit: Int32Array
  readonly field: Int32Array
  readonly works: Float64Array
}

/** What the units work on, by year: the field names and the counts. */
export interface Topics {
  readonly fields: readonly string[]
  readonly years: readonly TopicYear[]
}

/** A series of yearly networks over one set of units (ids stable across years). */
export interface YearlyNetworks {
  readonly kind: 'yearly-networks'
  readonly level: 'country' | 'institution' | 'author'
  readonly ids: readonly string[]
  readonly labels: readonly string[]
  /** Ascending by year. */
  readonly slices: readonly YearSlice[]
  /** Where the series came from, in words (`Pajek files WrldCo1990.net…WrldCo2023.net`, `store, country, iso`). */
  readonly source: string
  /** Fields per unit and year, when the source has them (a store does; Pajek files do not). */
  readonly topics?: Topics
}

/** Gather yearly networks whose nodes are keyed by `id` into one index space. */
export function yearlyNetworks(
  level: YearlyNetworks['level'],
  years: readonly {
    readonly year: number
    readonly network: Network
    readonly output?: (id: string) => number
  }[],
  source: string,
): YearlyNetworks {
  const index = new Map<string, number>()
  const ids: string[] = []
  const labels: string[] = []
  const at = (id: string, label: string) => {
    let i = index.get(id)
    if (i === undefined) {
      i = ids.length
      index.set(id, i)
      ids.push(id)
      labels.push(label)
    }
    return i
  }
  const local = years.map(({ network }) => network.nodes.map((node) => at(node.id, node.label)))
  const n = ids.length
  const slices = [...years]
    .map(({ year, network, output }, k) => {
      const map = local[k]!
      const source = new Int32Array(network.links.length)
      const target = new Int32Array(network.links.length)
      const strength = new Float64Array(network.links.length)
      network.links.forEach((link, e) => {
        const a = map[link.source]!
        const b = map[link.target]!
        source[e] = Math.min(a, b)
        target[e] = Math.max(a, b)
        strength[e] = link.strength
      })
      const works = new Float64Array(n)
      network.nodes.forEach((node, i) => {
        works[map[i]!] = output ? output(node.id) : (node.weights.works ?? node.weights.loop ?? 0)
      })
      return { year, source, target, strength, output: works }
    })
    .sort((a, b) => a.year - b.year)
  return Object.freeze({ kind: 'yearly-networks', level, ids, labels, slices, source })
}

const YEAR_IN_NAME = /(\d{4})\.net$/i

/**
 * Yearly country networks from Pajek files named with their year (`WrldCo2000.net`): vertices keyed by label,
 * ties from arcs or edges (an arc pair is one tie), loops as the unit's output that year.
 */
export function yearlyFromPajek(
  files: readonly { readonly name: string; readonly text: string }[],
): YearlyNetworks {
  const years = files
    .filter((f) => YEAR_IN_NAME.test(f.name))
    .map((f) => {
      const year = Number(YEAR_IN_NAME.exec(f.name)![1])
      let network: Network
      try {
        network = pajekToNetwork(readPajek(f.text))
      } catch (cause) {
        if (cause instanceof MeridianError)
          throw new MeridianError(cause.code, `${f.name}: ${cause.message}`, {
            location: { file: f.name, line: cause.location?.line ?? 0 },
          })
        throw cause
      }
      const byLabel = new Map(network.nodes.map((node) => [node.label, node]))
      if (byLabel.size !== network.nodes.length)
        throw new MeridianError(
          'BAD_RECORD',
          `${f.name}: vertex labels repeat; labels key the units across years`,
          {
            location: { file: f.name, line: 0 },
          },
        )
      const relabelled = {
        ...network,
        nodes: network.nodes.map((node) => ({ ...node, id: node.label })),
      }
      return { year, network: relabelled }
    })
  if (years.length < 2)
    throw new MeridianError(
      'BAD_OPTION',
      `found ${years.length} yearly Pajek file(s) (names ending in a year, like WrldCo2000.net); a backtest needs several years`,
    )
  const seen = new Set<number>()
  for (const { year } of years) {
    if (seen.has(year)) throw new MeridianError('BAD_OPTION', `two Pajek files are for year ${year}`)
    seen.add(year)
  }
  const first = Math.min(...seen)
  const last = Math.max(...seen)
  return yearlyNetworks('country', years, `Pajek files, ${years.length} years ${first}-${last}`)
}
