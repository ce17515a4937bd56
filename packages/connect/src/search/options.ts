import { INSTITUTION_TYPES, MeridianError, toCountryCode, type CountryCode } from '@meridian/model'

/** The units expertise search ranks. */
export const EXPERT_KINDS = Object.freeze(['institution', 'author', 'country'] as const)
export type ExpertKind = (typeof EXPERT_KINDS)[number]

/** What `searchExperts` takes; every field but `kind` optional. */
export interface SearchExpertsInput {
  /** The units ranked (default `institution`). */
  readonly kind?: string
  /** Only units of this country (ISO alpha-2): an institution's country, an author's affiliation country. */
  readonly country?: string | null
  /** Only institutions of this type (`education`, `company`, ...); for institutions and authors. */
  readonly type?: string | null
  /** Only works in this field (as stored, any case). */
  readonly field?: string | null
  /** Only works of these years: `{ from, to }` or `2015-2020` or `2019`. */
  readonly years?: { readonly from: number; readonly to: number } | string | null
  /** Only units with at least this many works among those the period and field filters keep (default 1). */
  readonly minWorks?: number
  /** Institutions counted under their top-level organisation (`institution_rollup`); default false. */
  readonly rollUp?: boolean
  /** 1-based page (default 1). */
  readonly page?: number
  /** Units per page (default 20); any positive size, there is no cap. */
  readonly pageSize?: number
  /** Matching works shown as evidence per unit (default 5); `matchingWorks` counts them all. */
  readonly evidence?: number
  /** Works left out as if not in the index (leave-one-out evaluation). */
  readonly excludeWorks?: readonly number[]
}

/** Search options, checked and with defaults. */
export interface SearchExpertsOptions {
  readonly kind: ExpertKind
  readonly country: CountryCode | null
  readonly type: string | null
  readonly field: string | null
  readonly years: { readonly from: number; readonly to: number } | null
  readonly minWorks: number
  readonly rollUp: boolean
  readonly page: number
  readonly pageSize: number
  readonly evidence: number
  readonly excludeWorks: ReadonlySet<number>
}

const bad = (message: string) => new MeridianError('BAD_OPTION', message)

function positive(name: string, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value < min)
    throw bad(`${name} "${value}" is not a whole number of at least ${min}`)
  return value
}

/** `2015-2020`, `2019` or `{ from, to }` into a year range; `null` for all years. */
export function toYears(
  value: SearchExpertsInput['years'],
): { readonly from: number; readonly to: number } | null {
  if (value === null || value === undefined) return null
  if (typeof value !== 'string') {
    if (!Number.isInteger(value.from) || !Number.isInteger(value.to) || value.from > value.to)
      throw bad(`years ${value.from}-${value.to} is not a range of years`)
    return Object.freeze({ from: value.from, to: value.to })
  }
  const m = /^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$/.exec(value)
  if (!m) throw bad(`years "${value}" is not a year or a range like 2015-2020`)
  return toYears({ from: Number(m[1]), to: Number(m[2] ?? m[1]) })
}

/** Check search options once, at the entry, and fill in the defaults. */
export function searchExpertsOptions(input: SearchExpertsInput = {}): SearchExpertsOptions {
  const kind = input.kind ?? 'institution'
  if (!(EXPERT_KINDS as readonly string[]).includes(kind))
    throw bad(`level "${kind}" is not valid; use one of ${EXPERT_KINDS.join(', ')}`)
  const country = input.country ? toCountryCode(input.country) : null
  if (input.country && country === null) throw bad(`country "${input.country}" is not an ISO country code`)
  const type = input.type ? input.type.trim().toLowerCase() : null
  if (type !== null && !(INSTITUTION_TYPES as readonly string[]).includes(type))
    throw bad(`type "${input.type}" is not valid; use one of ${INSTITUTION_TYPES.join(', ')}`)
  if (type !== null && kind === 'country') throw bad(`type "${type}" does not apply to level country`)
  return Object.freeze({
    kind: kind as ExpertKind,
    country,
    type,
    field: input.field ? input.field.trim().toLowerCase() : null,
    years: toYears(input.years),
    minWorks: positive('minWorks', input.minWorks, 1),
    rollUp: input.rollUp ?? false,
    page: positive('page', input.page, 1),
    pageSize: positive('pageSize', input.pageSize, 20),
    evidence: positive('evidence', input.evidence, 5, 0),
    excludeWorks: new Set(input.excludeWorks ?? []),
  })
}
