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

/**
 * Ties in a window keep pairs whose summed strength reaches `minStrength` (default 1). Typed arrays only:
 * edges are bucketed by their smaller end, each bucket summed in a dense accumulator and sorted, so a window
 * of millions of author ties costs no hash map (the map this replaced took most of a first author-level
 * recommendation).
 */
export function windowOf(series: YearlyNetworks, from: number, to: number, minStrength = 1): Window {
  const n = series.ids.length
  const output = new Float64Array(n)
  const slices = series.slices.filter((slice) => slice.year >= from && slice.year <= to)
  const start = new Int32Array(n + 1)
  for (const slice of slices) {
    for (let i = 0; i < n; i++) output[i]! += slice.output[i]!
    for (let e = 0; e < slice.source.length; e++)
      start[Math.min(slice.source[e]!, slice.target[e]!) + 1]! += 1
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!
  const total = start[n]!
  const other = new Int32Array(total)
  const weight = new Float64Array(total)
  const cursor = start.slice(0, n)
  for (const slice of slices)
    for (let e = 0; e < slice.source.length; e++) {
      const a = slice.source[e]!
      const b = slice.target[e]!
      const p = cursor[a < b ? a : b]!++
      other[p] = a < b ? b : a
      weight[p] = slice.strength[e]!
    }
  // Per smaller end a (ascending): its larger ends b, summed and ascending.
  const pairA = new Int32Array(total)
  const pairB = new Int32Array(total)
  const pairS = new Float64Array(total)
  let m = 0
  const sum = new Float64Array(n)
  const seen = new Uint8Array(n)
  const touched = new Int32Array(n)
  for (let a = 0; a < n; a++) {
    let k = 0
    for (let p = start[a]!; p < start[a + 1]!; p++) {
      const b = other[p]!
      if (!seen[b]) {
        seen[b] = 1
        touched[k++] = b
      }
      sum[b]! += weight[p]!
    }
    if (k === 0) continue
    const row = touched.subarray(0, k).sort()
    for (let r = 0; r < k; r++) {
      const b = row[r]!
      const s = sum[b]!
      if (s >= minStrength && s > 0) {
        pairA[m] = a
        pairB[m] = b
        pairS[m++] = s
      }
      sum[b] = 0
      seen[b] = 0
    }
  }
  const degree = new Int32Array(n)
  for (let p = 0; p < m; p++) {
    degree[pairA[p]!]! += 1
    degree[pairB[p]!]! += 1
  }
  const offsets = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + degree[i]!
  const fill = offsets.slice(0, n)
  const neighbors = new Int32Array(offsets[n]!)
  const strength = new Float64Array(offsets[n]!)
  for (let p = 0; p < m; p++) {
    const a = pairA[p]!
    const b = pairB[p]!
    const s = pairS[p]!
    neighbors[fill[a]!] = b
    strength[fill[a]!++] = s
    neighbors[fill[b]!] = a
    strength[fill[b]!++] = s
  }
  // Pairs come in (a, b) order: a row gets its smaller neighbours first (in the order of a), then its larger
  // ones (ascending): each row is ascending.
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
