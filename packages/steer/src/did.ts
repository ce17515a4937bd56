import type { Rng } from '@meridian/indicators'

/** A difference-in-differences estimate with its bootstrap interval. */
export interface DidEstimate {
  /** Mean (post − pre) of the treated institutions. */
  readonly treatedChange: number
  /** Mean (post − pre) of the comparison institutions. */
  readonly comparisonChange: number
  /** treatedChange − comparisonChange. */
  readonly did: number
  /** Percentile interval from resampling institutions within each group, or `null` when a group is empty. */
  readonly low: number | null
  readonly high: number | null
}

/** Options of {@link did}. */
export interface DidOptions {
  /** Resamples. Default 1,000. */
  readonly resamples?: number
  /** Coverage of the interval. Default 0.95. */
  readonly level?: number
  readonly rng: Rng
}

const mean = (xs: Float64Array): number => {
  let s = 0
  for (const x of xs) s += x
  return xs.length === 0 ? NaN : s / xs.length
}

/** The p-quantile of sorted values (linear interpolation, R type 7, as the indicator engine's intervals). */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const a = sorted[lo] ?? NaN
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? NaN
  return a + (h - lo) * (b - a)
}

/** The mean of a resample (with replacement) of `xs`. */
function resampledMean(xs: Float64Array, rng: Rng): number {
  let s = 0
  for (let i = 0; i < xs.length; i++) s += xs[Math.floor(rng() * xs.length)] ?? 0
  return s / xs.length
}

/**
 * Difference in differences of per-institution changes (post − pre): mean over the treated minus mean over the
 * comparison group, with a percentile interval from resampling institutions with replacement within each group
 * (the groups are drawn independently, as they were chosen independently). A pure kernel on typed arrays.
 * @example
 *   did(Float64Array.of(3, 5), Float64Array.of(1, 1), { rng: createRng(1) }) // did 3
 */
export function did(treated: Float64Array, comparison: Float64Array, options: DidOptions): DidEstimate {
  const treatedChange = mean(treated)
  const comparisonChange = mean(comparison)
  const estimate = treatedChange - comparisonChange
  if (treated.length === 0 || comparison.length === 0)
    return { treatedChange, comparisonChange, did: estimate, low: null, high: null }
  const resamples = options.resamples ?? 1000
  const alpha = (1 - (options.level ?? 0.95)) / 2
  const stats = new Float64Array(resamples)
  for (let r = 0; r < resamples; r++)
    stats[r] = resampledMean(treated, options.rng) - resampledMean(comparison, options.rng)
  stats.sort()
  return {
    treatedChange,
    comparisonChange,
    did: estimate,
    low: quantile(stats, alpha),
    high: quantile(stats, 1 - alpha),
  }
}

/** The least-squares slope of values over years (per year); `NaN` with fewer than two years. */
export function slope(years: Float64Array, values: Float64Array): number {
  const n = years.length
  if (n < 2) return NaN
  const mx = mean(years)
  const my = mean(values)
  let num = 0
  let den = 0
  for (let i = 0; i < n; i++) {
    const dx = (years[i] ?? 0) - mx
    num += dx * ((values[i] ?? 0) - my)
    den += dx * dx
  }
  return den === 0 ? NaN : num / den
}

/** Cosine similarity of two non-negative vectors; 0 when either is all zeros. */
export function cosine(a: Float64Array, b: Float64Array): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (let i = 0; i < a.length; i++) {
    dot += (a[i] ?? 0) * (b[i] ?? 0)
    na += (a[i] ?? 0) ** 2
    nb += (b[i] ?? 0) ** 2
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb)
}
