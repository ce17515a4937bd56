import { indicator, normalizeOptions, type YearRange } from '@meridian/indicators'
import { MeridianError, closestName, type CountryPolicyId } from '@meridian/model'
import { PROFILE_LEVELS, type ProfileLevel } from './types.js'

/** Options of a profile, as a caller writes them. */
export interface ProfileOptionsInput {
  /** `country`, `institution` or `author`. Default `country`. */
  readonly level?: string
  /** ISO code; institution key, ROR or OpenAlex id; ORCID or (name-keyed) author name. */
  readonly unit: string
  /** `2015-2020`, `2019` or a range; default all years. */
  readonly years?: string | YearRange | null
  /** Institutions: count under the top of the ROR parent chain (`institution_rollup`). Default `false`. */
  readonly rollUp?: boolean
  /** Default `iso`. */
  readonly countryPolicy?: string
}

/** Options after normalisation. */
export interface ProfileOptions {
  readonly level: ProfileLevel
  readonly unit: string
  readonly years: YearRange | null
  readonly rollUp: boolean
  readonly countryPolicy: CountryPolicyId
}

const bad = (message: string) => new MeridianError('BAD_OPTION', message)

/** Check and complete profile options once, at the entry; years, policy and roll-up as the indicators check them. */
export function normalizeProfileOptions(input: ProfileOptionsInput): ProfileOptions {
  const level = input.level ?? 'country'
  if (!(PROFILE_LEVELS as readonly string[]).includes(level)) {
    const near = closestName(level, PROFILE_LEVELS)
    throw bad(
      `level "${level}" is not valid;${near === null ? '' : ` did you mean "${near}"?`} use one of ${PROFILE_LEVELS.join(', ')}`,
    )
  }
  const unit = typeof input.unit === 'string' ? input.unit.trim() : ''
  if (unit === '' || unit.length > 300) throw bad(`unit "${String(input.unit)}" is not valid: give a unit id`)
  const checked = normalizeOptions(
    {
      level: level === 'author' ? 'country' : level,
      years: input.years ?? null,
      rollUp: input.rollUp ?? false,
      ...(input.countryPolicy === undefined ? {} : { countryPolicy: input.countryPolicy }),
    },
    indicator('output'),
  )
  return Object.freeze({
    level: level as ProfileLevel,
    unit,
    years: checked.years,
    rollUp: checked.rollUp,
    countryPolicy: checked.countryPolicy,
  })
}
