import { renderInline, type SqlRunner, type YearRange } from '@meridian/indicators'
import { COUNTRY_POLICIES, countryName } from '@meridian/model'
import type { NetworkMethod } from './method.js'
import { makeNetwork, type Network, type NetworkLink, type NetworkNode } from './network.js'
import {
  normalizeNetworkOptions,
  type NetworkLevel,
  type NetworkOptions,
  type NetworkOptionsInput,
} from './options.js'
import { linksQuery, nodesQuery } from './query.js'

const REFERENCES = Object.freeze([
  Object.freeze({
    citation:
      'Perianes-Rodriguez, Waltman & van Eck (2016). Constructing bibliometric networks: A comparison between full and fractional counting. Journal of Informetrics 10(4).',
    doi: '10.1016/j.joi.2016.10.006',
  }),
  Object.freeze({
    citation: 'van Eck & Waltman (2010). Software survey: VOSviewer. Scientometrics 84(2).',
    doi: '10.1007/s11192-009-0146-3',
  }),
])

const UNITS: Readonly<Record<NetworkLevel, string>> = Object.freeze({
  country: 'countries',
  institution: 'institutions',
  author: 'authors',
  group: 'groups of countries (a work counts once per group)',
})

/** The method object of a network build, without running it. */
export function describeNetwork(input: NetworkOptionsInput = {}): NetworkMethod {
  const o = normalizeNetworkOptions(input)
  return Object.freeze({
    level: o.level,
    counting: o.counting,
    countryPolicy: o.countryPolicy,
    countryPolicyDescription: COUNTRY_POLICIES[o.countryPolicy].description,
    years: o.years,
    fields: o.fields,
    groups: o.groups,
    authorKey: o.authorKey,
    thresholds: Object.freeze({
      minWorks: o.minWorks,
      minStrength: o.minStrength,
      top: o.top,
      weight: o.weight,
      maxAuthors: o.maxAuthors,
    }),
    definition: `Co-authorship network of ${UNITS[o.level]}: a link joins two units that share works; its strength is the works shared (full) or the sum of 1/(n-1) over shared works with n units (fractional).`,
    formula:
      o.counting === 'full' ? 'a_ij = sum_w [i in w][j in w]' : 'a_ij = sum_w [i in w][j in w] / (n_w - 1)',
    references: REFERENCES,
    sql: Object.freeze({ nodes: renderInline(nodesQuery(o)), links: renderInline(linksQuery(o)) }),
  })
}

const num = (value: unknown): number => Number(value ?? 0)

/** Apply top-N and min-strength to fetched rows (the node and work thresholds are in the SQL). */
export function assemble(
  nodeRows: readonly Record<string, unknown>[],
  linkRows: readonly Record<string, unknown>[],
  options: NetworkOptions,
  method: NetworkMethod | null,
): Network {
  let nodes: NetworkNode[] = nodeRows.map((r) => ({
    id: String(r.id),
    // Countries by name, as every table shows them; the id stays the ISO code.
    label: options.level === 'country' ? countryName(String(r.id)) : String(r.label ?? r.id),
    weights: { works: num(r.works), fractionalWorks: num(r.fractional_works), citations: num(r.citations) },
  }))
  if (options.top !== null && nodes.length > options.top) {
    const w = options.weight
    nodes = [...nodes]
      .sort((a, b) => (b.weights[w] ?? 0) - (a.weights[w] ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, options.top)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }
  const index = new Map(nodes.map((node, i) => [node.id, i]))
  const key = options.counting === 'full' ? 'full_strength' : 'fractional_strength'
  const links: NetworkLink[] = []
  for (const r of linkRows) {
    const source = index.get(String(r.source))
    const target = index.get(String(r.target))
    const strength = num(r[key])
    if (source === undefined || target === undefined || strength < options.minStrength || strength <= 0)
      continue
    links.push({ source, target, strength })
  }
  return makeNetwork(nodes, links, method)
}

/**
 * Build a co-authorship network from the store through a SQL runner.
 * @example
 *   const network = await buildNetwork(store.runner, { level: 'country', counting: 'fractional', years: '2015-2020' })
 */
export async function buildNetwork(runner: SqlRunner, input: NetworkOptionsInput = {}): Promise<Network> {
  const options = normalizeNetworkOptions(input)
  const [nodeRows, linkRows] = await Promise.all([
    runner.all(nodesQuery(options)),
    runner.all(linksQuery(options)),
  ])
  return assemble(nodeRows, linkRows, options, describeNetwork(input))
}

/** One network per period, node ids stable across them (the unit's own key). */
export async function buildNetworkSlices(
  runner: SqlRunner,
  periods: readonly (string | YearRange)[],
  input: NetworkOptionsInput = {},
): Promise<{ readonly period: YearRange; readonly network: Network }[]> {
  const out = []
  for (const period of periods) {
    const network = await buildNetwork(runner, { ...input, years: period })
    out.push({ period: network.method!.years!, network })
  }
  return out
}
