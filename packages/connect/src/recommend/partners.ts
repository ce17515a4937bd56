import { closestName, MeridianError } from '@meridian/model'
import { backtest, learn, type BacktestRow, type LearnedModel } from './backtest.js'
import { askerSignals, scratch, signalsOf, snapshot, transform, type Snapshot } from './features.js'
import { logOdds, contributions } from './logistic.js'
import { backtestLine, reasonText, type Reason, type ReasonLanguage } from './reasons.js'
import { tieStrength, windowOf } from './window.js'
import type { YearlyNetworks } from './yearly.js'

/** What an institution is, for the country and type constraints. */
export interface UnitInfo {
  readonly country: string | null
  readonly type: string | null
}

/** A request for partners; only `unit` is required. */
export interface PartnerOptions {
  /** The asker: an ISO code or country name, an institution key or ROR id, an author key or ORCID. */
  readonly unit: string
  /** Years ahead a suggestion is about, and the length of each learning period. Default 3. */
  readonly horizon?: number
  /** Suggestions returned. Default 20. */
  readonly limit?: number
  /** Only partners in these countries (ISO codes; country and institution level). */
  readonly countries?: readonly string[] | null
  /** Only institutions of these types (institution level). */
  readonly types?: readonly string[] | null
  /** Only partners with works in this field. */
  readonly field?: string | null
  /** Default `en`. */
  readonly lang?: ReasonLanguage
  /** Country and type of each institution, for the constraints. */
  readonly unitInfo?: ReadonlyMap<string, UnitInfo>
}

/** One suggested partner. */
export interface PartnerRow {
  readonly partner: string
  readonly label: string
  /** The model's chance of a first tie within the horizon, 0-1. */
  readonly score: number
  readonly reasons: readonly Reason[]
}

/** Suggestions for one unit, with the backtest of the same model published beside them. */
export interface PartnerRecommendation {
  readonly kind: 'partner-recommendation'
  readonly unit: { readonly id: string; readonly label: string }
  readonly rows: readonly PartnerRow[]
  /** Candidates that met the constraints (all ranked; `rows` is the top of them). */
  readonly candidates: number
  readonly backtest: {
    /** Of the unit's top-20 last period, how many became partners (null when it had no works then). */
    readonly hits: number | null
    readonly k: number
    readonly from: number
    readonly to: number
    readonly text: string
    /** The whole level's backtest at the same cut-off. */
    readonly rows: readonly BacktestRow[]
  }
  readonly method: {
    readonly source: string
    readonly level: string
    readonly period: string
    readonly horizon: number
    readonly candidates: string
    readonly score: string
    readonly weights: Readonly<Record<string, number>>
  }
}

const K = 20
/** Askers of the level-wide backtest returned beside suggestions (a seeded sample on large networks). */
const BACKTEST_ASKERS = 60

