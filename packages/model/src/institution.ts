import type { CountryCode } from './country.js'
import type { OpenAlexId, RorId } from './ids.js'

/** Organisation types, as ROR and OpenAlex name them. */
export const INSTITUTION_TYPES = Object.freeze([
  'education',
  'healthcare',
  'company',
  'archive',
  'nonprofit',
  'government',
  'facility',
  'funder',
  'other',
] as const)
export type InstitutionType = (typeof INSTITUTION_TYPES)[number]

/** Decode an institution type as a source writes it; unknown values become `other`, absent ones `null`. */
export function toInstitutionType(value: string | null | undefined): InstitutionType | null {
  if (!value) return null
  const type = value.trim().toLowerCase()
  return (INSTITUTION_TYPES as readonly string[]).includes(type) ? (type as InstitutionType) : 'other'
}

/** An organisation an affiliation resolves to. */
export interface Institution {
  readonly ror: RorId | null
  readonly openalex: OpenAlexId | null
  readonly name: string
  readonly type: InstitutionType | null
  readonly country: CountryCode | null
  /** WGS84 latitude and longitude in degrees, where known. */
  readonly lat: number | null
  readonly lon: number | null
}
