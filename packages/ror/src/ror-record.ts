import type { CountryCode, Institution, InstitutionType, RorId } from '@meridian/model'

/** How ROR tags a name: the display name, an official label (any language), an alias or an acronym. */
export type RorNameType = 'ror_display' | 'label' | 'alias' | 'acronym'

/** One name of an organisation; `lang` is an ISO 639-1 code where ROR gives one. */
export interface RorName {
  readonly value: string
  readonly types: readonly RorNameType[]
  readonly lang: string | null
}

/** A typed link to another organisation (schema v1 capitalises the type; it is lower-cased here). */
export interface RorRelationship {
  readonly type: 'parent' | 'child' | 'related' | 'successor' | 'predecessor'
  readonly id: RorId
  readonly label: string
}

/** `active` records are current; `inactive` ones closed or merged; `withdrawn` ones were errors. */
export type RorStatus = 'active' | 'inactive' | 'withdrawn'

/** One ROR organisation, decoded from schema v1 or v2, with where it was read. */
export interface RorRecord {
  readonly id: RorId
  /** The display name (v2 `ror_display`, v1 `name`). */
  readonly name: string
  readonly names: readonly RorName[]
  readonly types: readonly InstitutionType[]
  readonly status: RorStatus
  /** From the first location (v2) or address (v1). */
  readonly country: CountryCode | null
  readonly city: string | null
  readonly lat: number | null
  readonly lon: number | null
  readonly established: number | null
  readonly relationships: readonly RorRelationship[]
  readonly provenance: { readonly file: string; readonly line: number; readonly schema: 'v1' | 'v2' }
}

/** The canonical `Institution` of a ROR record (its first type is the institution's type). */
export function rorInstitution(record: RorRecord): Institution {
  return {
    ror: record.id,
    openalex: null,
    name: record.name,
    type: record.types[0] ?? null,
    country: record.country,
    lat: record.lat,
    lon: record.lon,
  }
}
