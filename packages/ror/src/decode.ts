import { toCountryCode, toInstitutionType, toRorId, type InstitutionType } from '@meridian/model'
import type { RorName, RorNameType, RorRecord, RorRelationship, RorStatus } from './ror-record.js'

/** Where a record sits, for provenance. */
export interface RecordSite {
  readonly file: string
  readonly line: number
}

/** A decoding failure: the JSON path at fault and what is wrong with it. */
export class DecodeFailure {
  constructor(
    readonly field: string,
    readonly message: string,
  ) {}
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null
const number = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

const NAME_TYPES = new Set<string>(['ror_display', 'label', 'alias', 'acronym'])
const RELATION_TYPES = new Set<string>(['parent', 'child', 'related', 'successor', 'predecessor'])
const STATUSES = new Set<string>(['active', 'inactive', 'withdrawn'])

function types(value: unknown): InstitutionType[] {
  const out: InstitutionType[] = []
  for (const item of array(value)) {
    const type = toInstitutionType(typeof item === 'string' ? item : null)
    if (type && !out.includes(type)) out.push(type)
  }
  return out
}

function relationships(value: unknown): RorRelationship[] {
  const out: RorRelationship[] = []
  for (const item of array(value)) {
    if (!isObject(item)) continue
    const type = text(item.type)?.toLowerCase()
    const id = toRorId(text(item.id))
    if (type && id && RELATION_TYPES.has(type))
      out.push({ type: type as RorRelationship['type'], id, label: text(item.label) ?? '' })
  }
  return out
}

function status(value: unknown): RorStatus {
  const s = text(value)?.toLowerCase() ?? 'active'
  return STATUSES.has(s) ? (s as RorStatus) : 'active'
}

function identity(json: Json): { id: NonNullable<ReturnType<typeof toRorId>> } {
  const id = toRorId(text(json.id))
  if (!id) throw new DecodeFailure('id', `not a ROR id: ${JSON.stringify(json.id ?? null)}`)
  return { id }
}

/** Decode one record of ROR schema v2 (`names`, `locations[].geonames_details`). */
export function decodeV2(json: Json, site: RecordSite): RorRecord {
  const { id } = identity(json)
  const names: RorName[] = []
  for (const item of array(json.names)) {
    if (!isObject(item)) continue
    const value = text(item.value)
    const nameTypes = array(item.types).filter(
      (t): t is RorNameType => typeof t === 'string' && NAME_TYPES.has(t),
    )
    if (value && nameTypes.length > 0) names.push({ value, types: nameTypes, lang: text(item.lang) })
  }
  const display =
    names.find((n) => n.types.includes('ror_display')) ?? names.find((n) => !n.types.includes('acronym'))
  if (!display) throw new DecodeFailure('names', `${id} has no display name`)
  const first = array(json.locations)[0]
  const geo = isObject(first) && isObject(first.geonames_details) ? first.geonames_details : {}
  return {
    id,
    name: display.value,
    names,
    types: types(json.types),
    status: status(json.status),
    country: toCountryCode(text(geo.country_code)),
    city: text(geo.name),
    lat: number(geo.lat),
    lon: number(geo.lng),
    established: number(json.established),
    relationships: relationships(json.relationships),
    provenance: { ...site, schema: 'v2' },
  }
}

/** Decode one record of the legacy ROR schema v1 (`name`, `labels`, `aliases`, `acronyms`, `addresses`). */
export function decodeV1(json: Json, site: RecordSite): RorRecord {
  const { id } = identity(json)
  const name = text(json.name)
  if (!name) throw new DecodeFailure('name', `${id} has no name`)
  const names: RorName[] = [{ value: name, types: ['ror_display', 'label'], lang: null }]
  for (const item of array(json.labels)) {
    const value = isObject(item) ? text(item.label) : null
    if (value && isObject(item)) names.push({ value, types: ['label'], lang: text(item.iso639) })
  }
  for (const alias of array(json.aliases)) {
    const value = text(alias)
    if (value) names.push({ value, types: ['alias'], lang: null })
  }
  for (const acronym of array(json.acronyms)) {
    const value = text(acronym)
    if (value) names.push({ value, types: ['acronym'], lang: null })
  }
  const address = array(json.addresses)[0]
  const addr = isObject(address) ? address : {}
  const country = isObject(json.country) ? toCountryCode(text(json.country.country_code)) : null
  return {
    id,
    name,
    names,
    types: types(json.types),
    status: status(json.status),
    country,
    city: text(addr.city),
    lat: number(addr.lat),
    lon: number(addr.lng),
    established: number(json.established),
    relationships: relationships(json.relationships),
    provenance: { ...site, schema: 'v1' },
  }
}

/** Decode a record of either schema: v2 records have `names`, v1 records a `name`. */
export function decodeRorRecord(json: unknown, site: RecordSite): RorRecord {
  if (!isObject(json)) throw new DecodeFailure('', 'a ROR record must be a JSON object')
  return Array.isArray(json.names) ? decodeV2(json, site) : decodeV1(json, site)
}
