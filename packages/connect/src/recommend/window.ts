import type { YearlyNetworks } from './yearly.js'

/** The union of the yearly networks in [from, to]: ties summed, degrees counted, outputs summed. */
export interface Window {
  readonly from: number
  readonly to: number
  readonly nodes: number
  /** Neighbours of i: `neighbors[offsets[i] .. offsets[i + 1])`, ascending. */
  readonly offsets: Int32Array
  readonly neighbors: Int32Array
  readonly strength: Float64Array
  readonly degree: Int32Array
  readonly output: Float64Array
}

/** Ties in a window keep pairs whose summed strength reaches `minStrength` (default 1). */
export function windowOf(series: YearlyNetworks, from: number, to: number, minStrength = 1): Window {
  const n = series.ids.length
  const sums = new Map<number, number>()
  const output = new Float64Array(n)
  for (const slice of series.slices) {
    if (slice.year < from || slice.year > to) continue
    for (let e = 0; e < slice.source.length; e++) {
      const key = slice.source[e]! * n + slice.target[e]!
      sums.set(key, (sums.get(key) ?? 0) + slice.strength[e]!)
    }
    for (let i = 0; i < n; i++) output[i]! += slice.output[i]!
  }
  const pairs = [...sums.entries()].filter(([, s]) => s >= minStrength && s > 0).sort((a, b) => a[0] - b[0])
  const degree = new Int32Array(n)
  for (const [key] of pairs) {
    degree[Math.floor(key / n)]! += 1
    degree[key % n]! += 1
  }
  const offsets = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + degree[i]!
  const fill = offsets.slice(0, n)
  const neighbors = new Int32Array(offsets[n]!)
  const strength = new Float64Array(offsets[n]!)
  for (const [key, s] of pairs) {
    const a = Math.floor(key / n)
    const b = key % n
    neighbors[fill[a]!] = b
    strength[fill[a]!++] = s
    neighbors[fill[b]!] = a
    strength[fill[b]!++] = s
  }
  // Pairs were sorted by (a, b): rows of a hold b ascending, but rows of b got a's in the order of a, also
  // ascending; each row is ascending.
  return { from, to, nodes: n, offsets, neighbors, strength, degree, output }
}

/** The strength of the tie i-j in the window, 0 when there is none (binary search in i's row). */
export function tieStrength(w: Window, i: number, j: number): number {
  let lo = w.offsets[i]!
  let hi = w.offsets[i + 1]! - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const v = w.neighbors[mid]!
    if (v === j) return w.strength[mid]!
    if (v < j) lo = mid + 1
    else hi = mid - 1
  }
  return 0
}
