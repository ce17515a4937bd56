import type { Method } from '@meridian/indicators'

/**
 * KPIs that count the programme's own milestones (from the state database, not the store): the share done and
 * the number late. They take the `programme` scope only, and no indicator options.
 */
export const MILESTONE_INDICATORS = Object.freeze(['milestones-done', 'milestones-late'] as const)

export type MilestoneIndicator = (typeof MILESTONE_INDICATORS)[number]

/** Whether a KPI's indicator counts milestones rather than asking the indicator engine. */
export const isMilestoneIndicator = (id: string): id is MilestoneIndicator =>
  (MILESTONE_INDICATORS as readonly string[]).includes(id)

/** What a milestone KPI reads of a milestone. */
export interface CountedMilestone {
  readonly id: number
  readonly status: string
  readonly dueDate: string
}

/** Late on `day` (`YYYY-MM-DD`): marked late, or past due while planned or in progress (the report's rule). */
export const isLate = (m: CountedMilestone, day: string): boolean =>
  m.status === 'late' || ((m.status === 'planned' || m.status === 'in-progress') && m.dueDate < day)

/**
 * A milestone KPI's figure on `day`: the share of the milestones (dropped ones left out) that are done, `null`
 * when there are none; or the number late.
 * @example
 *   milestoneFigure('milestones-done', [{ id: 1, status: 'done', dueDate: '2025-01-01' }], '2026-01-01') // 1
 */
export function milestoneFigure(
  indicator: MilestoneIndicator,
  milestones: readonly CountedMilestone[],
  day: string,
): number | null {
  switch (indicator) {
    case 'milestones-done': {
      const counted = milestones.filter((m) => m.status !== 'dropped')
      return counted.length === 0 ? null : counted.filter((m) => m.status === 'done').length / counted.length
    }
    case 'milestones-late':
      return milestones.filter((m) => isLate(m, day)).length
  }
}

/**
 * A computed baseline: the figure over the milestones due by the end of the baseline period, on that day
 * (`null` for the share when none was due by then).
 */
export const milestoneBaseline = (
  indicator: MilestoneIndicator,
  milestones: readonly CountedMilestone[],
  end: string,
): number | null =>
  milestoneFigure(
    indicator,
    milestones.filter((m) => m.dueDate <= end),
    end,
  )

const DEFINITIONS: Readonly<Record<MilestoneIndicator, { definition: string; formula: string }>> = {
  'milestones-done': {
    definition:
      "Share of the programme's milestones, dropped ones left out, whose status is done when the actual is " +
      'computed (from the programme registry, not from publications). A computed baseline is the same share ' +
      'over the milestones due by the end of the baseline period. No figure while the programme has no ' +
      'milestone that is not dropped.',
    formula: '|{m : status(m) = done}| / |{m : status(m) ≠ dropped}|',
  },
  'milestones-late': {
    definition:
      "Number of the programme's milestones that are late when the actual is computed: marked late, or past " +
      'their due date while planned or in progress (the rule the report highlights them by). A computed ' +
      'baseline counts the milestones due by the end of the baseline period that were late on that day. Fewer ' +
      'is better: give a target below the baseline (the status rule reads a target equal to it as "held or ' +
      'exceeded").',
    formula: '|{m : status(m) = late, or status(m) ∈ {planned, in-progress} and due(m) < t}|',
  },
}

/**
 * The method card of a milestone KPI: how it is counted, in the shape of the engine's method (no SQL, no
 * counting method or country policy: `not-applicable`).
 */
export const milestoneMethod = (indicator: MilestoneIndicator): Method =>
  registryMethod(
    'Milestones are counted from the programme registry; no country is involved.',
    DEFINITIONS[indicator],
  )

/**
 * The method card of a KPI counted from the state database rather than the indicator engine, in the shape of the
 * engine's method: no SQL, no counting method or country policy (`not-applicable`).
 */
export function registryMethod(
  countryPolicyDescription: string,
  definition: { readonly definition: string; readonly formula: string },
): Method {
  return {
    counting: 'not-applicable' as Method['counting'],
    countryPolicy: 'not-applicable' as Method['countryPolicy'],
    countryPolicyDescription,
    years: null,
    level: 'programme',
    byYear: false,
    window: null,
    groups: null,
    rollUp: false,
    works: null,
    fields: null,
    options: {},
    ...definition,
    references: [],
    sql: '',
    intervals: null,
  }
}
