import { raw, sql, type Sql } from '@meridian/indicators'
import type { ProfileLevel } from './types.js'

/** What the relations below need: the level, period, policy, roll-up, and one unit or all (`null`). */
export interface Scope {
  readonly level: ProfileLevel
  readonly years: { readonly from: number; readonly to: number } | null
  readonly rollUp: boolean
  readonly countryPolicy: string
  /** The resolved unit key, or `null` for every unit (a batched build). */
  readonly unit: string | null
}

const yearsOf = (alias: string, s: Scope): Sql =>
  s.years ? sql` AND ${raw(alias)}.year BETWEEN ${s.years.from} AND ${s.years.to}` : raw('')

/** Institutions per work, under the top of the ROR chain with `rollUp` (once per work). */
export function workInstitutions(s: Pick<Scope, 'rollUp'>): Sql {
  return s.rollUp
    ? raw(`SELECT i.work_id, i.year, coalesce(r.top_key, i.institution_key) AS unit, sum(i.fractional) AS frac
        FROM work_institutions i LEFT JOIN institution_rollup r ON r.institution_key = i.institution_key
        GROUP BY i.work_id, i.year, coalesce(r.top_key, i.institution_key)`)
    : raw(
        `SELECT i.work_id, i.year, i.institution_key AS unit, i.fractional AS frac FROM work_institutions i`,
      )
}

/** The author key the networks package uses: `orcid:` and the ORCID, else the name as written. */
export const AUTHOR_KEY = `CASE WHEN au.orcid IS NOT NULL THEN 'orcid:' || au.orcid ELSE au.name END`

/**
 * One row per unit and work (`unit`, `work_id`, `year`, `frac`), the same relations the indicator engine counts
 * (`work_countries` under the policy, `work_institutions`), restricted to the period and to the unit when one.
 */
export function unitWorks(s: Scope): Sql {
  const only = (column: string): Sql => (s.unit === null ? raw('') : sql` AND ${raw(column)} = ${s.unit}`)
  switch (s.level) {
    case 'country':
      return sql`SELECT c.country AS unit, c.work_id, c.year, c.fractional AS frac FROM work_countries c
        WHERE c.policy = ${s.countryPolicy}${only('c.country')}${yearsOf('c', s)}`
    case 'institution':
      return sql`SELECT x.unit, x.work_id, x.year, x.frac FROM (${workInstitutions(s)}) x
        WHERE 1 = 1${only('x.unit')}${yearsOf('x', s)}`
    case 'author': {
      // Fractional as the author network counts it: the author's positions over the work's authors.
      const key = raw(AUTHOR_KEY)
      return sql`SELECT ${key} AS unit, au.work_id, w.year, count(*) * 1.0 / max(n.n) AS frac
        FROM authorships au JOIN works w ON w.work_id = au.work_id
        JOIN (SELECT work_id, count(*) AS n FROM authorships GROUP BY work_id) n ON n.work_id = au.work_id
        WHERE au.name IS NOT NULL${only(AUTHOR_KEY)}${yearsOf('w', s)}
        GROUP BY ${key}, au.work_id, w.year`
    }
  }
}
