import type { Rng } from './rng.js'

/** A uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n)
}

/** Cumulative weights, ready for {@link pickWeighted}. */
export function cumulative(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length)
  let sum = 0
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i] ?? 0
    out[i] = sum
  }
  return out
}

/** An index drawn with probability proportional to its weight (binary search on cumulative weights). */
export function pickWeighted(rng: Rng, cum: Float64Array): number {
  const target = rng() * cum[cum.length - 1]!
  let lo = 0
  let hi = cum.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (cum[mid]! > target) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** A standard normal draw (Box-Muller; one of the pair is dropped to keep the generator stateless). */
export function normal(rng: Rng): number {
  const u = 1 - rng()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng())
}

/** The number of failures before the first success, success having probability `p`. */
export function geometric(rng: Rng, p: number): number {
  return Math.floor(Math.log(1 - rng()) / Math.log(1 - p))
}

/** An integer in [lo, hi] drawn log-uniformly, so small values are as likely per decade as large ones. */
export function logUniformInt(rng: Rng, lo: number, hi: number): number {
  return Math.min(hi, Math.floor(Math.exp(Math.log(lo) + rng() * (Math.log(hi + 1) - Math.log(lo)))))
}
