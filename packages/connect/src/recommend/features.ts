import { windowOf, type Window } from './window.js'
import type { YearlyNetworks } from './yearly.js'

/**
 * The link-prediction literature's single signals, each ranked on its own as a baseline (Liben-Nowell &
 * Kleinberg 2007, doi:10.1002/asi.20591; Yan & Guns 2014, doi:10.1016/j.joi.2014.02.002).
 */
export const BASELINES = Object.freeze([
  'commonNeighbours',
  'adamicAdar',
  'resourceAllocation',
  'preferentialAttachment',
  'jaccard',
  'katz',
] as const)

/**
 * The signals of a candidate pair, each a number that grows with the chance of a tie: the baselines, then
 * Meridian's own (output, momentum, recent activity and recent common partners, the smaller side's output and
 * partners).
 */
export const SIGNALS = Object.freeze([
  ...BASELINES,
  'output',
  'momentum',
  'recentPartners',
  'recentCommonNeighbours',
  'smallerOutput',
  'smallerDegree',
] as const)
export type Signal = (typeof SIGNALS)[number]

/** Signals of what units work on, when the series has topics: cosine similarity and complementarity. */
export const TOPIC_SIGNALS = Object.freeze(['topicSimilarity', 'complementarity'] as const)

/** A field is one where a unit is weak when its share there is under this part of everyone's share. */
export const WEAK_SHARE = 0.5

/** The signals a series supports, in the order of each pair's row. */
export function signalsOf(series: YearlyNetworks): readonly string[] {
  return series.topics ? [...SIGNALS, ...TOPIC_SIGNALS] : SIGNALS
}

/** Each unit's field shares up to a cut-off (sparse rows), and everyone's. */
export interface TopicShares {
  readonly offsets: Int32Array
  readonly fields: Int32Array
  readonly shares: Float64Array
  readonly norms: Float64Array
  readonly overall: Float64Array
}

function topicShares(series: YearlyNetworks, end: number): TopicShares | null {
  const topics = series.topics
  if (!topics) return null
  const n = series.ids.length
  const f = topics.fields.length
  const rows = Array.from({ length: n }, () => new Map<number, number>())
  const overall = new Float64Array(f)
  let total = 0
  for (const year of topics.years) {
    if (year.year > end) continue
    for (let e = 0; e < year.unit.length; e++) {
      const row = rows[year.unit[e]!]!
      row.set(year.field[e]!, (row.get(year.field[e]!) ?? 0) + year.works[e]!)
      overall[year.field[e]!]! += year.works[e]!
      total += year.works[e]!
    }
  }
  if (total > 0) for (let j = 0; j < f; j++) overall[j]! /= total
  const offsets = new Int32Array(n + 1)
  rows.forEach((row, i) => (offsets[i + 1] = offsets[i]! + row.size))
  const fields = new Int32Array(offsets[n]!)
  const shares = new Float64Array(offsets[n]!)
  const norms = new Float64Array(n)
  rows.forEach((row, i) => {
    let sum = 0
    for (const c of row.values()) sum += c
    let at = offsets[i]!
    let sq = 0
    for (const [field, c] of [...row.entries()].sort((a, b) => a[0] - b[0])) {
      fields[at] = field
      shares[at++] = c / sum
      sq += (c / sum) ** 2
    }
    norms[i] = Math.sqrt(sq)
  })
  return { offsets, fields, shares, norms, overall }
}

/** Katz's damping factor; paths of length 2 and 3 (longer ones add almost nothing at this damping). */
export const KATZ_BETA = 0.05

/** What the signals of pairs at a cut-off year are computed from. */
export interface Snapshot {
  /** Every tie up to the cut-off: "partners" means a tie here. */
  readonly all: Window
  /** The last `recentYears` years up to the cut-off. */
  readonly recent: Window
  /** The `recentYears` years before those. */
  readonly previous: Window
  /** Units with works or ties up to the cut-off. */
  readonly active: Uint8Array
  /** Per unit: log growth of yearly output, recent window against the one before. */
  readonly growth: Float64Array
  /** Field shares up to the cut-off, when the series has topics. */
  readonly topics: TopicShares | null
}

/** The signals at cut-off year `end`, from the series' first year. */
export function snapshot(
  series: YearlyNetworks,
  end: number,
  recentYears: number,
  minStrength = 1,
): Snapshot {
  const first = series.slices[0]?.year ?? end
  const all = windowOf(series, first, end, minStrength)
  const recent = windowOf(series, end - recentYears + 1, end, minStrength)
  const previous = windowOf(series, end - 2 * recentYears + 1, end - recentYears, minStrength)
  const n = all.nodes
  const active = new Uint8Array(n)
  const growth = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    active[i] = all.degree[i]! > 0 || all.output[i]! > 0 ? 1 : 0
    growth[i] = Math.log1p(recent.output[i]!) - Math.log1p(previous.output[i]!)
  }
  return { all, recent, previous, active, growth, topics: topicShares(series, end) }
}

