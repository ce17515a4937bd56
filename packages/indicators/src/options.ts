import {
  COUNTRY_POLICY_IDS,
  DEFAULT_COUNTRY_POLICY,
  MeridianError,
  type CountryPolicyId,
} from '@meridian/model'

/** Counting methods. Each result names the one it used. */
export const COUNTINGS = Object.freeze([
  'full',
  'fractional',
  'first-author',
  'last-author',
  'corresponding-author',
  'author-appearance',
] as const)
export type Counting = (typeof COUNTINGS)[number]

/** Levels of aggregation. Institutions and groups come with the full indicator suite. */
export const LEVELS = Object.freeze(['country'] as const)
export type Level = (typeof LEVELS)[number]

/** An inclusive range of publication years. */
export interface YearRange {
  readonly from: number
  readonly to: number
}

/** Options every indicator takes, as a caller writes them; all optional. */
export interface IndicatorOptionsInput {
  /** Default `country`. */
  readonly level?: string
  /** `2015-2020`, `2019`, or a range object; default all years (works without a year included). */
  readonly years?: string | YearRange | null
  /** One row per unit and year. Default `false`. */
  readonly byYear?: boolean
  /** Default: the indicator's own default (see its definition). */
  readonly counting?: string
  /** Default `iso`. */
  readonly countryPolicy?: string
  /** Partners: the smallest number of co-publications for a country to count as a partner. Default 1. */
  readonly minCopublications?: number
  /** Leadership: which author leads: `corresponding` (default), `first` or `last`. */
  readonly role?: string
}

/** Options after normalisation: every default filled in, every value checked. */
export interface IndicatorOptions {
  readonly level: Level
  readonly years: YearRange | null
  readonly byYear: boolean
  readonly counting: Counting
  readonly countryPolicy: CountryPolicyId
  readonly minCopublications: number
  readonly role: 'corresponding' | 'first' | 'last'
}

const bad = (message: string) => new MeridianError('BAD_OPTION', message)

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw bad(`${name} "${value}" is not valid; use one of ${allowed.join(', ')}`)
}

/** Parse `2015-2020` or `2019` into a year range. */
export function parseYears(value: string): YearRange {
  const match = /^\s*(\d{4})\s*(?:[-–:]\s*(\d{4}))?\s*$/.exec(value)
  if (!match) throw bad(`years "${value}" is not valid; write a year (2019) or a range (2015-2020)`)
  const from = Number(match[1])
  const to = Number(match[2] ?? match[1])
  if (from > to) throw bad(`years "${value}" is not valid: ${from} is after ${to}`)
  return { from, to }
}

/** Check and complete options once, at the entry; `countings` are those the indicator offers. */
export function normalizeOptions(
  input: IndicatorOptionsInput,
  indicator: { readonly id: string; readonly countings: readonly Counting[] },
): IndicatorOptions {
  const counting = oneOf('counting', input.counting ?? indicator.countings[0] ?? 'full', COUNTINGS)
  if (!indicator.countings.includes(counting))
    throw bad(
      `counting "${counting}" is not offered by ${indicator.id}; use ${indicator.countings.join(', ')}`,
    )
  const years = typeof input.years === 'string' ? parseYears(input.years) : (input.years ?? null)
  const min = input.minCopublications ?? 1
  if (!Number.isInteger(min) || min < 1) throw bad(`min-copublications "${min}" must be a whole number >= 1`)
  return Object.freeze({
    level: oneOf('level', input.level ?? 'country', LEVELS),
    years: years ? Object.freeze({ ...years }) : null,
    byYear: input.byYear ?? false,
    counting,
    countryPolicy: oneOf('country policy', input.countryPolicy ?? DEFAULT_COUNTRY_POLICY, COUNTRY_POLICY_IDS),
    minCopublications: min,
    role: oneOf('role', input.role ?? 'corresponding', ['corresponding', 'first', 'last'] as const),
  })
}
