import type { Rng } from './rng.js'

/** A unit's sample: distinct (weight, value) pairs and how many works have each. */
export interface Sample {
  readonly weights: Float64Array
  readonly values: Float64Array
  readonly counts: Float64Array
}

/** Options of `bootstrap`. */
export interface BootstrapOptions {
  /** Resamples; default 1,000. */
  readonly resamples?: number
  /** Coverage of the interval; default 0.95. */
  readonly level?: number
  /** Largest sample resampled work by work; above it, the normal approximation. Default 2,000. */
  readonly exactUpTo?: number
  readonly rng: Rng
}

/** A stability interval and how it was obtained. */
export interface Interval {
  readonly low: number
  readonly high: number
  readonly method: 'bootstrap' | 'normal'
}

/** The weighted mean Σ n·w·x / Σ n·w of a sample. */
function weightedMean(s: Sample): number {
  let num = 0
  let den = 0
  for (let i = 0; i < s.weights.length; i++) {
    num += (s.counts[i] ?? 0) * (s.weights[i] ?? 0) * (s.values[i] ?? 0)
    den += (s.counts[i] ?? 0) * (s.weights[i] ?? 0)
  }
  return den === 0 ? NaN : num / den
}

/** The p-quantile of sorted values (linear interpolation, R type 7). */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const a = sorted[lo] ?? NaN
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? NaN
  return a + (h - lo) * (b - a)
}

/** The standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ]
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const poly = (k: number[], x: number) => k.reduce((acc, v) => acc * x + v, 0)
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p))
    return poly(c, q) / (poly(d, q) * q + 1)
  }
  if (p > 1 - 0.02425) return -normalQuantile(1 - p)
  const q = p - 0.5
  const r = q * q
  return (poly(a, r) * q) / (poly(b, r) * r + 1)
}

/**
 * A stability interval for the weighted mean of a unit's works: resample the works with replacement
 * (`resamples` times, percentile interval), or for samples above `exactUpTo` works, the normal approximation
 * the bootstrap distribution converges to (delta method for a ratio of means).
 * @example
 *   bootstrap({ weights, values, counts }, { rng: createRng(1) }) // { low, high, method: 'bootstrap' }
 */
export function bootstrap(sample: Sample, options: BootstrapOptions): Interval | null {
  const n = sample.counts.reduce((s, c) => s + c, 0)
  if (n === 0) return null
  const level = options.level ?? 0.95
  const alpha = (1 - level) / 2
  if (n > (options.exactUpTo ?? 2000)) return normalInterval(sample, n, alpha)
  const w = new Float64Array(n)
  const x = new Float64Array(n)
  let k = 0
  for (let i = 0; i < sample.counts.length; i++)
    for (let j = 0; j < (sample.counts[i] ?? 0); j++, k++) {
      w[k] = sample.weights[i] ?? 0
      x[k] = sample.values[i] ?? 0
    }
  const resamples = options.resamples ?? 1000
  const stats = new Float64Array(resamples)
  let kept = 0
  for (let r = 0; r < resamples; r++) {
    let num = 0
    let den = 0
    for (let i = 0; i < n; i++) {
      const pick = Math.floor(options.rng() * n)
      num += (w[pick] ?? 0) * (x[pick] ?? 0)
      den += w[pick] ?? 0
    }
    if (den > 0) stats[kept++] = num / den
  }
  if (kept === 0) return null
  const sorted = stats.subarray(0, kept).sort()
  return { low: quantile(sorted, alpha), high: quantile(sorted, 1 - alpha), method: 'bootstrap' }
}

function normalInterval(s: Sample, n: number, alpha: number): Interval | null {
  const mean = weightedMean(s)
  if (!Number.isFinite(mean)) return null
  let sumW = 0
  let variance = 0
  for (let i = 0; i < s.weights.length; i++) sumW += (s.counts[i] ?? 0) * (s.weights[i] ?? 0)
  const meanW = sumW / n
  for (let i = 0; i < s.weights.length; i++) {
    const residual = (s.weights[i] ?? 0) * ((s.values[i] ?? 0) - mean)
    variance += (s.counts[i] ?? 0) * residual * residual
  }
  const se = Math.sqrt(variance / (n - 1) / n) / meanW
  const z = normalQuantile(1 - alpha)
  return { low: mean - z * se, high: mean + z * se, method: 'normal' }
}
