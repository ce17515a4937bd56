import { DEFAULT_COUNTRY_POLICY, toCountryCode } from '@meridian/model'
import { FieldError } from '../errors/api-error.js'
import { workCountriesQuery, worksCountQuery, worksPageQuery, type WorksSearch } from '../queries/works.js'
import type { WorksQuery } from '../schemas/works.js'
import type { StoreReader } from './store-reader.js'

/** Page size when none is asked for. */
export const DEFAULT_PAGE_SIZE = 50

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value))
const number = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value)

/** A page of works matching a search, newest first, with their countries under the policy. */
export async function searchWorks(store: StoreReader, query: WorksQuery) {
  const page = query.page ?? 1
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE
  const country = query.country === undefined ? null : toCountryCode(query.country)
  if (query.country !== undefined && country === null)
    throw new FieldError('country', `country "${query.country}" is not an ISO 3166-1 alpha-2 code`)
  const q = query.q?.trim() ?? ''
  const search: WorksSearch = {
    q: q === '' ? null : q,
    country,
    year: query.year ?? null,
    countryPolicy: query.countryPolicy ?? DEFAULT_COUNTRY_POLICY,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  }
  const [[count], rows] = await Promise.all([
    store.runner.all(worksCountQuery(search)),
    store.runner.all(worksPageQuery(search)),
  ])
  const ids = rows.map((r) => Number(r.id))
  const countries = new Map<number, string[]>()
  if (ids.length > 0)
    for (const r of await store.runner.all(workCountriesQuery(ids, search.countryPolicy))) {
      const id = Number(r.work_id)
      countries.set(id, [...(countries.get(id) ?? []), String(r.country)])
    }
  return {
    total: Number(count?.total ?? 0),
    page,
    pageSize,
    works: rows.map((r) => ({
      id: Number(r.id),
      doi: text(r.doi),
      title: text(r.title),
      year: number(r.year),
      sourceTitle: text(r.source_title),
      citedBy: number(r.cited_by),
      countries: countries.get(Number(r.id)) ?? [],
    })),
  }
}
