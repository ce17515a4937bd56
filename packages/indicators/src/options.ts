import {
  COUNTRY_POLICY_IDS,
  DEFAULT_COUNTRY_POLICY,
  MeridianError,
  closestName,
  toCountryCode,
  type CountryCode,
  type CountryPolicyId,
} from '@meridian/model'
import { normalizeWorkSelection, type WorkSelection } from './work-selection.js'

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

/** Levels of aggregation: countries, institutions (ROR/OpenAlex), or user-defined groups of countries. */
export const LEVELS = Object.freeze(['country', 'institution', 'group'] as const)
export type Level = (typeof LEVELS)[number]

/** Matrix normalisations. */
export const NORMALIZATIONS = Object.freeze(['counts', 'salton', 'jaccard', 'association'] as const)
export type Normalization = (typeof NORMALIZATIONS)[number]

/** An inclusive range of publication years. */
export interface YearRange {
  readonly from: number
  readonly to: number
}

/** Options every indicator takes, as a caller writes them; all optional. */
export interface IndicatorOptionsInput {
  /** Default `country`. `group` needs `groups`. */
  readonly level?: string
  /** `2015-2020`, `2019`, or a range object; default all years (works without a year included). */
  readonly years?: string | YearRange | null
  /** One row per unit and year. Default `false`. */
  readonly byYear?: boolean
  /** Rolling windows of this many years (needs `years`; e.g. 4 as the Leiden Ranking). Default none. */
  readonly window?: number | null
  /** Default: the indicator's own default (see its definition). */
  readonly counting?: string
  /** Default `iso`. */
  readonly countryPolicy?: string
  /** Groups of countries for `level: 'group'`: name -> ISO codes. A work counts once per group. */
  readonly groups?: Readonly<Record<string, readonly string[]>> | null
  /** For groups: `countries` (default: two or more countries) or `border` (a country outside the group). */
  readonly international?: string
  /** Institutions: count each under the top of its ROR parent chain (needs a loaded registry). Default `false`. */
  readonly rollUp?: boolean
  /** Partners: the smallest number of co-publications for a country to count as a partner. Default 1. */
  readonly minCopublications?: number
  /** Leadership: which author leads: `corresponding` (default), `first` or `last`. */
  readonly role?: string
  /** Bilateral matrix: `counts` (default), `salton`, `jaccard`, `association`. */
  readonly normalization?: string
  /** Distance: the long-distance threshold in km. Default 1,000. */
  readonly threshold?: number
  /** Highly cited: the top percentage, 10 (default) or 1. */
  readonly top?: number
  /** 95 % stability intervals for share and mean indicators. Default `true`; switch off for speed. */
  readonly intervals?: boolean
  /** Bootstrap resamples. Default 1,000. */
  readonly resamples?: number
  /** Bootstrap seed. Default 1. */
  readonly seed?: number
  /**
   * Count only these works (every unit relation is restricted to them), declared as rules:
   * `{ any: [{ by: 'funding', funder, awards? }, { by: 'institutions', institutions, from?, to? }, { by: 'dois', dois }] }`.
   * Default all works.
   */
  readonly works?: WorkSelection | null
  /** Only works with one of these fields (at any position, names as stored). Default all works. */
  readonly fields?: readonly string[] | null
}

/** Options after normalisation: every default filled in, every value checked. */
export interface IndicatorOptions {
  readonly level: Level
  readonly years: YearRange | null
  readonly byYear: boolean
  readonly window: number | null
  readonly counting: Counting
  readonly countryPolicy: CountryPolicyId
  readonly groups: Readonly<Record<string, readonly CountryCode[]>> | null
  readonly international: 'countries' | 'border'
  readonly rollUp: boolean
  readonly minCopublications: number
  readonly role: 'corresponding' | 'first' | 'last'
  readonly normalization: Normalization
  readonly threshold: number
  readonly top: 10 | 1
  readonly intervals: boolean
  readonly resamples: number
  readonly seed: number
  readonly works: WorkSelection | null
  readonly fields: readonly string[] | null
}

const MAX_FIELDS = 50

/** A list of field names (as stored, matched exactly), distinct; `null` for all works. */
export function normalizeFields(fields: readonly unknown[] | null | undefined): readonly string[] | null {
  if (fields == null) return null
  if (!Array.isArray(fields)) throw bad('fields: give a list of field names')
  if (fields.length === 0) throw bad('fields: give at least one field')
  if (fields.length > MAX_FIELDS) throw bad(`fields: give at most ${MAX_FIELDS}, not ${fields.length}`)
  for (const field of fields)
    if (typeof field !== 'string' || field.trim() === '') throw bad(`field "${String(field)}" is not valid`)
  return Object.freeze([...new Set(fields as string[])])
}

