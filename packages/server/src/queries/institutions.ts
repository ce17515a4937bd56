import { join, raw, sql, type Sql } from '@meridian/indicators'

/** A checked institutions search: every value is bound as a parameter. */
export interface InstitutionsSearch {
  readonly q: string | null
  readonly country: string | null
  readonly limit: number
  readonly offset: number
}

const COLUMNS = raw(`i.institution_key AS institution, i.name AS name, i.ror AS ror,
  i.openalex_id AS openalex_id, i.type AS type, i.country AS country`)

function where(search: InstitutionsSearch): Sql {
  const conditions: Sql[] = [raw('1 = 1')]
  if (search.q !== null)
    conditions.push(
      sql`(position(lower(${search.q}) IN lower(coalesce(i.name, ''))) > 0
        OR lower(i.institution_key) = lower(${search.q}) OR lower(coalesce(i.ror, '')) = lower(${search.q})
        OR lower(coalesce(i.openalex_id, '')) = lower(${search.q}))`,
    )
  if (search.country !== null) conditions.push(sql`upper(coalesce(i.country, '')) = ${search.country}`)
  return join(conditions, ' AND ')
}

/** How many institutions match. */
export function institutionsCountQuery(search: InstitutionsSearch): Sql {
  return sql`SELECT count(*) AS total FROM institutions i WHERE ${where(search)}`
}

/** One page of matching institutions, most works first, with their number of works. */
export function institutionsPageQuery(search: InstitutionsSearch): Sql {
  return sql`SELECT ${COLUMNS}, coalesce(w.works, 0) AS works
    FROM institutions i
    LEFT JOIN (SELECT institution_key, count(DISTINCT work_id) AS works FROM work_institutions
      GROUP BY institution_key) w ON w.institution_key = i.institution_key
    WHERE ${where(search)}
    ORDER BY coalesce(w.works, 0) DESC, i.name, i.institution_key
    LIMIT ${search.limit} OFFSET ${search.offset}`
}

/** The institutions with these keys (one, to check that a key exists; or a profile's partners). */
export function institutionsByKeyQuery(keys: readonly string[]): Sql {
  const list = join(
    keys.map((key) => sql`${key}`),
    ', ',
  )
  return sql`SELECT ${COLUMNS} FROM institutions i WHERE i.institution_key IN (${list})`
}
