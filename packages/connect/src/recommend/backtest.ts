import { MeridianError } from '@meridian/model'
import { BASELINES, signalsOf, transform } from './features.js'
import { fitLogistic, logOdds, type LogisticModel } from './logistic.js'
import { auc, hitsAtK } from './metrics.js'
import { pairsAt, type BacktestTask, type PairSet, type PairOptions } from './pairs.js'
import type { YearlyNetworks } from './yearly.js'

/** Options of a backtest; only `trainEnd` and `horizon` are required. */
export interface BacktestOptions {
  /** The cut-off T: models see ties up to T and predict (T, T + horizon]. */
  readonly trainEnd: number
  /** H, in years. */
  readonly horizon: number
  /** Years of the recent window (momentum, recent partners). Default `horizon`. */
  readonly recentYears?: number
  /** Smallest summed strength that makes a tie. Default 1 (one co-authored work). */
  readonly minStrength?: number
  /** Length of each asker's list. Default 20. */
  readonly k?: number
  /** New ties (default) or strengthening ties: see `PairOptions.task`. */
  readonly task?: BacktestTask
  /** At most this many askers, a seeded sample. Default 400. */
  readonly maxAskers?: number
  /** At most this many pairs to fit on (all positives, a seeded sample of the rest). Default 200,000. */
  readonly maxTrainingPairs?: number
  /** Past cut-offs the weights are fitted on (T - H, T - H - 1, ...). Default 3. */
  readonly trainingPeriods?: number
  /** Default 1. */
  readonly seed?: number
}

/** Candidates per asker the weights are fitted on, besides its new ties (all of them below this). */
export const TRAINING_NEGATIVES_PER_ASKER = 1000

/** One model's scores on the held-out period. */
export interface BacktestRow {
  /** `meridian` (the combined, learned model) or a single baseline signal. */
  readonly model: string
  readonly auc: number
  /** Mean over askers with at least one new partner: new partners among the top 20, over 20. */
  readonly precisionAt20: number
  /** Mean over the same askers: new partners among the top 20, over all their new partners. */
  readonly recallAt20: number
}

/** A backtest: rows per model, and how it was run. */
export interface BacktestResult {
  readonly kind: 'backtest'
  readonly rows: readonly BacktestRow[]
  readonly method: BacktestMethod
  readonly model: LearnedModel
}

/** The combined model as learned: weights per signal on standardised inputs, and what it was fitted on. */
export interface LearnedModel {
  readonly trainedOn: {
    readonly cutoffs: readonly number[]
    readonly horizon: number
    readonly pairs: number
    readonly positives: number
  }
  readonly logistic: LogisticModel
  readonly weights: Readonly<Record<string, number>>
}

export interface BacktestMethod {
  readonly task: BacktestTask
  readonly source: string
  readonly level: string
  readonly trainEnd: number
  readonly horizon: number
  readonly predicted: string
  readonly fittedOn: string
  readonly tie: string
  readonly k: number
  readonly askers: number
  /** Askers with at least one positive (a new tie, or a strengthened one for `strengthening`). */
  readonly askersWithNewTies: number
  readonly pairs: number
  /** Positive pairs: new ties, or strengthened ties for `strengthening`. */
  readonly newTies: number
  readonly measures: string
}

interface Normalised {
  readonly trainEnd: number
  readonly horizon: number
  readonly k: number
  readonly maxTrainingPairs: number
  readonly periods: number
  readonly pairs: PairOptions
}

function normalise(series: YearlyNetworks, options: BacktestOptions): Normalised {
  const { trainEnd, horizon } = options
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new MeridianError('BAD_OPTION', `horizon must be a whole number of years >= 1, got ${horizon}`)
  const years = series.slices.map((s) => s.year)
  const first = years[0] ?? 0
  const last = years.at(-1) ?? 0
  if (!Number.isInteger(trainEnd) || trainEnd + horizon > last || trainEnd - horizon < first)
    throw new MeridianError(
      'BAD_OPTION',
      `train end ${trainEnd} with horizon ${horizon} needs years ${trainEnd - horizon}-${trainEnd + horizon}; the data has ${first}-${last}`,
    )
  const recentYears = options.recentYears ?? horizon
  return {
    trainEnd,
    horizon,
    k: options.k ?? 20,
    maxTrainingPairs: options.maxTrainingPairs ?? 200_000,
    periods: options.trainingPeriods ?? 3,
    pairs: {
      recentYears,
      minStrength: options.minStrength ?? 1,
      maxAskers: options.maxAskers ?? 400,
      seed: options.seed ?? 1,
      task: options.task ?? 'new-ties',
    },
  }
}

