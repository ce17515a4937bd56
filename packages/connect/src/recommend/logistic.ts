/** A fitted logistic model on standardised inputs. */
export interface LogisticModel {
  readonly kind: 'logistic'
  readonly mean: Float64Array
  readonly scale: Float64Array
  /** Intercept first, then one weight per input. */
  readonly weights: Float64Array
  readonly iterations: number
  readonly examples: number
  readonly positives: number
}

/** Fit options; defaults suit a few signals and up to some hundred thousand pairs. */
export interface FitOptions {
  /** L2 penalty on the weights (not the intercept), per example. Default 1e-4. */
  readonly l2?: number
  /** Newton steps at most. Default 25. */
  readonly maxIterations?: number
}

/**
 * Fit a logistic regression by Newton's method (iteratively reweighted least squares) with an L2 penalty:
 * `x` holds `rows` examples of `d` inputs, row-major; `y` their 0/1 labels.
 */
export function fitLogistic(
  x: Float64Array,
  y: Uint8Array,
  d: number,
  options: FitOptions = {},
): LogisticModel {
  const rows = y.length
  const l2 = (options.l2 ?? 1e-4) * rows
  const maxIterations = options.maxIterations ?? 25
  const mean = new Float64Array(d)
  const scale = new Float64Array(d)
  for (let r = 0; r < rows; r++) for (let j = 0; j < d; j++) mean[j]! += x[r * d + j]! / rows
  for (let r = 0; r < rows; r++)
    for (let j = 0; j < d; j++) scale[j]! += (x[r * d + j]! - mean[j]!) ** 2 / rows
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1
  const p = d + 1
  const w = new Float64Array(p)
  const z = new Float64Array(p)
  let positives = 0
  for (let r = 0; r < rows; r++) positives += y[r]!
  w[0] = Math.log((positives + 0.5) / (rows - positives + 0.5))
  let iterations = 0
  for (; iterations < maxIterations; iterations++) {
    const grad = new Float64Array(p)
    const hess = new Float64Array(p * p)
    for (let r = 0; r < rows; r++) {
      z[0] = 1
      for (let j = 0; j < d; j++) z[j + 1] = (x[r * d + j]! - mean[j]!) / scale[j]!
      let t = 0
      for (let j = 0; j < p; j++) t += w[j]! * z[j]!
      const mu = 1 / (1 + Math.exp(-t))
      const g = y[r]! - mu
      const h = Math.max(mu * (1 - mu), 1e-12)
      for (let j = 0; j < p; j++) {
        grad[j]! += g * z[j]!
        for (let k = 0; k <= j; k++) hess[j * p + k]! += h * z[j]! * z[k]!
      }
    }
    for (let j = 1; j < p; j++) {
      grad[j]! -= l2 * w[j]!
      hess[j * p + j]! += l2
    }
    for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) hess[k * p + j] = hess[j * p + k]!
    const step = solve(hess, grad, p)
    let size = 0
    for (let j = 0; j < p; j++) {
      w[j]! += step[j]!
      size = Math.max(size, Math.abs(step[j]!))
    }
    if (size < 1e-8) {
      iterations++
      break
    }
  }
  return Object.freeze({ kind: 'logistic', mean, scale, weights: w, iterations, examples: rows, positives })
}

/** The model's linear score (log-odds) of one input row. */
export function logOdds(model: LogisticModel, row: Float64Array): number {
  let t = model.weights[0]!
  for (let j = 0; j < model.mean.length; j++)
    t += (model.weights[j + 1]! * (row[j]! - model.mean[j]!)) / model.scale[j]!
  return t
}

/** Each input's share of the log-odds above the average pair: weight x standardised value. */
export function contributions(model: LogisticModel, row: Float64Array): Float64Array {
  const out = new Float64Array(model.mean.length)
  for (let j = 0; j < out.length; j++)
    out[j] = (model.weights[j + 1]! * (row[j]! - model.mean[j]!)) / model.scale[j]!
  return out
}

/** Solve the symmetric positive-definite system a x = b (Gaussian elimination with partial pivoting). */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const m = Float64Array.from(a)
  const x = Float64Array.from(b)
  for (let c = 0; c < n; c++) {
    let pivot = c
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]!) > Math.abs(m[pivot * n + c]!)) pivot = r
    if (pivot !== c) {
      for (let k = 0; k < n; k++) {
        const t = m[c * n + k]!
        m[c * n + k] = m[pivot * n + k]!
        m[pivot * n + k] = t
      }
      const t = x[c]!
      x[c] = x[pivot]!
      x[pivot] = t
    }
    const diag = m[c * n + c]! || 1e-12
    for (let r = c + 1; r < n; r++) {
      const f = m[r * n + c]! / diag
      if (f === 0) continue
      for (let k = c; k < n; k++) m[r * n + k]! -= f * m[c * n + k]!
      x[r]! -= f * x[c]!
    }
  }
  for (let c = n - 1; c >= 0; c--) {
    let s = x[c]!
    for (let k = c + 1; k < n; k++) s -= m[c * n + k]! * x[k]!
    x[c] = s / (m[c * n + c]! || 1e-12)
  }
  return x
}
