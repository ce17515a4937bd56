import { join, raw, sql, type Sql } from '@meridian/indicators'
import type { NetworkOptions } from './options.js'

/** The works a network counts, as a condition on `works w`: years, fields, and at most `maxAuthors` authors. */
function workFilter(options: NetworkOptions): Sql {
  const years = options.years
    ? sql`w.year BETWEEN ${options.years.from} AND ${options.years.to}`
    : raw('true')
  const fields = options.fields
    ? sql`w.work_id IN (SELECT wf.work_id FROM work_fields wf WHERE wf.field IN (${join(
        options.fields.map((f) => sql`${f}`),
        ', ',
      )}))`
    : raw('true')
  const crowded =
    options.maxAuthors === null
      ? raw('true')
      : sql`w.work_id NOT IN (SELECT work_id FROM authorships GROUP BY work_id HAVING count(*) > ${options.maxAuthors})`
  return sql`${years} AND ${fields} AND ${crowded}`
}

/** Group membership as a portable inline table (`country`, `grp`), every value a parameter. */
function members(groups: Readonly<Record<string, readonly string[]>>): Sql {
  const pairs = Object.entries(groups).flatMap(([group, codes]) => codes.map((c) => [c, group] as const))
  return join(
    pairs.map(([country, group], i) =>
      i === 0 ? sql`SELECT ${country} AS country, ${group} AS grp` : sql`SELECT ${country}, ${group}`,
    ),
    ' UNION ALL ',
  )
}

/**
 * The units of each work (`work_id`, `unit`, `label`, `frac`): one row per work and unit, `frac` the unit's
 * author-level fractional share of the work. Portable SQL over the store's tables.
 */
export function unitsOfWorks(options: NetworkOptions): Sql {
  const works = workFilter(options)
  switch (options.level) {
    case 'country':
      return sql`SELECT wc.work_id, wc.country AS unit, wc.country AS label, wc.fractional AS frac
        FROM work_countries wc JOIN works w ON w.work_id = wc.work_id
        WHERE wc.policy = ${options.countryPolicy} AND ${works}`
    case 'group':
      // Once per group and work, however many member countries the work has; its share is theirs summed.
      return sql`SELECT wc.work_id, m.grp AS unit, m.grp AS label, sum(wc.fractional) AS frac
        FROM work_countries wc JOIN works w ON w.work_id = wc.work_id
        JOIN (${members(options.groups ?? {})}) m ON m.country = wc.country
        WHERE wc.policy = ${options.countryPolicy} AND ${works}
        GROUP BY wc.work_id, m.grp`
    case 'institution':
      return sql`SELECT aff.work_id, aff.unit, coalesce(min(i.name), aff.unit) AS label,
          sum(1.0 / (pw.n * pa.n)) AS frac
        FROM (SELECT DISTINCT a.work_id, a.position, a.institution_key AS unit
              FROM affiliations a JOIN works w ON w.work_id = a.work_id
              WHERE a.position >= 0 AND a.institution_key IS NOT NULL AND ${works}) aff
        JOIN (SELECT a.work_id, a.position, count(DISTINCT a.institution_key) AS n FROM affiliations a
              WHERE a.position >= 0 AND a.institution_key IS NOT NULL GROUP BY a.work_id, a.position) pa
          ON pa.work_id = aff.work_id AND pa.position = aff.position
        JOIN (SELECT a.work_id, count(DISTINCT a.position) AS n FROM affiliations a
              WHERE a.position >= 0 AND a.institution_key IS NOT NULL GROUP BY a.work_id) pw
          ON pw.work_id = aff.work_id
        LEFT JOIN institutions i ON i.institution_key = aff.unit
        GROUP BY aff.work_id, aff.unit`
    case 'author': {
      const key =
        options.authorKey === 'name' ? raw('au.name') : raw(`coalesce('orcid:' || au.orcid, au.name)`)
      return sql`SELECT au.work_id, ${key} AS unit, min(au.name) AS label, count(*) * 1.0 / max(n.n) AS frac
        FROM authorships au JOIN works w ON w.work_id = au.work_id
        JOIN (SELECT work_id, count(*) AS n FROM authorships GROUP BY work_id) n ON n.work_id = au.work_id
        WHERE au.name IS NOT NULL AND ${works}
        GROUP BY au.work_id, ${key}`
    }
  }
}

/** Nodes: id, label, works, fractional works, citations; only those with at least `minWorks` works. */
export function nodesQuery(options: NetworkOptions): Sql {
  return sql`WITH u AS (${unitsOfWorks(options)})
    SELECT u.unit AS id, min(u.label) AS label, count(*) AS works, sum(u.frac) AS fractional_works,
      sum(coalesce(w.cited_by, 0)) AS citations
    FROM u JOIN works w ON w.work_id = u.work_id
    GROUP BY u.unit HAVING count(*) >= ${options.minWorks}
    ORDER BY u.unit`
}

/**
 * Links between kept nodes: `full` = works shared; `fractional` = sum over shared works of 1 / (n - 1), n the
 * work's number of units before any threshold (Perianes-Rodriguez, Waltman & van Eck 2016).
 */
export function linksQuery(options: NetworkOptions): Sql {
  return sql`WITH u AS (${unitsOfWorks(options)}),
    n AS (SELECT work_id, count(*) AS n FROM u GROUP BY work_id),
    kept AS (SELECT unit FROM u GROUP BY unit HAVING count(*) >= ${options.minWorks}),
    k AS (SELECT u.work_id, u.unit FROM u JOIN kept ON kept.unit = u.unit)
    SELECT a.unit AS source, b.unit AS target, count(*) AS full_strength,
      sum(1.0 / (n.n - 1)) AS fractional_strength
    FROM k a JOIN k b ON a.work_id = b.work_id AND a.unit < b.unit
    JOIN n ON n.work_id = a.work_id
    GROUP BY a.unit, b.unit
    ORDER BY a.unit, b.unit`
}
