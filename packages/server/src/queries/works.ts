import { join, raw, sql, type Sql } from '@meridian/indicators'

/** A checked works search: every value is bound as a parameter. */
export interface WorksSearch {
  readonly q: string | null
  readonly country: string | null
  readonly year: number | null
  readonly countryPolicy: string
  readonly limit: number
  readonly offset: number
}

function where(search: WorksSearch): Sql {
  const conditions: Sql[] = [raw('1 = 1')]
  if (search.q !== null)
    conditions.push(
      sql`(position(lower(${search.q}) IN lower(coalesce(w.title, ''))) > 0 OR lower(coalesce(w.doi, '')) = lower(${search.q}))`,
    )
  if (search.year !== null) conditions.push(sql`w.year = ${search.year}`)
  if (search.country !== null)
    conditions.push(sql`EXISTS (SELECT 1 FROM work_countries c
      WHERE c.work_id = w.work_id AND c.policy = ${search.countryPolicy} AND c.country = ${search.country})`)
  return join(conditions, ' AND ')
}

/** How many works match. */
export function worksCountQuery(search: WorksSearch): Sql {
  return sql`SELECT count(*) AS total FROM works w WHERE ${where(search)}`
}

/** One page of matching works, newest first. */
export function worksPageQuery(search: WorksSearch): Sql {
  return sql`SELECT w.work_id AS id, w.doi AS doi, w.title AS title, w.year AS year,
      w.source_title AS source_title, w.cited_by AS cited_by
    FROM works w WHERE ${where(search)}
    ORDER BY CASE WHEN w.year IS NULL THEN 1 ELSE 0 END, w.year DESC, w.work_id
    LIMIT ${search.limit} OFFSET ${search.offset}`
}

/** The countries of a set of works under a policy. */
export function workCountriesQuery(workIds: readonly number[], countryPolicy: string): Sql {
  const ids = join(
    workIds.map((id) => sql`${id}`),
    ', ',
  )
  return sql`SELECT work_id, country FROM work_countries
    WHERE policy = ${countryPolicy} AND work_id IN (${ids}) ORDER BY work_id, country`
}
