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
  return { all, recent, previous, active, growth }
}

/** Scratch arrays for one snapshot, reused across askers. */
export interface Scratch {
  readonly cn: Float64Array
  readonly aa: Float64Array
  readonly ra: Float64Array
  readonly p3: Float64Array
  readonly rcn: Float64Array
  readonly touched: Int32Array
}

export function scratch(n: number): Scratch {
  return {
    cn: new Float64Array(n),
    aa: new Float64Array(n),
    ra: new Float64Array(n),
    p3: new Float64Array(n),
    rcn: new Float64Array(n),
    touched: new Int32Array(n),
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
}
