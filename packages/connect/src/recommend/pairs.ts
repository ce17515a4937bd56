import { javaRandom } from '@meridian/networks'
import { askerSignals, scratch, signalsOf, snapshot, type Snapshot } from './features.js'
import { tieStrength, windowOf } from './window.js'
import type { YearlyNetworks } from './yearly.js'

/** Candidate pairs at one cut-off: each asker's non-partners with their raw signals and what happened next. */
export interface PairSet {
  readonly end: number
  readonly horizon: number
  readonly snapshot: Snapshot
  /** Row-major, `signalsOf(series).length` numbers per pair. */
  readonly raw: Float64Array
  /** 1 when the pair became partners in (end, end + horizon]. */
  readonly labels: Uint8Array
  readonly asker: Int32Array
  readonly candidate: Int32Array
  /** 1 for the one row of an unordered pair the pair-level measures (AUC) count. */
  readonly counted: Uint8Array
  /** Askers in the order their rows appear (contiguous). */
  readonly askers: Int32Array
  /** Numbers per pair. */
  readonly width: number
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
  /**
   * Keep every new tie but only about this many other candidates per asker (a seeded sample): enough to fit
   * weights on, far cheaper on large networks. Absent: every candidate (what precision@k needs).
   */
  readonly negativesPerAsker?: number
  /**
   * What is predicted. `new-ties` (default): candidates are units with no tie yet, labelled 1 when a tie
   * appears in (end, end + horizon]. `strengthening`: candidates are existing partners, labelled 1 when the
   * pair's joint works in (end, end + horizon] exceed those of the `horizon` years up to `end`.
   */
  readonly task?: BacktestTask
}

/** The two things a backtest scores: ties that appear, and ties that grow. */
export const BACKTEST_TASKS = ['new-ties', 'strengthening'] as const
export type BacktestTask = (typeof BACKTEST_TASKS)[number]

/**
 * All pairs (asker, candidate) at cut-off `end` where both units are active and not yet partners, labelled by
 * the ties of (end, end + horizon].
 */
export function pairsAt(series: YearlyNetworks, end: number, horizon: number, options: PairOptions): PairSet {
  const snap = snapshot(series, end, options.recentYears, options.minStrength)
  const future = windowOf(series, end + 1, end + horizon, options.minStrength)
  const strengthening = options.task === 'strengthening'
  // Strengthening compares a pair's joint works after the cut-off with the same number of years before it.
  const before = strengthening ? windowOf(series, end - horizon + 1, end, options.minStrength) : null
  const n = series.ids.length
  const active: number[] = []
  for (let i = 0; i < n; i++) if (snap.active[i]) active.push(i)
  const askers = sample(active, options.maxAskers, options.seed)
  const isAsker = new Uint8Array(n)
  for (const u of askers) isAsker[u] = 1
  const d = signalsOf(series).length
  // Typed buffers that double as they fill: an author-level backtest holds millions of pairs x signals.
  const rows = grow(Int32Array)
  const raw = grow(Float64Array)
  const labels = grow(Uint8Array)
  const candidates = grow(Int32Array)
  const counted = grow(Uint8Array)
  const s = scratch(n, series.topics?.fields.length ?? 0)
  const out = new Float64Array(d)
  const random = javaRandom(options.seed + 1)
  const keep = options.negativesPerAsker
  const sampled = keep !== undefined && active.length - 1 > keep
  const seen = new Uint8Array(n)
  for (const u of askers) {
    const signals = askerSignals(snap, s, u)
    // Sampling: the asker's new ties, then `keep` units drawn at random; else every active unit.
    let pool: readonly number[] = active
    if (strengthening) {
      // The asker's partners up to the cut-off, active ones only (all are: a tie makes a unit active).
      const partners: number[] = []
      for (let a = snap.all.offsets[u]!; a < snap.all.offsets[u + 1]!; a++)
        if (snap.active[snap.all.neighbors[a]!]) partners.push(snap.all.neighbors[a]!)
      pool = partners
    } else if (sampled) {
      const drawn: number[] = []
      for (let a = future.offsets[u]!; a < future.offsets[u + 1]!; a++)
        if (snap.active[future.neighbors[a]!]) drawn.push(future.neighbors[a]!)
      for (let i = 0; i < keep!; i++) drawn.push(active[random.nextInt(active.length)]!)
      pool = drawn.filter((v) => !seen[v] && (seen[v] = 1))
      for (const v of pool) seen[v] = 0
    }
    for (const v of pool) {
      if (v === u || (!strengthening && tieStrength(snap.all, u, v) > 0)) continue
      const label = before
        ? tieStrength(future, u, v) > tieStrength(before, u, v)
          ? 1
          : 0
        : tieStrength(future, u, v) > 0
          ? 1
          : 0
      signals(v, out)
      raw.pushAll(out)
      rows.push(u)
      candidates.push(v)
      labels.push(label)
      counted.push(!isAsker[v] || u < v ? 1 : 0)
    }
  }
  return {
    end,
    horizon,
    snapshot: snap,
    raw: raw.done(),
    labels: labels.done(),
    asker: rows.done(),
    candidate: candidates.done(),
    counted: counted.done(),
    askers: Int32Array.from(askers),
    width: d,
  }
}

type Typed = Float64Array | Int32Array | Uint8Array

/** A typed array that grows by doubling; `done` returns the filled part. */
function grow<T extends Typed>(make: new (length: number) => T) {
  let buffer = new make(1024)
  let length = 0
  const room = (more: number) => {
    if (length + more <= buffer.length) return
    const bigger = new make(Math.max(buffer.length * 2, length + more))
    bigger.set(buffer as never)
    buffer = bigger
  }
  return {
    push(value: number) {
      room(1)
      buffer[length++] = value
    },
    pushAll(values: Float64Array) {
      room(values.length)
      buffer.set(values as never, length)
      length += values.length
    },
    done: (): T => buffer.slice(0, length) as T,
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