/** The options an indicator may read beyond the common ones. */
export type ExtraOption = 'minCopublications' | 'role' | 'normalization' | 'threshold' | 'top'

const bad = (message: string) => new MeridianError('BAD_OPTION', message)

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  const near = closestName(value, allowed)
  const hint = near === null ? '' : ` did you mean "${near}"?`
  throw bad(`${name} "${value}" is not valid;${hint} use one of ${allowed.join(', ')}`)
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

function whole(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw bad(`${name} "${value}" must be a whole number from ${min} to ${max}`)
  return value
}

/** Check groups of countries once: valid names, ISO codes, each code once per group (or it would count twice). */
export function normalizeGroups(
  groups: IndicatorOptionsInput['groups'],
): Readonly<Record<string, readonly CountryCode[]>> | null {
  if (!groups) return null
  const out: Record<string, readonly CountryCode[]> = {}
  for (const [name, members] of Object.entries(groups)) {
    if (!/^[\p{L}\p{N} _.&()-]{1,64}$/u.test(name)) throw bad(`group name "${name}" is not valid`)
    const codes = members.map((m) => {
      const code = toCountryCode(m)
      if (!code) throw bad(`group "${name}": "${m}" is not an ISO 3166-1 alpha-2 country code`)
      return code
    })
    out[name] = Object.freeze([...new Set(codes)])
    if (out[name].length === 0) throw bad(`group "${name}" has no countries`)
  }
  if (Object.keys(out).length === 0) throw bad('groups: give at least one group')
  return Object.freeze(out)
}

function rollUp(value: boolean, level: Level): boolean {
  if (value && level !== 'institution') throw bad('roll-up applies to --level institution only')
  return value
}

/** Check and complete options once, at the entry; `countings` are those the indicator offers. */
export function normalizeOptions(
  input: IndicatorOptionsInput,
  indicator: {
    readonly id: string
    readonly countings: readonly Counting[]
    readonly levels?: readonly Level[]
  },
): IndicatorOptions {
  const counting = oneOf('counting', input.counting ?? indicator.countings[0] ?? 'full', COUNTINGS)
  if (!indicator.countings.includes(counting))
    throw bad(
      `counting "${counting}" is not offered by ${indicator.id}; use ${indicator.countings.join(', ')}`,
    )
  const level = oneOf('level', input.level ?? 'country', LEVELS)
  const levels = indicator.levels ?? LEVELS
  if (!levels.includes(level))
    throw bad(`level "${level}" is not offered by ${indicator.id}; use ${levels.join(', ')}`)
  const groups = normalizeGroups(input.groups)
  if (level === 'group' && !groups) throw bad('level "group" needs groups (e.g. --group EU=AT,BE,BG,...)')
  const years = typeof input.years === 'string' ? parseYears(input.years) : (input.years ?? null)
  if (years) {
    whole('years', years.from, 1000, 2999)
    whole('years', years.to, 1000, 2999)
  }
  const window = input.window ?? null
  if (window !== null) {
    whole('window', window, 1, 50)
    if (!years) throw bad('window needs years (e.g. --years 2010-2024 --window 4)')
    if (input.byYear) throw bad('choose either by-year or window, not both')
  }
  const top = whole('top', input.top ?? 10, 1, 10)
  if (top !== 10 && top !== 1) throw bad(`top "${top}" must be 10 or 1 (per cent)`)
  const threshold = input.threshold ?? 1000
  if (!Number.isFinite(threshold) || threshold <= 100 || threshold > 20_100)
    throw bad(`threshold "${threshold}" must be a distance in km above 100 and at most 20,100`)
  return Object.freeze({
    level,
    years: years ? Object.freeze({ ...years }) : null,
    byYear: input.byYear ?? false,
    window,
    counting,
    countryPolicy: oneOf('country policy', input.countryPolicy ?? DEFAULT_COUNTRY_POLICY, COUNTRY_POLICY_IDS),
    groups,
    international: oneOf('international', input.international ?? 'countries', [
      'countries',
      'border',
    ] as const),
    rollUp: rollUp(input.rollUp ?? false, level),
    minCopublications: whole('min-copublications', input.minCopublications ?? 1, 1, 1_000_000_000),
    role: oneOf('role', input.role ?? 'corresponding', ['corresponding', 'first', 'last'] as const),
    normalization: oneOf('normalization', input.normalization ?? 'counts', NORMALIZATIONS),
    threshold,
    top: top as 10 | 1,
    intervals: input.intervals ?? true,
    resamples: whole('resamples', input.resamples ?? 1000, 100, 100_000),
    seed: whole('seed', input.seed ?? 1, 0, 4_294_967_295),
    works: normalizeWorkSelection(input.works),
    fields: normalizeFields(input.fields),
  })
}