/** Scratch arrays for one snapshot, reused across askers. */
export interface Scratch {
  readonly cn: Float64Array
  readonly aa: Float64Array
  readonly ra: Float64Array
  readonly p3: Float64Array
  readonly rcn: Float64Array
  /** The asker's field shares, dense. */
  readonly mine: Float64Array
}

export function scratch(n: number, fields = 0): Scratch {
  return {
    cn: new Float64Array(n),
    aa: new Float64Array(n),
    ra: new Float64Array(n),
    p3: new Float64Array(n),
    rcn: new Float64Array(n),
    mine: new Float64Array(fields),
  }
}

/**
 * Fill the two-hop counts of asker `u` (common neighbours, Adamic-Adar, resource allocation, paths of length 3,
 * recent common neighbours) into `s`; returns a function giving the signals of pair (u, v) and a reset.
 */
export function askerSignals(snap: Snapshot, s: Scratch, u: number): (v: number, out: Float64Array) => void {
  const { all, recent } = snap
  const { offsets, neighbors, degree } = all
  s.cn.fill(0)
  s.aa.fill(0)
  s.ra.fill(0)
  s.p3.fill(0)
  s.rcn.fill(0)
  for (let a = offsets[u]!; a < offsets[u + 1]!; a++) {
    const w = neighbors[a]!
    const dw = degree[w]!
    const aaw = dw > 1 ? 1 / Math.log(dw) : 0
    for (let b = offsets[w]!; b < offsets[w + 1]!; b++) {
      const v = neighbors[b]!
      s.cn[v]! += 1
      s.aa[v]! += aaw
      s.ra[v]! += 1 / dw
    }
  }
  // Paths of length 3: A^3(u, v) = sum over x of A^2(u, x) A(x, v).
  for (let x = 0; x < all.nodes; x++) {
    const c = s.cn[x]!
    if (c === 0) continue
    for (let b = offsets[x]!; b < offsets[x + 1]!; b++) s.p3[neighbors[b]!]! += c
  }
  for (let a = recent.offsets[u]!; a < recent.offsets[u + 1]!; a++) {
    const w = recent.neighbors[a]!
    for (let b = recent.offsets[w]!; b < recent.offsets[w + 1]!; b++) s.rcn[recent.neighbors[b]!]! += 1
  }
  const topics = snap.topics
  if (topics) {
    s.mine.fill(0)
    for (let a = topics.offsets[u]!; a < topics.offsets[u + 1]!; a++)
      s.mine[topics.fields[a]!] = topics.shares[a]!
  }
  const du = degree[u]!
  const outU = Math.log1p(all.output[u]!)
  const recentU = Math.log1p(recent.degree[u]!)
  return (v, out) => {
    const cn = s.cn[v]!
    const dv = degree[v]!
    out[0] = cn
    out[1] = s.aa[v]!
    out[2] = s.ra[v]!
    out[3] = du * dv
    out[4] = du + dv - cn > 0 ? cn / (du + dv - cn) : 0
    out[5] = KATZ_BETA * KATZ_BETA * cn + KATZ_BETA ** 3 * s.p3[v]!
    out[6] = outU + Math.log1p(all.output[v]!)
    out[7] = snap.growth[u]! + snap.growth[v]!
    out[8] = recentU + Math.log1p(recent.degree[v]!)
    out[9] = s.rcn[v]!
    out[10] = Math.min(outU, Math.log1p(all.output[v]!))
    out[11] = Math.min(du, dv)
    if (topics) {
      let dot = 0
      let complement = 0
      for (let a = topics.offsets[v]!; a < topics.offsets[v + 1]!; a++) {
        const field = topics.fields[a]!
        dot += s.mine[field]! * topics.shares[a]!
        if (s.mine[field]! < WEAK_SHARE * topics.overall[field]!) complement += topics.shares[a]!
      }
      const norms = topics.norms[u]! * topics.norms[v]!
      out[12] = norms > 0 ? dot / norms : 0
      out[13] = topics.norms[u]! > 0 ? complement : 0
    }
  }
}

/** The model's inputs from raw signals: counts on a log scale so a few hubs do not dominate the fit. */
export function transform(raw: Float64Array, out: Float64Array): void {
  out[0] = Math.log1p(raw[0]!)
  out[1] = Math.log1p(raw[1]!)
  out[2] = Math.log1p(raw[2]!)
  out[3] = Math.log1p(raw[3]!)
  out[4] = raw[4]!
  out[5] = Math.log1p(raw[5]! * 100)
  out[6] = raw[6]!
  out[7] = raw[7]!
  out[8] = raw[8]!
  out[9] = Math.log1p(raw[9]!)
  out[10] = raw[10]!
  out[11] = Math.log1p(raw[11]!)
  for (let j = 12; j < raw.length; j++) out[j] = raw[j]!
}