/** The model's inputs of every pair in a set. */
function inputs(set: PairSet): Float64Array {
  const d = set.width
  const x = new Float64Array(set.raw.length)
  const raw = new Float64Array(d)
  const row = new Float64Array(d)
  for (let r = 0; r < set.labels.length; r++) {
    raw.set(set.raw.subarray(r * d, r * d + d))
    transform(raw, row)
    x.set(row, r * d)
  }
  return x
}

/**
 * Learn the combined model's weights on the period before `end`: signals at `end - horizon`, labels the new
 * ties of (end - horizon, end]. Nothing of the period scored later is seen.
 */
export function learn(
  series: YearlyNetworks,
  end: number,
  horizon: number,
  options: PairOptions & { readonly maxTrainingPairs: number; readonly periods: number },
): LearnedModel {
  const names = signalsOf(series)
  const d = names.length
  const first = series.slices[0]?.year ?? end
  // Several past cut-offs, each labelled by the horizon after it, all ending by `end`: more pairs, steadier weights.
  const cutoffs: number[] = []
  for (let p = 0; p < options.periods; p++) {
    const cut = end - horizon - p
    if (cut - options.recentYears + 1 < first && p > 0) break
    cutoffs.push(cut)
  }
  const xsAll: Float64Array[] = []
  const ysAll: Uint8Array[] = []
  let positives = 0
  let total = 0
  const budget = Math.floor(options.maxTrainingPairs / cutoffs.length)
  for (const cut of cutoffs) {
    const set = pairsAt(series, cut, horizon, { ...options, negativesPerAsker: TRAINING_NEGATIVES_PER_ASKER })
    const x = inputs(set)
    const keep: number[] = []
    const negatives: number[] = []
    for (let r = 0; r < set.labels.length; r++) {
      if (!set.counted[r]) continue
      if (set.labels[r]) keep.push(r)
      else negatives.push(r)
    }
    const room = Math.max(0, budget - keep.length)
    let chosen = negatives
    if (negatives.length > room) {
      // A stride sample: the same pairs every run.
      const step = negatives.length / room
      chosen = Array.from({ length: room }, (_, i) => negatives[Math.floor(i * step)]!)
    }
    const rows = [...keep, ...chosen]
    const xs = new Float64Array(rows.length * d)
    const ys = new Uint8Array(rows.length)
    rows.forEach((r, i) => {
      xs.set(x.subarray(r * d, r * d + d), i * d)
      ys[i] = set.labels[r]!
    })
    xsAll.push(xs)
    ysAll.push(ys)
    positives += keep.length
    total += rows.length
  }
  if (positives === 0)
    throw new MeridianError(
      'BAD_OPTION',
      `no ${options.task === 'strengthening' ? 'strengthened' : 'new'} ties in ${end - horizon + 1}-${end} to learn from: choose a later train end or a longer horizon`,
    )
  const xs = new Float64Array(total * d)
  const ys = new Uint8Array(total)
  let at = 0
  xsAll.forEach((x, i) => {
    xs.set(x, at * d)
    ys.set(ysAll[i]!, at)
    at += ysAll[i]!.length
  })
  const logistic = fitLogistic(xs, ys, d)
  const weights: Record<string, number> = {}
  names.forEach((name, j) => (weights[name] = logistic.weights[j + 1]!))
  return {
    trainedOn: { cutoffs, horizon, pairs: total, positives },
    logistic,
    weights,
  }
}

/** The combined model's score of each pair in a set. */
export function modelScores(model: LearnedModel, set: PairSet): Float64Array {
  const d = set.width
  const x = inputs(set)
  const scores = new Float64Array(set.labels.length)
  for (let r = 0; r < scores.length; r++) scores[r] = logOdds(model.logistic, x.subarray(r * d, r * d + d))
  return scores
}

