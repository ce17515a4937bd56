import { raw, sql, type Sql, type YearRange } from '@meridian/indicators'
import { AUTHOR_KEY, unitWorks, workInstitutions, type Scope } from './unit-works.js'

/** The two windows a trend compares. */
export interface Windows {
  readonly recent: YearRange
  readonly previous: YearRange
}

/** `recent` and `previous`: works of a group in each window, as SQL sums over a relation with `year`. */
function windowSums(alias: string, w: Windows): Sql {
  const y = raw(`${alias}.year`)
  return sql`sum(CASE WHEN ${y} BETWEEN ${w.recent.from} AND ${w.recent.to} THEN 1 ELSE 0 END) AS recent,
    sum(CASE WHEN ${y} BETWEEN ${w.previous.from} AND ${w.previous.to} THEN 1 ELSE 0 END) AS previous`
}

/** Per unit: works, fractional works, works in each window and works with a field. */
export function totalsQuery(s: Scope, w: Windows): Sql {
  return sql`WITH uw AS (${unitWorks(s)})
    SELECT uw.unit, count(*) AS works, sum(uw.frac) AS fractional, ${windowSums('uw', w)},
      sum(CASE WHEN EXISTS (SELECT 1 FROM work_fields f WHERE f.work_id = uw.work_id) THEN 1 ELSE 0 END) AS with_field
    FROM uw GROUP BY uw.unit`
}

/** Per unit and year: works (full) and fractional works. */
export function byYearQuery(s: Scope): Sql {
  return sql`WITH uw AS (${unitWorks(s)})
    SELECT uw.unit, uw.year, count(*) AS works, sum(uw.frac) AS fractional
    FROM uw WHERE uw.year IS NOT NULL GROUP BY uw.unit, uw.year`
}

/** Per unit and field (any position): works, and works in each window. */
export function fieldsQuery(s: Scope, w: Windows): Sql {
  return sql`WITH uw AS (${unitWorks(s)}), f AS (SELECT DISTINCT work_id, field FROM work_fields WHERE field IS NOT NULL)
    SELECT uw.unit, f.field AS name, count(*) AS works, ${windowSums('uw', w)}
    FROM uw JOIN f ON f.work_id = uw.work_id GROUP BY uw.unit, f.field`
}

/**
 * Per unit and keyword: works, works in each window, and the term frequency weighted by recency (half-life
 * `halfLife` years before the period's end) and citations (ln(2 + citations)); `df` its works in the store.
 */
export function keywordsQuery(s: Scope, w: Windows, halfLife: number): Sql {
  return sql`WITH uw AS (${unitWorks(s)}),
    k AS (SELECT DISTINCT work_id, keyword, kind FROM work_keywords WHERE keyword IS NOT NULL),
    df AS (SELECT keyword, kind, count(*) AS df FROM k GROUP BY keyword, kind)
    SELECT uw.unit, k.keyword AS name, k.kind, count(*) AS works, ${windowSums('uw', w)},
      sum(power(0.5, (${w.recent.to} - coalesce(uw.year, ${w.recent.to})) / (1.0 * ${halfLife}))
        * ln(2 + coalesce(wk.cited_by, 0))) AS tf, max(df.df) AS df
    FROM uw JOIN k ON k.work_id = uw.work_id JOIN works wk ON wk.work_id = uw.work_id
    JOIN df ON df.keyword = k.keyword AND df.kind = k.kind
    GROUP BY uw.unit, k.keyword, k.kind`
}

/**
 * Per unit and partner country: works together, in each window. Country level: the other countries of the
 * unit's works; institution level: the countries other than the institution's own; author level: all countries.
 */
export function partnerCountriesQuery(s: Scope, w: Windows): Sql {
  const exclude =
    s.level === 'country'
      ? raw('AND pc.country <> uw.unit')
      : s.level === 'institution'
        ? raw('AND (own.country IS NULL OR pc.country <> own.country)')
        : raw('')
  const ownJoin =
    s.level === 'institution' ? raw('LEFT JOIN institutions own ON own.institution_key = uw.unit') : raw('')
  return sql`WITH uw AS (${unitWorks(s)})
    SELECT uw.unit, pc.country AS partner, count(*) AS works, ${windowSums('uw', w)}
    FROM uw ${ownJoin} JOIN work_countries pc ON pc.work_id = uw.work_id AND pc.policy = ${s.countryPolicy} ${exclude}
    GROUP BY uw.unit, pc.country`
}

/**
 * Per unit and partner institution (under roll-up when asked): works together, in each window. Country level:
 * institutions of other (or unknown) countries; institution level: the other institutions; author level: all.
 */
export function partnerInstitutionsQuery(s: Scope, w: Windows): Sql {
  const exclude =
    s.level === 'country'
      ? raw('WHERE (i.country IS NULL OR i.country <> uw.unit)')
      : s.level === 'institution'
        ? raw('WHERE pi.unit <> uw.unit')
        : raw('')
  return sql`WITH uw AS (${unitWorks(s)}), pi AS (${workInstitutions(s)})
    SELECT uw.unit, pi.unit AS partner, min(i.name) AS name, count(*) AS works, ${windowSums('uw', w)}
    FROM uw JOIN pi ON pi.work_id = uw.work_id LEFT JOIN institutions i ON i.institution_key = pi.unit
    ${exclude}
    GROUP BY uw.unit, pi.unit`
}

/**
 * Authors only (the indicator engine has no author level): per author, the works where they are first author or
 * corresponding, with a known role, citations of cited works, and industry works (`work_facts`).
 */
export function authorFactsQuery(s: Scope): Sql {
  return sql`WITH uw AS (${unitWorks(s)}),
    roles AS (SELECT au.work_id, ${raw(AUTHOR_KEY)} AS unit,
      max(CASE WHEN au.position = 0 THEN 1 ELSE 0 END) AS first,
      max(CASE WHEN au.is_corresponding THEN 1 ELSE 0 END) AS corresponding
      FROM authorships au GROUP BY au.work_id, ${raw(AUTHOR_KEY)})
    SELECT uw.unit, sum(CASE WHEN wk.cited_by IS NOT NULL THEN 1 ELSE 0 END) AS cited,
      sum(coalesce(wk.cited_by, 0)) AS citations,
      sum(CASE WHEN f.industry THEN 1 ELSE 0 END) AS industry, sum(CASE WHEN f.work_id IS NOT NULL THEN 1 ELSE 0 END) AS typed,
      sum(r.first) AS first, sum(r.corresponding) AS corresponding
    FROM uw JOIN works wk ON wk.work_id = uw.work_id
    LEFT JOIN work_facts f ON f.work_id = uw.work_id AND f.policy = ${s.countryPolicy}
    LEFT JOIN roles r ON r.work_id = uw.work_id AND r.unit = uw.unit
    GROUP BY uw.unit`
}

/** Whether the store has `work_keywords` (older stores do not). */
export const keywordTableQuery = sql`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ${'work_keywords'}`

/** The last publication year in the store (the end of an open period). */
export const lastYearQuery = sql`SELECT max(year) AS last FROM works`
