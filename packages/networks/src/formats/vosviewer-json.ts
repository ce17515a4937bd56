import { MeridianError } from '@meridian/model'
import type { NetworkMethod } from '../method.js'
import { makeNetwork, type Network, type NetworkLink, type NetworkNode } from '../network.js'

/** How our node weights are named in VOSviewer files; other names pass through unchanged. */
export const VOSVIEWER_WEIGHT_NAMES: Readonly<Record<string, string>> = Object.freeze({
  works: 'Documents',
  fractionalWorks: 'Fractional documents',
  citations: 'Citations',
})
const FROM_VOSVIEWER = Object.fromEntries(Object.entries(VOSVIEWER_WEIGHT_NAMES).map(([k, v]) => [v, k]))

const rename = (weights: Readonly<Record<string, number>>, names: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(weights).map(([k, v]) => [names[k] ?? k, v]))

/**
 * VOSviewer Online JSON (`network.items`, `network.links`): items with id, label, x, y, cluster, weights,
 * scores; links with source_id, target_id, strength. The method goes in a `meridian` key VOSviewer ignores.
 */
export function writeVosviewerJson(network: Network): string {
  const items = network.nodes.map((node) => ({
    id: node.id,
    label: node.label,
    ...(node.x !== undefined ? { x: node.x, y: node.y } : {}),
    ...(node.cluster !== undefined ? { cluster: node.cluster } : {}),
    weights: rename(node.weights, VOSVIEWER_WEIGHT_NAMES),
    ...(node.scores ? { scores: { ...node.scores } } : {}),
  }))
  const links = network.links.map((l) => ({
    source_id: network.nodes[l.source]!.id,
    target_id: network.nodes[l.target]!.id,
    strength: l.strength,
  }))
  return JSON.stringify({ network: { items, links }, meridian: { method: network.method } }, null, 2) + '\n'
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const isNumberMap = (v: unknown) => isRecord(v) && Object.values(v).every((x) => typeof x === 'number')

/**
 * Check a value against VOSviewer Online's documented JSON format; returns the problems (none: valid).
 * Items need an id (number or string, unique); label a string; x, y, cluster numbers; weights and scores
 * objects of numbers. Links need source_id and target_id naming items; strength a number.
 */
export function validateVosviewerJson(value: unknown): string[] {
  const problems: string[] = []
  if (!isRecord(value) || !isRecord(value.network)) return ['no "network" object']
  const { items, links } = value.network
  if (!Array.isArray(items)) return ['"network.items" is not an array']
  const ids = new Set<string>()
  items.forEach((item: unknown, i) => {
    if (!isRecord(item)) return void problems.push(`items[${i}] is not an object`)
    if (typeof item.id !== 'number' && typeof item.id !== 'string') problems.push(`items[${i}].id is missing`)
    else if (ids.has(String(item.id))) problems.push(`items[${i}].id "${item.id}" is repeated`)
    else ids.add(String(item.id))
    if (item.label !== undefined && typeof item.label !== 'string')
      problems.push(`items[${i}].label is not a string`)
    for (const key of ['x', 'y', 'cluster'])
      if (item[key] !== undefined && typeof item[key] !== 'number')
        problems.push(`items[${i}].${key} is not a number`)
    if (typeof item.cluster === 'number' && !(Number.isInteger(item.cluster) && item.cluster >= 1))
      problems.push(`items[${i}].cluster is not a positive integer`)
    for (const key of ['weights', 'scores'])
      if (item[key] !== undefined && !isNumberMap(item[key]))
        problems.push(`items[${i}].${key} is not numbers`)
  })
  if (links !== undefined && !Array.isArray(links)) problems.push('"network.links" is not an array')
  if (Array.isArray(links))
    links.forEach((link: unknown, i) => {
      if (!isRecord(link)) return void problems.push(`links[${i}] is not an object`)
      for (const key of ['source_id', 'target_id'])
        if (!ids.has(String(link[key]))) problems.push(`links[${i}].${key} names no item`)
      if (link.strength !== undefined && typeof link.strength !== 'number')
        problems.push(`links[${i}].strength is not a number`)
    })
  return problems
}

/** Read VOSviewer Online JSON back into a network (the inverse of `writeVosviewerJson`). */
export function readVosviewerJson(text: string): Network {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    throw new MeridianError('BAD_RECORD', 'VOSviewer JSON: not valid JSON', { cause })
  }
  const problems = validateVosviewerJson(value)
  if (problems.length > 0)
    throw new MeridianError('BAD_RECORD', `VOSviewer JSON: ${problems.slice(0, 3).join('; ')}`)
  const root = value as {
    network: { items: Record<string, unknown>[]; links?: Record<string, unknown>[] }
    meridian?: { method?: NetworkMethod | null }
  }
  const nodes: NetworkNode[] = root.network.items.map((item) => ({
    id: String(item.id),
    label: typeof item.label === 'string' ? item.label : String(item.id),
    weights: rename((item.weights ?? {}) as Record<string, number>, FROM_VOSVIEWER),
    ...(item.scores ? { scores: { ...(item.scores as Record<string, number>) } } : {}),
    ...(typeof item.cluster === 'number' ? { cluster: item.cluster } : {}),
    ...(typeof item.x === 'number' ? { x: item.x, y: item.y as number } : {}),
  }))
  const index = new Map(nodes.map((node, i) => [node.id, i]))
  const links: NetworkLink[] = (root.network.links ?? []).map((link) => ({
    source: index.get(String(link.source_id))!,
    target: index.get(String(link.target_id))!,
    strength: typeof link.strength === 'number' ? link.strength : 1,
  }))
  return makeNetwork(nodes, links, root.meridian?.method ?? null)
}
