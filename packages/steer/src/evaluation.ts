import {
  createRng,
  evaluate,
  indicator,
  parseYears,
  sql,
  type Coverage,
  type IndicatorRow,
  type Method,
  type SqlRunner,
  type YearRange,
} from '@meridian/indicators'
import { MeridianError, toRorId } from '@meridian/model'
import type { Actor } from '@meridian/state'
import type { SteerContext } from './context.js'
import { did, slope } from './did.js'
import type { KpiSource } from './kpis.js'
import { MATCH_DISTANCE, matchComparison, type MatchProfile } from './matching.js'
import { getProgramme } from './programmes.js'

/** Options of an evaluation, as a caller writes them. */
export interface EvaluationInput {
  /** The pre-period (`2015-2018`). Default: the four years before the programme's start (else 2015-2018). */
  readonly pre?: string
  /** The post-period (`2019-2022`). Default: the programme's first four years (else 2019-2022). */
  readonly post?: string
  /** Indicator ids whose `value` is compared. Default `output`, `international-share`. */
  readonly indicators?: readonly string[]
  /** The comparison group's ROR ids; default: matched automatically. */
  readonly comparison?: readonly string[]
  /** Matched institutions per participant. Default 3. */
  readonly k?: number
  /** Bootstrap resamples. Default 1,000. */
  readonly resamples?: number
  /** Bootstrap seed. Default 1. */
  readonly seed?: number
}

/** The assumptions a difference in differences rests on; the report states each. */
export const ASSUMPTIONS = Object.freeze({
  'parallel-trends':
    'Parallel trends: without the programme, participants and the comparison group would have changed alike; the pre-period trend difference below is the evidence for or against it.',
  'no-spillover':
    'No spill-over: the programme does not change the comparison institutions (co-publications with participants would bias the difference towards zero).',
  composition:
    'Stable composition: the same institutions are measured in both periods; an institution with no value in a period is left out of that indicator (except output, where it counts as 0).',
  'institution-weights':
    'Every institution weighs the same in a group mean, whatever its size; the interval comes from resampling institutions, not works.',
} as const)
export type AssumptionKey = keyof typeof ASSUMPTIONS

/** One group's figures for one indicator. */
export interface GroupFigures {
  /** Institutions with a value in both periods. */
  readonly n: number
  readonly pre: number | null
  readonly post: number | null
  readonly change: number | null
  /** Mean least-squares slope per year over the pre-period. */
  readonly preTrend: number | null
}

/** One indicator's difference in differences. */
export interface IndicatorEvaluation {
  readonly indicator: string
  readonly title: string
  readonly treated: GroupFigures
  readonly comparison: GroupFigures
  readonly did: number | null
  readonly interval: { readonly low: number | null; readonly high: number | null; readonly level: 0.95 }
  /** Treated minus comparison pre-period trend: near 0 supports parallel trends. */
  readonly preTrendDifference: number | null
  /** Group means per year, for the chart. */
  readonly series: readonly {
    readonly year: number
    readonly treated: number | null
    readonly comparison: number | null
  }[]
  readonly method: Method
  readonly coverage: Coverage
}

/** An institution in the evaluation. */
export interface EvaluatedInstitution {
  readonly institution: string
  readonly name: string | null
  /** Whether the store has any work of it in the two periods. */
  readonly inData: boolean
  /** Matched comparison institutions: the distance to the nearest participant, and which. */
  readonly distance?: number
  readonly nearest?: string
}

/** A programme's evaluation: participants against a comparison group, one DiD per indicator. */
export interface Evaluation {
  readonly programmeId: number
  readonly pre: YearRange
  readonly post: YearRange
  readonly participants: readonly EvaluatedInstitution[]
  readonly comparison: {
    readonly mode: 'given' | 'matched'
    readonly k: number | null
    readonly distance: string | null
    readonly institutions: readonly EvaluatedInstitution[]
  }
  readonly indicators: readonly IndicatorEvaluation[]
  readonly bootstrap: { readonly resamples: number; readonly seed: number; readonly unit: 'institution' }
  readonly assumptions: readonly { readonly key: AssumptionKey; readonly text: string }[]
  readonly dataVersion: unknown
}

const DEFAULT_INDICATORS = ['output', 'international-share'] as const
const bad = (message: string) => new MeridianError('BAD_OPTION', `evaluation: ${message}`)
const finite = (x: number): number | null => (Number.isFinite(x) ? Number(x.toPrecision(12)) : null)

function span(startDate: string | null): { pre: string; post: string } {
  const start = startDate ? Number(startDate.slice(0, 4)) : NaN
  if (!Number.isInteger(start)) return { pre: '2015-2018', post: '2019-2022' }
  return { pre: `${start - 4}-${start - 1}`, post: `${start}-${start + 3}` }
}

