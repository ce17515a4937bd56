import type { IndicatorOptions } from './options.js'
import { join, raw, sql, type Sql } from './sql.js'
import { worksFilter } from './work-selection.js'

/** Work-level facts every unit row carries (from `work_facts`). */
const WORK_FACTS = [
  'n_authors',
  'collab_type',
  'intl_class',
  'industry',
  'academia_industry',
  'first_known',
  'last_known',
  'corresponding_known',
  'cited_by',
  'primary_field',
  'geocoded',
  'max_distance_km',
] as const
const factColumns = raw(WORK_FACTS.map((c) => `f.${c}`).join(', '))

/** The years asked for and, when options select works, those works only: every unit relation passes here. */
function yearFilter(alias: string, options: IndicatorOptions): Sql {
  const years = options.years
    ? sql` AND ${raw(alias)}.year BETWEEN ${options.years.from} AND ${options.years.to}`
    : raw('')
  return sql`${years}${worksFilter(options, alias)}`
}

/** A portable inline table: `SELECT ? AS a, ? AS b UNION ALL SELECT ?, ? ...`. */
function inlineTable(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): Sql {
  return join(
    rows.map((row, i) =>
      i === 0
        ? sql`SELECT ${join(
            row.map((v, j) => sql`${v} AS ${raw(columns[j] ?? `c${j}`)}`),
            ', ',
          )}`
        : sql`SELECT ${join(
            row.map((v) => sql`${v}`),
            ', ',
          )}`,
    ),
    ' UNION ALL ',
  )
}

/** Per country and work (the country policy applied); without work facts when the indicator reads none. */
function countryUnits(o: IndicatorOptions, facts: boolean): Sql {
  if (!facts)
    return sql`SELECT c.work_id, c.year, c.country AS unit, c.fractional, c.authors, c.is_first, c.is_last,
        c.is_corresponding, c.n_countries, c.n_countries >= 2 AS international
      FROM work_countries c WHERE c.policy = ${o.countryPolicy}${yearFilter('c', o)}`
  return sql`SELECT c.work_id, c.year, c.country AS unit, c.fractional, c.authors, c.is_first, c.is_last,
      c.is_corresponding, f.corresponding_country = c.country AS is_cc, c.n_countries,
      c.n_countries >= 2 AS international, ${factColumns}
    FROM work_countries c JOIN work_facts f ON f.work_id = c.work_id AND f.policy = c.policy
    WHERE c.policy = ${o.countryPolicy}${yearFilter('c', o)}`
}

/**
 * Per institution and work; international means the work has two or more countries under the policy. With
 * `rollUp`, institutions count under the top of their ROR parent chain, once per work.
 */
function institutionUnits(o: IndicatorOptions): Sql {
  if (o.rollUp)
    return sql`SELECT i.work_id, i.year, coalesce(r.top_key, i.institution_key) AS unit, sum(i.fractional) AS fractional,
        sum(i.authors) AS authors, max(CASE WHEN i.is_first THEN 1 ELSE 0 END) = 1 AS is_first,
        max(CASE WHEN i.is_last THEN 1 ELSE 0 END) = 1 AS is_last,
        max(CASE WHEN i.is_corresponding THEN 1 ELSE 0 END) = 1 AS is_corresponding,
        max(CASE WHEN i.is_corresponding THEN 1 ELSE 0 END) = 1 AS is_cc,
        f.n_countries, f.n_countries >= 2 AS international, ${factColumns}
      FROM work_institutions i LEFT JOIN institution_rollup r ON r.institution_key = i.institution_key
      JOIN work_facts f ON f.work_id = i.work_id AND f.policy = ${o.countryPolicy}
      WHERE 1 = 1${yearFilter('i', o)}
      GROUP BY i.work_id, i.year, coalesce(r.top_key, i.institution_key), f.n_countries, ${factColumns}`
  return sql`SELECT i.work_id, i.year, i.institution_key AS unit, i.fractional, i.authors, i.is_first, i.is_last,
      i.is_corresponding, i.is_corresponding AS is_cc, f.n_countries, f.n_countries >= 2 AS international,
      ${factColumns}
    FROM work_institutions i JOIN work_facts f ON f.work_id = i.work_id AND f.policy = ${o.countryPolicy}
    WHERE 1 = 1${yearFilter('i', o)}`
}

/**
 * Per group and work: a work counts once for a group however many of its countries are members. International is
 * two or more countries, or with `international: 'border'`, a country outside the group.
 */
