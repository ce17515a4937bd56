/** A KPI's standing against its trajectory. `no-data` when the baseline or the actual is unknown. */
export type KpiStatus = 'on-track' | 'at-risk' | 'off-track' | 'no-data'

/** The share of the baseline-to-target gap an actual may fall short of the trajectory and be "at risk". */
export const AT_RISK_SHARE = 0.1

/** The status rule in words, shown on every KPI beside its method card. */
export const STATUS_RULE =
  'Expected value on the date the actual was computed: the straight line from the baseline (at the end of the ' +
  'baseline period) to the target (at the target date), held at the baseline before it and at the target after ' +
  'it. On track: the actual is at or beyond the expected value in the direction of the target (up when the target ' +
  'is above the baseline, down when it is below; a target equal to the baseline is to be held or exceeded). At ' +
  'risk: short of it by at most 10 % of |target − baseline| (10 % of |target| when they are equal). Off track: ' +
  'short by more. No data: the baseline or the actual is unknown (the indicator gave no row for the scope).'

const DAY = 86_400_000

/** The last day of a baseline period (`2018-2020` -> 2020-12-31, `2019` -> 2019-12-31). */
export function periodEnd(period: string): string {
  const last = /(\d{4})\s*$/.exec(period)?.[1]
  return `${last ?? '1970'}-12-31`
}

/**
 * The expected value on `at` and the status of `actual` (see {@link STATUS_RULE}).
 * @example
 *   kpiStatus({ baseline: 10, baselineDate: '2020-12-31', target: 20, targetDate: '2030-12-31', actual: 14, at: '2025-12-31' })
 *   // { expected: 15.0..., status: 'at-risk' }
 */
export function kpiStatus(input: {
  readonly baseline: number | null
  readonly baselineDate: string
  readonly target: number
  readonly targetDate: string
  readonly actual: number | null
  readonly at: string
}): { readonly expected: number | null; readonly status: KpiStatus } {
  const { baseline, target, actual } = input
  if (baseline === null) return { expected: null, status: 'no-data' }
  const t0 = Date.parse(`${input.baselineDate}T00:00:00Z`) / DAY
  const t1 = Date.parse(`${input.targetDate}T00:00:00Z`) / DAY
  const t = Date.parse(`${input.at.slice(0, 10)}T00:00:00Z`) / DAY
  const progress = t1 <= t0 ? 1 : Math.min(1, Math.max(0, (t - t0) / (t1 - t0)))
  const expected = baseline + (target - baseline) * progress
  if (actual === null) return { expected, status: 'no-data' }
  const direction = target >= baseline ? 1 : -1
  const gap = Math.abs(target - baseline)
  const tolerance = AT_RISK_SHARE * (gap === 0 ? Math.abs(target) : gap)
  const shortfall = direction * (expected - actual)
  // Differences below a part in 10^12 are rounding, not a shortfall.
  const epsilon = 1e-12 * Math.max(1, Math.abs(expected))
  const status =
    shortfall <= epsilon ? 'on-track' : shortfall <= tolerance + epsilon ? 'at-risk' : 'off-track'
  return { expected, status }
}
