import { MeridianError, toCountryCode } from '@meridian/model'
import { assembleProfile, topPartnerIds } from '../domain/profile.js'
import { FieldError } from '../errors/api-error.js'
import {
  institutionsByKeyQuery,
  institutionsCountQuery,
  institutionsPageQuery,
} from '../queries/institutions.js'
import type { InstitutionsQuery } from '../schemas/institutions.js'
import type { PeriodQuery } from '../schemas/query.js'
import { evaluateProfileParts } from './profile-parts.js'
import type { StoreReader } from './store-reader.js'

/** Page size when none is asked for. */
export const DEFAULT_PAGE_SIZE = 50

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value))

const describeRow = (r: Record<string, unknown>) => ({
  institution: String(r.institution),
  name: text(r.name),
  ror: text(r.ror),
  openalexId: text(r.openalex_id),
  type: text(r.type),
  country: text(r.country),
})

/** A page of institutions matching a search (name, or an exact key, ROR or OpenAlex id), most works first. */
export async function searchInstitutions(store: StoreReader, query: InstitutionsQuery) {
  const page = query.page ?? 1
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE
  const country = query.country === undefined ? null : toCountryCode(query.country)
  if (query.country !== undefined && country === null)
    throw new FieldError('country', `country "${query.country}" is not an ISO 3166-1 alpha-2 code`)
  const q = query.q?.trim() ?? ''
  const search = { q: q === '' ? null : q, country, limit: pageSize, offset: (page - 1) * pageSize }
  const [[count], rows] = await Promise.all([
    store.runner.all(institutionsCountQuery(search)),
    store.runner.all(institutionsPageQuery(search)),
  ])
  return {
    total: Number(count?.total ?? 0),
    page,
    pageSize,
    institutions: rows.map((r) => ({ ...describeRow(r), works: Number(r.works ?? 0) })),
  }
}

/** The stored institutions with these keys, by key. */
async function institutionsByKey(store: StoreReader, keys: readonly string[]) {
  if (keys.length === 0) return new Map<string, ReturnType<typeof describeRow>>()
  const rows = await store.runner.all(institutionsByKeyQuery(keys))
  return new Map(rows.map((r) => [String(r.institution), describeRow(r)]))
}

/**
 * An institution's profile over a period (the country profile's parts at institution level); `NOT_FOUND` when
 * the store has no institution with this key (a ROR id URL or an OpenAlex id).
 */
export async function institutionProfile(store: StoreReader, id: string, query: PeriodQuery) {
  const found = (await institutionsByKey(store, [id])).get(id)
  if (!found) throw new MeridianError('NOT_FOUND', `no institution "${id}" in the store`)
  const data = await store.dataVersion()
  const { parts, method } = await evaluateProfileParts(
    store,
    {
      level: 'institution',
      years: query.years ?? null,
      countryPolicy: query.countryPolicy,
      partnerTrends: false,
    },
    data,
  )
  const unit = { key: 'institution', id } as const
  const partners = await institutionsByKey(store, topPartnerIds(parts, unit))
  return {
    ...found,
    name: found.name ?? id,
    method,
    ...assembleProfile(parts, unit, (key) => partners.get(key)?.name ?? key),
    coverage: { ...parts.collaborationTypes.coverage },
    data,
  }
}