function evaluateScores(model: string, scores: Float64Array, set: PairSet, k: number): BacktestRow {
  const countedScores: number[] = []
  const countedLabels: number[] = []
  for (let r = 0; r < scores.length; r++)
    if (set.counted[r]) {
      countedScores.push(scores[r]!)
      countedLabels.push(set.labels[r]!)
    }
  let precision = 0
  let recall = 0
  let askers = 0
  for (let start = 0; start < scores.length;) {
    let stop = start
    while (stop < scores.length && set.asker[stop] === set.asker[start]) stop++
    let positives = 0
    for (let r = start; r < stop; r++) positives += set.labels[r]!
    if (positives > 0) {
      const hits = hitsAtK(scores.subarray(start, stop), set.labels.subarray(start, stop), k)
      precision += hits / k
      recall += hits / positives
      askers++
    }
    start = stop
  }
  return {
    model,
    auc: round(auc(Float64Array.from(countedScores), Uint8Array.from(countedLabels))),
    precisionAt20: round(askers ? precision / askers : Number.NaN),
    recallAt20: round(askers ? recall / askers : Number.NaN),
  }
}

const round = (x: number) => Math.round(x * 1e4) / 1e4

/**
 * Backtest partner recommendation on a series of yearly networks: learn the combined model on the period before
 * T, score every active pair not yet tied at T, and check the scores against the new ties of (T, T + H]; the same
 * for each single baseline, in one table.
 * @example
 *   backtest(yearlyFromPajek(files), { trainEnd: 2010, horizon: 5 }).rows
 *   // [{ model: 'meridian', auc: 0.9, precisionAt20: 0.2, recallAt20: 0.4 }, { model: 'commonNeighbours', ... }, ...]
 */
export function backtest(series: YearlyNetworks, options: BacktestOptions): BacktestResult {
  const o = normalise(series, options)
  const learned = learn(series, o.trainEnd, o.horizon, {
    ...o.pairs,
    maxTrainingPairs: o.maxTrainingPairs,
    periods: o.periods,
  })
  const set = pairsAt(series, o.trainEnd, o.horizon, o.pairs)
  const d = set.width
  const names = signalsOf(series)
  const rows = [evaluateScores('meridian', modelScores(learned, set), set, o.k)]
  for (const baseline of BASELINES) {
    const j = names.indexOf(baseline)
    const scores = new Float64Array(set.labels.length)
    for (let r = 0; r < scores.length; r++) scores[r] = set.raw[r * d + j]!
    rows.push(evaluateScores(baseline, scores, set, o.k))
  }
  let newTies = 0
  let pairs = 0
  for (let r = 0; r < set.labels.length; r++)
    if (set.counted[r]) {
      pairs++
      newTies += set.labels[r]!
    }
  const withNew = new Set<number>()
  for (let r = 0; r < set.labels.length; r++) if (set.labels[r]) withNew.add(set.asker[r]!)
  const first = series.slices[0]!.year
  return {
    kind: 'backtest',
    rows,
    model: learned,
    method: {
      task: o.pairs.task ?? 'new-ties',
      source: series.source,
      level: series.level,
      trainEnd: o.trainEnd,
      horizon: o.horizon,
      predicted:
        o.pairs.task === 'strengthening'
          ? `strengthening ties: pairs tied in ${first}-${o.trainEnd} whose joint works in ${o.trainEnd + 1}-${o.trainEnd + o.horizon} exceed those of ${o.trainEnd - o.horizon + 1}-${o.trainEnd}`
          : `new ties in ${o.trainEnd + 1}-${o.trainEnd + o.horizon} between units active by ${o.trainEnd} with no tie in ${first}-${o.trainEnd}`,
      fittedOn: `the combined model's weights were fitted (logistic regression, L2) on the ${o.pairs.task === 'strengthening' ? 'strengthened' : 'new'} ties of ${learned.trainedOn.cutoffs.map((c) => `${c + 1}-${c + o.horizon}`).join(', ')}, each from the signals up to the year before; nothing after ${o.trainEnd} was seen`,
      tie: `a pair with at least ${o.pairs.minStrength} co-authored work(s) summed over the window`,
      k: o.k,
      askers: set.askers.length,
      askersWithNewTies: withNew.size,
      pairs,
      newTies,
      measures: `AUC over all candidate pairs (ties half); precision and recall at ${o.k} per asker, averaged over askers with at least one new tie`,
    },
  }
}