/** Check and complete the options once, at the entry. */
function normalize(input: EvaluationInput, startDate: string | null) {
  const defaults = span(startDate)
  const pre = parseYears(input.pre ?? defaults.pre)
  const post = parseYears(input.post ?? defaults.post)
  if (pre.to >= post.from) throw bad(`pre-period ${pre.from}-${pre.to} must end before ${post.from}`)
  const indicators = [...new Set(input.indicators ?? DEFAULT_INDICATORS)]
  if (indicators.length === 0) throw bad('give at least one indicator')
  for (const id of indicators)
    if (!indicator(id).columns.includes('value')) throw bad(`indicator "${id}" has no value column`)
  const comparison = input.comparison?.map((r) => {
    const id = toRorId(r)
    if (!id) throw bad(`comparison "${r}" is not a ROR id`)
    return id as string
  })
  const k = input.k ?? 3
  const resamples = input.resamples ?? 1000
  if (!Number.isInteger(k) || k < 1 || k > 50) throw bad(`k "${k}" must be a whole number from 1 to 50`)
  if (!Number.isInteger(resamples) || resamples < 100 || resamples > 100_000)
    throw bad(`resamples "${resamples}" must be a whole number from 100 to 100000`)
  return { pre, post, indicators, comparison, k, resamples, seed: input.seed ?? 1 }
}

const years = (r: YearRange) => `${r.from}-${r.to}`
const range = (r: YearRange) => Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i)

/** Values per institution (and per year, when `byYear`) of an indicator, from the indicator engine. */
async function perInstitution(runner: SqlRunner, id: string, period: YearRange, byYear: boolean) {
  const result = await evaluate(runner, indicator(id), {
    level: 'institution',
    years: years(period),
    byYear,
    intervals: false,
  })
  const values = new Map<string, number>()
  const names = new Map<string, string>()
  for (const row of result.rows as readonly IndicatorRow[]) {
    const key = String(row.institution)
    if (typeof row.name === 'string') names.set(key, row.name)
    if (typeof row.value === 'number') values.set(byYear ? `${key}|${String(row.year)}` : key, row.value)
  }
  return { values, names, method: result.method, coverage: result.coverage }
}

/** Works per institution and primary field over a period: the field mix matched on (a store read, not an indicator). */
async function fieldMix(runner: SqlRunner, period: YearRange) {
  const rows = await runner.all(
    sql`SELECT i.institution_key AS institution, f.primary_field AS field, count(*) AS n
      FROM work_institutions i JOIN work_facts f ON f.work_id = i.work_id AND f.policy = ${'iso'}
      WHERE i.year BETWEEN ${period.from} AND ${period.to} AND f.primary_field IS NOT NULL
      GROUP BY i.institution_key, f.primary_field`,
  )
  const fields = [...new Set(rows.map((r) => String(r.field)))].sort()
  const mix = new Map<string, Float64Array>()
  for (const r of rows) {
    const key = String(r.institution)
    let v = mix.get(key)
    if (!v) mix.set(key, (v = new Float64Array(fields.length)))
    v[fields.indexOf(String(r.field))] = Number(r.n)
  }
  return { mix, width: fields.length }
}

function profiles(
  output: Map<string, number>,
  mix: { mix: Map<string, Float64Array>; width: number },
  pre: YearRange,
): Map<string, MatchProfile> {
  const ys = range(pre)
  const institutions = new Set([...output.keys()].map((k) => k.slice(0, k.lastIndexOf('|'))))
  const out = new Map<string, MatchProfile>()
  for (const institution of institutions) {
    const series = Float64Array.from(ys, (y) => output.get(`${institution}|${y}`) ?? 0)
    const total = series.reduce((s, x) => s + x, 0)
    out.set(institution, {
      institution,
      fields: mix.mix.get(institution) ?? new Float64Array(mix.width),
      size: Math.log1p(total),
      trend: slope(Float64Array.from(ys), series) / Math.max(total / ys.length, 1),
    })
  }
  return out
}

/**
 * Evaluate a programme (everyone signed in): its participants are its responsible entities with ROR ids; the
 * comparison group is given or matched on field mix, size and pre-period trend; for each indicator, the
 * engine's per-institution values in the two periods give a difference in differences with a bootstrap
 * interval (institutions resampled, seeded), the pre-period trend difference and the assumptions.
 */