function resolveUnit(series: YearlyNetworks, unit: string): number {
  const wanted = unit.trim().toLowerCase()
  const bare = wanted.replace(/^https?:\/\/(orcid\.org|ror\.org)\//, '')
  let i = series.ids.findIndex((id) => {
    const lower = id.toLowerCase()
    return lower === wanted || lower === bare || lower === `orcid:${bare}` || lower.endsWith(`/${bare}`)
  })
  if (i < 0) i = series.labels.findIndex((label) => label.toLowerCase() === wanted)
  if (i < 0) {
    const near = closestName(unit, [...series.labels, ...series.ids])
    throw new MeridianError(
      'NOT_FOUND',
      `no ${series.level} "${unit}" in ${series.source}${near ? ` (did you mean "${near}"?)` : ''}`,
    )
  }
  return i
}

function eligible(series: YearlyNetworks, snap: Snapshot, options: PartnerOptions): (v: number) => boolean {
  const countries = options.countries?.map((c) => c.toUpperCase()) ?? null
  const types = options.types?.map((t) => t.toLowerCase()) ?? null
  const fieldIndex = options.field ? (series.topics?.fields.indexOf(options.field) ?? -1) : null
  if (fieldIndex === -1)
    throw new MeridianError('NOT_FOUND', `no field "${options.field}" in ${series.source}`)
  if (countries && series.level === 'author')
    throw new MeridianError('BAD_OPTION', 'partner countries apply to the country and institution levels')
  if (types && series.level !== 'institution')
    throw new MeridianError('BAD_OPTION', 'partner types apply to the institution level')
  return (v) => {
    const id = series.ids[v]!
    if (countries) {
      const country = series.level === 'country' ? id : (options.unitInfo?.get(id)?.country ?? null)
      if (!country || !countries.includes(country.toUpperCase())) return false
    }
    if (types) {
      const type = options.unitInfo?.get(id)?.type ?? null
      if (!type || !types.includes(type.toLowerCase())) return false
    }
    if (fieldIndex !== null && snap.topics) {
      const t = snap.topics
      let found = false
      for (let a = t.offsets[v]!; a < t.offsets[v + 1]!; a++) if (t.fields[a] === fieldIndex) found = true
      if (!found) return false
    }
    return true
  }
}

interface Ranked {
  readonly v: number
  readonly logOdds: number
  readonly raw: Float64Array
  readonly input: Float64Array
}

function rank(
  series: YearlyNetworks,
  snap: Snapshot,
  model: LearnedModel,
  u: number,
  keep: (v: number) => boolean,
) {
  const d = signalsOf(series).length
  const s = scratch(series.ids.length, series.topics?.fields.length ?? 0)
  const signals = askerSignals(snap, s, u)
  const out: Ranked[] = []
  for (let v = 0; v < series.ids.length; v++) {
    if (v === u || !snap.active[v] || tieStrength(snap.all, u, v) > 0 || !keep(v)) continue
    const raw = new Float64Array(d)
    const input = new Float64Array(d)
    signals(v, raw)
    transform(raw, input)
    out.push({ v, logOdds: logOdds(model.logistic, input), raw, input })
  }
  return out.sort((a, b) => b.logOdds - a.logOdds || a.v - b.v)
}

/** The reasons of one suggestion, the strongest contributions to its score first. */
function reasons(
  series: YearlyNetworks,
  snap: Snapshot,
  model: LearnedModel,
  u: number,
  r: Ranked,
  lang: ReasonLanguage,
): Reason[] {
  const names = signalsOf(series)
  const c = contributions(model.logistic, r.input)
  const { all, recent, previous } = snap
  const v = r.v
  const at = (name: string) => names.indexOf(name)
  const byKind = new Map<Reason['kind'], { weight: number; figures: Record<string, number | string> }>()
  const put = (kind: Reason['kind'], weight: number, figures: Record<string, number | string>) => {
    const previousWeight = byKind.get(kind)?.weight ?? -Infinity
    byKind.set(kind, { weight: Math.max(weight, previousWeight), figures })
  }
  const cn = r.raw[at('commonNeighbours')]!
  if (cn > 0) {
    const shared: { w: number; strength: number }[] = []
    for (let a = all.offsets[v]!; a < all.offsets[v + 1]!; a++) {
      const w = all.neighbors[a]!
      const mine = tieStrength(all, u, w)
      if (mine > 0) shared.push({ w, strength: Math.min(mine, all.strength[a]!) })
    }
    shared.sort((x, y) => y.strength - x.strength || x.w - y.w)
    const weight = ['commonNeighbours', 'adamicAdar', 'resourceAllocation', 'jaccard', 'katz']
      .map((name) => c[at(name)]!)
      .reduce((x, y) => x + y, 0)
    put('shared-partners', weight, {
      count: cn,
      examples: shared
        .slice(0, 3)
        .map((x) => series.labels[x.w]!)
        .join('\u0000'),
    })
  }
  const rcn = r.raw[at('recentCommonNeighbours')]!
  if (rcn > 0)
    put('recent-shared-partners', c[at('recentCommonNeighbours')]!, {
      count: rcn,
      from: recent.from,
      to: recent.to,
    })
  put('output', c[at('output')]! + c[at('smallerOutput')]!, {
    works: all.output[v]!,
    from: all.from,
    to: all.to,
  })
  const before = previous.output[v]!
  const after = recent.output[v]!
  if (before > 0 && after > before)
    put('momentum', c[at('momentum')]!, {
      growth: after / before - 1,
      years: recent.to - recent.from + 1,
      before,
      after,
    })
  if (recent.degree[v]! > 0)
    put('recent-partners', c[at('recentPartners')]! + c[at('smallerDegree')]!, {
      partners: recent.degree[v]!,
      from: recent.from,
      to: recent.to,
    })
  const t = snap.topics
  if (t && series.topics) {
    const mine = new Map<number, number>()
    for (let a = t.offsets[u]!; a < t.offsets[u + 1]!; a++) mine.set(t.fields[a]!, t.shares[a]!)
    let top = -1
    let topProduct = 0
    let weak = -1
    let weakShare = 0
    for (let a = t.offsets[v]!; a < t.offsets[v + 1]!; a++) {
      const f = t.fields[a]!
      const product = (mine.get(f) ?? 0) * t.shares[a]!
      if (product > topProduct) [top, topProduct] = [f, product]
      if ((mine.get(f) ?? 0) < 0.5 * t.overall[f]! && t.shares[a]! > weakShare)
        [weak, weakShare] = [f, t.shares[a]!]
    }
    const cosine = r.raw[at('topicSimilarity')]!
    if (top >= 0 && cosine > 0)
      put('topic-overlap', c[at('topicSimilarity')]!, { cosine, field: series.topics.fields[top]! })
    const complement = r.raw[at('complementarity')]!
    if (weak >= 0 && complement > 0)
      put('complementarity', c[at('complementarity')]!, {
        share: complement,
        field: series.topics.fields[weak]!,
      })
  }
  const ordered = [...byKind.entries()].sort((x, y) => y[1].weight - x[1].weight)
  const positive = ordered.filter(([, x]) => x.weight > 0)
  return (positive.length > 0 ? positive : ordered.slice(0, 1))
    .slice(0, 4)
    .map(([kind, x]) => ({ kind, text: reasonText(kind, x.figures, lang), figures: x.figures }))
}

/** What a recommendation needs that does not depend on the asker: the learned models and both snapshots. */
interface LevelWork {
  readonly model: LearnedModel
  readonly snap: Snapshot
  readonly past: { readonly rows: readonly BacktestRow[]; readonly model: LearnedModel }
  readonly pastSnap: Snapshot
}

/** Level work per series and horizon, kept while the series lives (a server keeps one series per data version). */
const levelWorks = new WeakMap<YearlyNetworks, Map<number, LevelWork>>()

function levelWork(
  series: YearlyNetworks,
  end: number,
  horizon: number,
  pairOptions: Parameters<typeof learn>[3],
): LevelWork {
  let byHorizon = levelWorks.get(series)
  if (!byHorizon) levelWorks.set(series, (byHorizon = new Map()))
  const known = byHorizon.get(horizon)
  if (known) return known
  const cut = end - horizon
  const work: LevelWork = {
    model: learn(series, end, horizon, pairOptions),
    snap: snapshot(series, end, horizon),
    // The same question one horizon ago, answered by a model that saw nothing after then.
    past: backtest(series, { trainEnd: cut, horizon, maxAskers: BACKTEST_ASKERS }),
    pastSnap: snapshot(series, cut, horizon),
  }
  byHorizon.set(horizon, work)
  return work
}

/**
 * Suggest new partners for one unit: a model learned on the series' past periods scores every active unit it
 * has no tie with yet; each suggestion says why in words with the numbers behind them, and the same model's
 * backtest one horizon earlier is returned beside them.
 * @example
 *   recommendPartners(await yearlyFromStore(store.runner, { level: 'country' }), { unit: 'CN' }).rows[0]
 *   // { partner: 'BR', label: 'Brazil', score: 0.41, reasons: [{ kind: 'shared-partners', text: '14 shared partners, e.g. …' }, …] }
 */
export function recommendPartners(series: YearlyNetworks, options: PartnerOptions): PartnerRecommendation {
  const horizon = options.horizon ?? 3
  const limit = options.limit ?? 20
  const lang = options.lang ?? 'en'
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new MeridianError('BAD_OPTION', `horizon must be a whole number of years >= 1, got ${horizon}`)
  if (!Number.isInteger(limit) || limit < 1)
    throw new MeridianError('BAD_OPTION', `limit must be a whole number >= 1, got ${limit}`)
  const u = resolveUnit(series, options.unit)
  const years = series.slices.map((s) => s.year)
  const first = years[0]!
  const end = years.at(-1)!
  if (end - 2 * horizon - 1 < first)
    throw new MeridianError(
      'BAD_OPTION',
      `the data covers ${first}-${end}: learning and backtesting a ${horizon}-year horizon needs at least ${2 * horizon + 2} years`,
    )
  const pairOptions = {
    recentYears: horizon,
    minStrength: 1,
    maxAskers: 150,
    seed: 1,
    maxTrainingPairs: 200_000,
    periods: 3,
  }
  const { model, snap, past, pastSnap } = levelWork(series, end, horizon, pairOptions)
  const keep = eligible(series, snap, options)
  const ranked = rank(series, snap, model, u, keep)
  const rows = ranked.slice(0, limit).map((r) => ({
    partner: series.ids[r.v]!,
    label: series.labels[r.v]!,
    score: Math.round(1e4 / (1 + Math.exp(-r.logOdds))) / 1e4,
    reasons: reasons(series, snap, model, u, r, lang),
  }))
  // Did last period's suggestions (from the model that saw nothing after the cut) come true?
  const cut = end - horizon
  const future = windowOf(series, cut + 1, end)
  let hits: number | null = null
  if (pastSnap.active[u]) {
    const pastRanked = rank(series, pastSnap, past.model, u, eligible(series, pastSnap, options))
    hits = pastRanked.slice(0, K).filter((r) => tieStrength(future, u, r.v) > 0).length
  }
  const window = { hits: hits ?? 0, k: K, from: cut + 1, to: end }
  return {
    kind: 'partner-recommendation',
    unit: { id: series.ids[u]!, label: series.labels[u]! },
    rows,
    candidates: ranked.length,
    backtest: {
      hits,
      k: K,
      from: cut + 1,
      to: end,
      text:
        hits === null
          ? lang === 'zh'
            ? `${cut} 年前该单位尚无作品，无法回测`
            : `not backtested: no works by ${cut}.`
          : backtestLine(window, lang),
      rows: past.rows,
    },
    method: {
      source: series.source,
      level: series.level,
      period: `ties up to ${end}; suggestions are about ${end + 1}-${end + horizon}`,
      horizon,
      candidates: 'active units with no tie to the asker yet (existing partners are not suggested)',
      score: `logistic regression on ${signalsOf(series).length} signals, weights fitted on the new ties of ${model.trainedOn.cutoffs.map((c) => `${c + 1}-${c + horizon}`).join(', ')}`,
      weights: Object.fromEntries(
        Object.entries(model.weights).map(([k, w]) => [k, Math.round(w * 1e3) / 1e3]),
      ),
    },
  }
}
