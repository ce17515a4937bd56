import {
  normalizeFields,
  normalizeGroups,
  parseYears,
  type Counting,
  type YearRange,
} from '@meridian/indicators'
import {
  COUNTRY_POLICY_IDS,
  DEFAULT_COUNTRY_POLICY,
  MeridianError,
  closestName,
  type CountryCode,
  type CountryPolicyId,
} from '@meridian/model'

/** Units a network links; `group` links user-defined groups of countries (needs `groups`). */
export const NETWORK_LEVELS = Object.freeze(['country', 'institution', 'author', 'group'] as const)
export type NetworkLevel = (typeof NETWORK_LEVELS)[number]

/** Link counting: full (1 per work) or fractional (1 / (n - 1) per pair on a work with n units). */
export const NETWORK_COUNTINGS = Object.freeze(['full', 'fractional'] as const satisfies readonly Counting[])
export type NetworkCounting = (typeof NETWORK_COUNTINGS)[number]

/** Node weights, the measure `top` ranks by. */
export const NODE_WEIGHTS = Object.freeze(['works', 'fractionalWorks', 'citations'] as const)
export type NodeWeight = (typeof NODE_WEIGHTS)[number]

/**
 * How an author is keyed: `orcid-or-name` (default: the ORCID, else the name as the source writes it), or
 * `name` (the name as written, as metaknowledge and bibliometrix do).
 */
export const AUTHOR_KEYS = Object.freeze(['orcid-or-name', 'name'] as const)
export type AuthorKey = (typeof AUTHOR_KEYS)[number]

/** Options of a network build, as a caller writes them; all optional. */
export interface NetworkOptionsInput {
  /** Default `country`. */
  readonly level?: string
  /** `2015-2020`, `2019` or a range; default all years. */
  readonly years?: string | YearRange | null
  /** Only works with one of these fields (at any position, names as stored). Default all works. */
  readonly fields?: readonly string[] | null
  /** Groups of countries for `level: 'group'`: name -> ISO codes. A work counts once per group. */
  readonly groups?: Readonly<Record<string, readonly string[]>> | null
  /** Default `full`. */
  readonly counting?: string
  /** Default `iso`. Decides the countries of the country network. */
  readonly countryPolicy?: string
  /** Smallest number of works of a node. Default 1. */
  readonly minWorks?: number
  /** Smallest link strength kept. Default 0 (every link). */
  readonly minStrength?: number
  /** Keep the N nodes of largest `weight` (ties by id). Default all. */
  readonly top?: number | null
  /** The weight `top` ranks by. Default `works`. */
  readonly weight?: string
  /** Leave out works with more than K units' authors (VOSviewer's "ignore documents with many authors"). */
  readonly maxAuthors?: number | null
  /** Default `orcid-or-name`. */
  readonly authorKey?: string
}

/** Options after normalisation. */
export interface NetworkOptions {
  readonly level: NetworkLevel
  readonly years: YearRange | null
  readonly fields: readonly string[] | null
  readonly groups: Readonly<Record<string, readonly CountryCode[]>> | null
  readonly counting: NetworkCounting
  readonly countryPolicy: CountryPolicyId
  readonly minWorks: number
  readonly minStrength: number
  readonly top: number | null
  readonly weight: NodeWeight
  readonly maxAuthors: number | null
  readonly authorKey: AuthorKey
}

const bad = (message: string) => new MeridianError('BAD_OPTION', message)

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  const near = closestName(value, allowed)
  const hint = near === null ? '' : ` did you mean "${near}"?`
  throw bad(`${name} "${value}" is not valid;${hint} use one of ${allowed.join(', ')}`)
}

function whole(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw bad(`${name} "${value}" must be a whole number >= ${min}`)
  return value
}

/** Check and complete network options once, at the entry. */
export function normalizeNetworkOptions(input: NetworkOptionsInput = {}): NetworkOptions {
  const years = typeof input.years === 'string' ? parseYears(input.years) : (input.years ?? null)
  const minStrength = input.minStrength ?? 0
  if (!(minStrength >= 0)) throw bad(`min-strength "${minStrength}" must be >= 0`)
  const level = oneOf('level', input.level ?? 'country', NETWORK_LEVELS)
  const groups = normalizeGroups(input.groups)
  if (level === 'group' && !groups) throw bad('level "group" needs groups (e.g. --group EU=AT,BE,BG,...)')
  if (level !== 'group' && groups) throw bad(`groups apply to level "group", not "${level}"`)
  return Object.freeze({
    level,
    years: years ? Object.freeze({ ...years }) : null,
    fields: normalizeFields(input.fields),
    groups,
    counting: oneOf('counting', input.counting ?? 'full', NETWORK_COUNTINGS),
    countryPolicy: oneOf('country policy', input.countryPolicy ?? DEFAULT_COUNTRY_POLICY, COUNTRY_POLICY_IDS),
    minWorks: whole('min-works', input.minWorks ?? 1, 1),
    minStrength,
    top: input.top == null ? null : whole('top', input.top, 1),
    weight: oneOf('weight', input.weight ?? 'works', NODE_WEIGHTS),
    maxAuthors: input.maxAuthors == null ? null : whole('max-authors', input.maxAuthors, 1),
    authorKey: oneOf('author key', input.authorKey ?? 'orcid-or-name', AUTHOR_KEYS),
  })
}