export async function evaluateProgramme(
  context: SteerContext,
  actor: Actor,
  programmeId: number,
  source: KpiSource,
  input: EvaluationInput = {},
): Promise<Evaluation> {
  const programme = await getProgramme(context, actor, programmeId)
  const o = normalize(input, programme.startDate)
  const whole = { from: o.pre.from, to: o.post.to }
  const participantIds = [...new Set(programme.entities.flatMap((e) => (e.rorId ? [e.rorId] : [])))].sort()
  if (o.comparison?.some((c) => participantIds.includes(c)))
    throw bad('a participant cannot be in its own comparison group')
  const preOutput = await perInstitution(source.runner, 'output', o.pre, true)
  const all = await perInstitution(source.runner, 'output', whole, false)
  const names = new Map([...preOutput.names, ...all.names])
  const named = (institution: string): EvaluatedInstitution => ({
    institution,
    name: names.get(institution) ?? programme.entities.find((e) => e.rorId === institution)?.name ?? null,
    inData: all.values.has(institution),
  })
  let comparisonIds: string[]
  let matched: Map<string, { distance: number; nearest: string }> | null = null
  if (o.comparison) comparisonIds = [...new Set(o.comparison)].sort()
  else {
    const mix = await fieldMix(source.runner, o.pre)
    const profile = profiles(preOutput.values, mix, o.pre)
    const treated = participantIds.flatMap((id) => profile.get(id) ?? [])
    const candidates = [...profile.values()].filter((p) => !participantIds.includes(p.institution))
    const chosen = matchComparison(treated, candidates, o.k)
    matched = new Map(chosen.map((m) => [m.institution, m]))
    comparisonIds = chosen.map((m) => m.institution)
  }
  const rng = createRng(o.seed)
  const indicators: IndicatorEvaluation[] = []
  for (const id of o.indicators)
    indicators.push(await evaluateIndicator(source.runner, id, o, participantIds, comparisonIds, rng))
  return {
    programmeId,
    pre: o.pre,
    post: o.post,
    participants: participantIds.map(named),
    comparison: {
      mode: matched ? 'matched' : 'given',
      k: matched ? o.k : null,
      distance: matched ? MATCH_DISTANCE : null,
      institutions: comparisonIds.map((id) => {
        const m = matched?.get(id)
        return m ? { ...named(id), distance: finite(m.distance) ?? 0, nearest: m.nearest } : named(id)
      }),
    },
    indicators,
    bootstrap: { resamples: o.resamples, seed: o.seed, unit: 'institution' },
    assumptions: (Object.keys(ASSUMPTIONS) as AssumptionKey[]).map((key) => ({
      key,
      text: ASSUMPTIONS[key],
    })),
    dataVersion: source.dataVersion,
  }
}

async function evaluateIndicator(
  runner: SqlRunner,
  id: string,
  o: ReturnType<typeof normalize>,
  treatedIds: readonly string[],
  comparisonIds: readonly string[],
  rng: ReturnType<typeof createRng>,
): Promise<IndicatorEvaluation> {
  const whole = { from: o.pre.from, to: o.post.to }
  const [pre, post, yearly] = await Promise.all([
    perInstitution(runner, id, o.pre, false),
    perInstitution(runner, id, o.post, false),
    perInstitution(runner, id, whole, true),
  ])
  // Output is a count: no row means no works, so 0. Any other value is undefined without works.
  const absent = id === 'output' ? 0 : undefined
  const value = (m: Map<string, number>, key: string) => m.get(key) ?? absent
  const preYears = range(o.pre)
  const group = (ids: readonly string[]) => {
    const kept = ids.filter((i) => value(pre.values, i) !== undefined && value(post.values, i) !== undefined)
    const before = Float64Array.from(kept, (i) => value(pre.values, i) ?? 0)
    const after = Float64Array.from(kept, (i) => value(post.values, i) ?? 0)
    const changes = after.map((x, j) => x - (before[j] ?? 0))
    const trends = kept
      .map((i) => {
        const pts = preYears.flatMap((y) => {
          const v = value(yearly.values, `${i}|${y}`)
          return v === undefined ? [] : [[y, v] as const]
        })
        return slope(
          Float64Array.from(pts, (p) => p[0]),
          Float64Array.from(pts, (p) => p[1]),
        )
      })
      .filter(Number.isFinite)
    const avg = (xs: ArrayLike<number>) => {
      let s = 0
      for (let j = 0; j < xs.length; j++) s += xs[j] ?? 0
      return xs.length === 0 ? NaN : s / xs.length
    }
    const figures: GroupFigures = {
      n: kept.length,
      pre: finite(avg(before)),
      post: finite(avg(after)),
      change: finite(avg(changes)),
      preTrend: finite(avg(trends)),
    }
    return { figures, changes }
  }
  const treated = group(treatedIds)
  const comparison = group(comparisonIds)
  const estimate = did(treated.changes, comparison.changes, { rng, resamples: o.resamples })
  const yearMean = (ids: readonly string[], y: number) => {
    const vs = ids.flatMap((i) => value(yearly.values, `${i}|${y}`) ?? [])
    return vs.length === 0 ? null : finite(vs.reduce((s, x) => s + x, 0) / vs.length)
  }
  const diff = (treated.figures.preTrend ?? NaN) - (comparison.figures.preTrend ?? NaN)
  return {
    indicator: id,
    title: indicator(id).title,
    treated: treated.figures,
    comparison: comparison.figures,
    did: finite(estimate.did),
    interval: { low: finite(estimate.low ?? NaN), high: finite(estimate.high ?? NaN), level: 0.95 },
    preTrendDifference: finite(diff),
    series: range(whole).map((year) => ({
      year,
      treated: yearMean(treatedIds, year),
      comparison: yearMean(comparisonIds, year),
    })),
    method: yearly.method,
    coverage: yearly.coverage,
  }
}