function groupUnits(o: IndicatorOptions): Sql {
  const members = Object.entries(o.groups ?? {}).flatMap(([group, codes]) =>
    codes.map((c) => [c, group] as const),
  )
  const international =
    o.international === 'border' ? raw('max(c.n_countries) > count(*)') : raw('max(c.n_countries) >= 2')
  return sql`SELECT c.work_id, c.year, m.grp AS unit, sum(c.fractional) AS fractional, sum(c.authors) AS authors,
      max(CASE WHEN c.is_first THEN 1 ELSE 0 END) = 1 AS is_first,
      max(CASE WHEN c.is_last THEN 1 ELSE 0 END) = 1 AS is_last,
      max(CASE WHEN c.is_corresponding THEN 1 ELSE 0 END) = 1 AS is_corresponding,
      max(CASE WHEN f.corresponding_country = c.country THEN 1 ELSE 0 END) = 1 AS is_cc,
      max(c.n_countries) AS n_countries, ${international} AS international, ${factColumns}
    FROM work_countries c
    JOIN (${inlineTable(['country', 'grp'], members)}) m ON m.country = c.country
    JOIN work_facts f ON f.work_id = c.work_id AND f.policy = c.policy
    WHERE c.policy = ${o.countryPolicy}${yearFilter('c', o)}
    GROUP BY c.work_id, c.year, m.grp, ${factColumns}`
}

/** Add `period` to rows with a `year`: one period (0), each year, or the start of each rolling window it lies in. */
export function withPeriods(units: Sql, o: IndicatorOptions): Sql {
  if (o.byYear) return sql`SELECT u0.*, u0.year AS period FROM (${units}) u0`
  if (o.window !== null && o.years) {
    const starts: number[][] = []
    for (let start = o.years.from; start + o.window - 1 <= o.years.to; start++)
      starts.push([start, start + o.window - 1])
    if (starts.length === 0) starts.push([o.years.from, o.years.to])
    return sql`SELECT u0.*, p.p_from AS period FROM (${units}) u0
      JOIN (${inlineTable(['p_from', 'p_to'], starts)}) p ON u0.year BETWEEN p.p_from AND p.p_to`
  }
  return sql`SELECT u0.*, 0 AS period FROM (${units}) u0`
}

/**
 * One row per unit (country, institution or group), work and period, with the unit's weights and roles on the
 * work and the work's facts. Every indicator is a query over this relation, named `u`. With `facts: false` (the
 * indicator reads no work-level fact), country rows skip the join with `work_facts`.
 */
export function units(o: IndicatorOptions, options: { readonly facts?: boolean } = {}): Sql {
  // Corresponding-author counting reads the work's corresponding country, a work fact.
  const facts = (options.facts ?? true) || o.counting === 'corresponding-author'
  const base =
    o.level === 'country'
      ? countryUnits(o, facts)
      : o.level === 'institution'
        ? institutionUnits(o)
        : groupUnits(o)
  return withPeriods(base, o)
}

/** The credit a unit gets for a work under the counting method, as a SQL expression over `u`. */
export function credit(o: IndicatorOptions, alias = 'u'): Sql {
  const a = alias
  switch (o.counting) {
    case 'full':
      return raw('1')
    case 'fractional':
      return raw(`${a}.fractional`)
    case 'first-author':
      return raw(`CASE WHEN ${a}.is_first THEN 1 ELSE 0 END`)
    case 'last-author':
      return raw(`CASE WHEN ${a}.is_last THEN 1 ELSE 0 END`)
    case 'corresponding-author':
      return raw(`CASE WHEN ${a}.is_cc THEN 1 ELSE 0 END`)
    case 'author-appearance':
      return raw(`${a}.authors`)
  }
}

/** The name of the unit key in result rows. */
export function unitKey(o: IndicatorOptions): 'country' | 'institution' | 'group' {
  return o.level
}

/** Row keys from an engine row: the unit, and `year` or `period` when the result is split in time. */
export function rowKeys(row: Record<string, unknown>, o: IndicatorOptions): Record<string, string | number> {
  const keys: Record<string, string | number> = { [unitKey(o)]: String(row.unit) }
  if (o.level === 'institution')
    keys.name = row.unit_name === null || row.unit_name === undefined ? '' : String(row.unit_name)
  if (o.byYear) keys.year = Number(row.period)
  else if (o.window !== null) keys.period = `${Number(row.period)}-${Number(row.period) + o.window - 1}`
  return keys
}

/** Wrap a query whose rows have `unit`: add the institution's name at institution level. */
export function named(query: Sql, o: IndicatorOptions): Sql {
  if (o.level !== 'institution') return query
  return sql`SELECT r.*, i.name AS unit_name FROM (${query}) r LEFT JOIN institutions i ON i.institution_key = r.unit`
}

/**
 * Works per period (`period`, `works`): at country level the works with a country, counted in `work_facts`
 * (cheaper than counting distinct works over the unit rows); at other levels, the works with a unit.
 */
export function worksPerPeriod(o: IndicatorOptions, relation = 'u'): Sql {
  if (o.level !== 'country')
    return sql`SELECT period, count(DISTINCT work_id) AS works FROM ${raw(relation)} GROUP BY period`
  const works = sql`SELECT f.work_id, f.year FROM work_facts f
    WHERE f.policy = ${o.countryPolicy} AND f.n_countries > 0${yearFilter('f', o)}`
  return sql`SELECT period, count(*) AS works FROM (${withPeriods(works, o)}) x GROUP BY period`
}
