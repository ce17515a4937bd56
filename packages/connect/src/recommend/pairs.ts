import { javaRandom } from '@meridian/networks'
import { askerSignals, scratch, snapshot, SIGNALS, type Snapshot } from './features.js'
import { tieStrength, windowOf } from './window.js'
import type { YearlyNetworks } from './yearly.js'

/** Candidate pairs at one cut-off: each asker's non-partners with their raw signals and what happened next. */
export interface PairSet {
  readonly end: number
  readonly horizon: number
  readonly snapshot: Snapshot
  /** Row-major, `SIGNALS.length` numbers per pair. */
  readonly raw: Float64Array
  /** 1 when the pair became partners in (end, end + horizon]. */
  readonly labels: Uint8Array
  readonly asker: Int32Array
  readonly candidate: Int32Array
  /** 1 for the one row of an unordered pair the pair-level measures (AUC) count. */
  readonly counted: Uint8Array
  /** Askers in the order their rows appear (contiguous). */
  readonly askers: Int32Array
}

/** How pairs are drawn. */
export interface PairOptions {
  /** Years of the "recent" window for momentum and recent partners. */
  readonly recentYears: number
  /** Smallest summed strength that makes a tie. */
  readonly minStrength: number
  /** At most this many askers (a seeded sample of the active units); all when there are fewer. */
  readonly maxAskers: number
  readonly seed: number
}

/**
 * All pairs (asker, candidate) at cut-off `end` where both units are active and not yet partners, labelled by
 * the ties of (end, end + horizon].
 */
export function pairsAt(series: YearlyNetworks, end: number, horizon: number, options: PairOptions): PairSet {
  const snap = snapshot(series, end, options.recentYears, options.minStrength)
  const future = windowOf(series, end + 1, end + horizon, options.minStrength)
  const n = series.ids.length
  const active: number[] = []
  for (let i = 0; i < n; i++) if (snap.active[i]) active.push(i)
  const askers = sample(active, options.maxAskers, options.seed)
  const isAsker = new Uint8Array(n)
  for (const u of askers) isAsker[u] = 1
  const d = SIGNALS.length
  const rows: number[] = []
  const raw: number[] = []
  const labels: number[] = []
  const candidates: number[] = []
  const counted: number[] = []
  const s = scratch(n)
  const out = new Float64Array(d)
  for (const u of askers) {
    const signals = askerSignals(snap, s, u)
    for (const v of active) {
      if (v === u || tieStrength(snap.all, u, v) > 0) continue
      signals(v, out)
      for (let j = 0; j < d; j++) raw.push(out[j]!)
      rows.push(u)
      candidates.push(v)
      labels.push(tieStrength(future, u, v) > 0 ? 1 : 0)
      counted.push(!isAsker[v] || u < v ? 1 : 0)
    }
  }
  return {
    end,
    horizon,
    snapshot: snap,
    raw: Float64Array.from(raw),
    labels: Uint8Array.from(labels),
    asker: Int32Array.from(rows),
    candidate: Int32Array.from(candidates),
    counted: Uint8Array.from(counted),
    askers: Int32Array.from(askers),
  }
}

/** Up to `max` of `items`, a seeded sample kept in the items' order; all when there are no more. */
export function sample(items: readonly number[], max: number, seed: number): number[] {
  if (items.length <= max) return [...items]
  const random = javaRandom(seed)
  const copy = [...items]
  for (let i = 0; i < max; i++) {
    const j = i + random.nextInt(copy.length - i)
    const t = copy[i]!
    copy[i] = copy[j]!
    copy[j] = t
  }
  return copy.slice(0, max).sort((a, b) => a - b)
}
