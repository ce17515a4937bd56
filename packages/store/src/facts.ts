import { COUNTRY_POLICIES, type CountryPolicy } from '@meridian/model'
import { join, raw, sql, type Sql } from '@meridian/indicators'
import type { Database } from './duckdb.js'

/** Great-circle distance between g1 and g2 in km (haversine, R = 6371.01 km); clamped against rounding. */
const HAVERSINE_KM = raw(`2 * 6371.01 * asin(sqrt(least(1.0,
  power(sin(radians(g2.lat - g1.lat) / 2), 2)
  + cos(radians(g1.lat)) * cos(radians(g2.lat)) * power(sin(radians(g2.lon - g1.lon) / 2), 2))))`)

/** `country` after the policy's remaps, as a SQL expression over column `column`. */
function mapped(policy: CountryPolicy, column: string): Sql {
  const remaps = Object.entries(policy.remaps)
  if (remaps.length === 0) return raw(column)
  const cases = remaps.map(([from, to]) => sql`WHEN ${from} THEN ${to}`)
  return sql`CASE ${raw(column)} ${join(cases, ' ')} ELSE ${raw(column)} END`
}

/**
 * Per-work, per-country facts for the works of one ingest run, under one country policy.
 * Author-level fractional weight: each author with a known country gets 1/n (n = such authors on the work),
 * split equally over that author's affiliations with a known country, so a work's weights sum to 1.
 */
function countryFacts(policy: CountryPolicy, revision: number): Sql {
  const bx = policy.extraction === 'bibliometrix'
  return sql`INSERT INTO work_countries
    WITH aff AS (
      SELECT a.work_id, a.position, ${mapped(policy, 'a.country')} AS country
      FROM affiliations a JOIN works w ON w.work_id = a.work_id
      WHERE w.facts_revision = ${revision} AND a.position >= 0 AND a.country IS NOT NULL
    ),
    known AS (SELECT * FROM aff WHERE country IS NOT NULL),
    per_author AS (SELECT work_id, position, count(*) AS n_aff FROM known GROUP BY work_id, position),
    per_work AS (SELECT work_id, count(*) AS n_auth FROM per_author GROUP BY work_id),
    last_pos AS (
      SELECT au.work_id, max(au.position) AS last_position FROM authorships au JOIN works w ON w.work_id = au.work_id
      WHERE w.facts_revision = ${revision} GROUP BY au.work_id
    ),
    flagged AS (
      SELECT au.work_id, au.position FROM authorships au JOIN works w ON w.work_id = au.work_id
      WHERE w.facts_revision = ${revision} AND au.is_corresponding
    ),
    reprint AS (
      SELECT DISTINCT a.work_id, ${mapped(policy, 'a.country')} AS country
      FROM affiliations a JOIN works w ON w.work_id = a.work_id
      WHERE w.facts_revision = ${revision} AND a.position = -1 AND a.country IS NOT NULL
    ),
    per_country AS (
      SELECT k.work_id, k.country,
        sum(1.0 / (pw.n_auth * pa.n_aff)) AS fractional,
        count(DISTINCT k.position) AS authors,
        max(CASE WHEN k.position = 0 THEN 1 ELSE 0 END) AS is_first,
        max(CASE WHEN k.position = lp.last_position THEN 1 ELSE 0 END) AS is_last,
        max(CASE WHEN f.position IS NOT NULL THEN 1 ELSE 0 END) AS is_flagged
      FROM known k
      JOIN per_author pa ON pa.work_id = k.work_id AND pa.position = k.position
      JOIN per_work pw ON pw.work_id = k.work_id
      JOIN last_pos lp ON lp.work_id = k.work_id
      LEFT JOIN flagged f ON f.work_id = k.work_id AND f.position = k.position
      GROUP BY k.work_id, k.country
    ),
    n AS (SELECT work_id, count(*) AS n_countries FROM per_country GROUP BY work_id),
    has_reprint AS (SELECT DISTINCT work_id FROM reprint),
    ours AS (
      SELECT pc.work_id, w.year, pc.country, pc.fractional, pc.authors, pc.is_first = 1 AS is_first,
        pc.is_last = 1 AS is_last,
        CASE WHEN hr.work_id IS NOT NULL THEN r.work_id IS NOT NULL ELSE pc.is_flagged = 1 END AS is_corresponding,
        n.n_countries, w.has_bibliometrix
      FROM per_country pc JOIN n ON n.work_id = pc.work_id JOIN works w ON w.work_id = pc.work_id
      LEFT JOIN has_reprint hr ON hr.work_id = pc.work_id
      LEFT JOIN reprint r ON r.work_id = pc.work_id AND r.country = pc.country
    )
    ${
      bx
        ? bibliometrixCountries(policy, revision)
        : sql`SELECT ${policy.id}, work_id, year, country, fractional, authors, is_first, is_last, is_corresponding,
        n_countries FROM ours`
    }`
}

/**
 * The `bibliometrix` extraction: works bibliometrix can read (WoS) get the countries its extraction reports
 * (fractional weight split equally, as it has no author-level fractional counting); roles come from ours.
 */
function bibliometrixCountries(policy: CountryPolicy, revision: number): Sql {
  const role = (name: string) => sql`SELECT DISTINCT b.work_id, ${mapped(policy, 'b.country')} AS country
    FROM work_bibliometrix b JOIN works w ON w.work_id = b.work_id
    WHERE w.facts_revision = ${revision} AND b.role = ${name}`
  return sql`, bx AS (SELECT * FROM (${role('country')}) t WHERE country IS NOT NULL),
    bx_n AS (SELECT work_id, count(*) AS n_countries FROM bx GROUP BY work_id),
    bx_corresponding AS (SELECT * FROM (${role('corresponding')}) t WHERE country IS NOT NULL)
    SELECT ${policy.id}, work_id, year, country, fractional, authors, is_first, is_last, is_corresponding, n_countries
    FROM ours WHERE NOT has_bibliometrix
    UNION ALL
    SELECT ${policy.id}, bx.work_id, w.year, bx.country, 1.0 / bx_n.n_countries, coalesce(o.authors, 0),
      coalesce(o.is_first, false), coalesce(o.is_last, false), c.work_id IS NOT NULL, bx_n.n_countries
    FROM bx JOIN bx_n ON bx_n.work_id = bx.work_id JOIN works w ON w.work_id = bx.work_id
    LEFT JOIN ours o ON o.work_id = bx.work_id AND o.country = bx.country
    LEFT JOIN bx_corresponding c ON c.work_id = bx.work_id AND c.country = bx.country`
}

/**
 * Per-work facts for one ingest run under one policy: numbers of countries, institutions and authors, the
 * collaboration type, industry flags, and the corresponding-author country (the reprint address, else the
 * authors flagged corresponding, else the first address: the policy bibliometrix uses).
 */
function workFacts(policy: CountryPolicy, revision: number): Sql {
  // Under the bibliometrix extraction, works it can read take its corresponding country, with no fallback.
  const bx = policy.extraction === 'bibliometrix'
  const ownCorresponding = bx ? raw('NOT has_bibliometrix') : raw('true')
  return sql`INSERT INTO work_facts
    WITH w AS (SELECT work_id, year, has_bibliometrix, source, authors_truncated FROM works WHERE facts_revision = ${revision}),
    bx AS (
      SELECT b.work_id, min(${mapped(policy, 'b.country')}) AS country FROM work_bibliometrix b JOIN w ON w.work_id = b.work_id
      WHERE ${bx ? raw('true') : raw('false')} AND b.role = 'corresponding' GROUP BY b.work_id
    ),
    aff AS (
      SELECT a.work_id, a.position, a.seq, a.institution_key, a.raw, ${mapped(policy, 'a.country')} AS country,
        ${ownCorresponding} AS own_corresponding
      FROM affiliations a JOIN w ON w.work_id = a.work_id
    ),
    inst AS (
      SELECT a.work_id,
        count(DISTINCT coalesce(a.institution_key, 'raw:' || lower(trim(split_part(a.raw, ',', 1))))) AS n_institutions,
        max(CASE WHEN i.type = 'company' THEN 1 ELSE 0 END) AS company,
        max(CASE WHEN i.type IN ('education', 'facility', 'government', 'healthcare') THEN 1 ELSE 0 END) AS academia
      FROM aff a LEFT JOIN institutions i ON i.institution_key = a.institution_key
      WHERE a.position >= 0 AND (a.institution_key IS NOT NULL OR a.raw IS NOT NULL)
      GROUP BY a.work_id
    ),
    geo AS (
      SELECT DISTINCT a.work_id, i.institution_key, i.lat, i.lon
      FROM aff a JOIN institutions i ON i.institution_key = a.institution_key
      WHERE a.position >= 0 AND i.lat IS NOT NULL AND i.lon IS NOT NULL
    ),
    geo_n AS (SELECT work_id, count(*) AS geocoded FROM geo GROUP BY work_id),
    distance AS (
      SELECT g1.work_id, max(${HAVERSINE_KM}) AS max_km
      FROM geo g1 JOIN geo g2 ON g2.work_id = g1.work_id AND g2.institution_key > g1.institution_key
      GROUP BY g1.work_id
    ),
    primary_field AS (
      SELECT wf.work_id, min(wf.field) AS field FROM work_fields wf JOIN w ON w.work_id = wf.work_id
      WHERE wf.position = 0 GROUP BY wf.work_id
    ),
    authors AS (
      SELECT au.work_id, count(*) AS n_authors, max(au.position) AS last_position
      FROM authorships au JOIN w ON w.work_id = au.work_id GROUP BY au.work_id
    ),
    wc AS (
      SELECT work_id, max(n_countries) AS n_countries, max(CASE WHEN is_first THEN 1 ELSE 0 END) AS first_known,
        max(CASE WHEN is_last THEN 1 ELSE 0 END) AS last_known
      FROM work_countries WHERE policy = ${policy.id} AND work_id IN (SELECT work_id FROM w) GROUP BY work_id
    ),
    reprint AS (
      SELECT work_id, min(country) AS country FROM aff WHERE position = -1 AND country IS NOT NULL AND own_corresponding
      GROUP BY work_id
    ),
    flagged AS (
      SELECT work_id, country FROM (
        SELECT a.work_id, a.country, row_number() OVER (PARTITION BY a.work_id ORDER BY a.position, a.seq) AS rn
        FROM aff a JOIN authorships au ON au.work_id = a.work_id AND au.position = a.position
        WHERE au.is_corresponding AND a.country IS NOT NULL AND a.own_corresponding
      ) t WHERE rn = 1
    ),
    first_address AS (
      SELECT work_id, country FROM (
        SELECT work_id, country, row_number() OVER (PARTITION BY work_id ORDER BY position, seq) AS rn
        FROM aff WHERE position >= 0 AND country IS NOT NULL AND own_corresponding
      ) t WHERE rn = 1
    )
    SELECT ${policy.id}, w.work_id, w.year, coalesce(wc.n_countries, 0), coalesce(inst.n_institutions, 0),
      coalesce(authors.n_authors, 0),
      CASE
        WHEN coalesce(wc.n_countries, 0) = 0 THEN 'unknown'
        WHEN wc.n_countries >= 2 THEN 'international'
        WHEN coalesce(inst.n_institutions, 0) <= 1 THEN 'single-institution'
        ELSE 'domestic'
      END,
      CASE WHEN wc.n_countries = 2 THEN 'bilateral' WHEN wc.n_countries = 3 THEN 'trilateral'
        WHEN wc.n_countries >= 4 THEN 'quadrilateral-plus' END,
      coalesce(inst.company, 0) = 1, coalesce(inst.company, 0) = 1 AND coalesce(inst.academia, 0) = 1,
      coalesce(wc.first_known, 0) = 1, coalesce(wc.last_known, 0) = 1,
      coalesce(bx.country, reprint.country, flagged.country) IS NOT NULL,
      coalesce(bx.country, reprint.country, flagged.country, first_address.country),
      CASE WHEN bx.country IS NOT NULL THEN 'bibliometrix' WHEN reprint.country IS NOT NULL THEN 'reprint'
        WHEN flagged.country IS NOT NULL THEN 'flagged' WHEN first_address.country IS NOT NULL THEN 'first-address' END,
      works.cited_by, primary_field.field, coalesce(geo_n.geocoded, 0), distance.max_km, w.source,
      coalesce(inst.n_institutions, 0) > 0 OR coalesce(wc.n_countries, 0) > 0, w.authors_truncated
    FROM w
    LEFT JOIN wc ON wc.work_id = w.work_id
    LEFT JOIN inst ON inst.work_id = w.work_id
    LEFT JOIN authors ON authors.work_id = w.work_id
    LEFT JOIN reprint ON reprint.work_id = w.work_id
    LEFT JOIN flagged ON flagged.work_id = w.work_id
    LEFT JOIN first_address ON first_address.work_id = w.work_id
    LEFT JOIN bx ON bx.work_id = w.work_id
    LEFT JOIN works ON works.work_id = w.work_id
    LEFT JOIN primary_field ON primary_field.work_id = w.work_id
    LEFT JOIN geo_n ON geo_n.work_id = w.work_id
    LEFT JOIN distance ON distance.work_id = w.work_id`
}

/**
 * Per-work, per-institution facts (institutions do not depend on the country policy). Fractional weights as
 * for countries, over the authors with at least one institution.
 */
function institutionFacts(revision: number): Sql {
  return sql`INSERT INTO work_institutions
    WITH known AS (
      SELECT a.work_id, a.position, a.institution_key FROM affiliations a JOIN works w ON w.work_id = a.work_id
      WHERE w.facts_revision = ${revision} AND a.position >= 0 AND a.institution_key IS NOT NULL
    ),
    per_author AS (SELECT work_id, position, count(*) AS n_aff FROM known GROUP BY work_id, position),
    per_work AS (SELECT work_id, count(*) AS n_auth FROM per_author GROUP BY work_id),
    authors AS (
      SELECT au.work_id, max(au.position) AS last_position
      FROM authorships au JOIN works w ON w.work_id = au.work_id WHERE w.facts_revision = ${revision} GROUP BY au.work_id
    ),
    flagged AS (
      SELECT au.work_id, au.position FROM authorships au JOIN works w ON w.work_id = au.work_id
      WHERE w.facts_revision = ${revision} AND au.is_corresponding
    )
    SELECT k.work_id, w.year, k.institution_key, sum(1.0 / (pw.n_auth * pa.n_aff)), count(DISTINCT k.position),
      max(CASE WHEN k.position = 0 THEN 1 ELSE 0 END) = 1,
      max(CASE WHEN k.position = au.last_position THEN 1 ELSE 0 END) = 1,
      max(CASE WHEN f.position IS NOT NULL THEN 1 ELSE 0 END) = 1
    FROM known k
    JOIN per_author pa ON pa.work_id = k.work_id AND pa.position = k.position
    JOIN per_work pw ON pw.work_id = k.work_id
    JOIN authors au ON au.work_id = k.work_id
    JOIN works w ON w.work_id = k.work_id
    LEFT JOIN flagged f ON f.work_id = k.work_id AND f.position = k.position
    GROUP BY k.work_id, w.year, k.institution_key`
}

/**
 * Compute the facts of the works marked with `facts_revision = revision` (added or changed by one operation)
 * under every known country policy, replacing any facts they had.
 */
export async function computeFacts(db: Database, revision: number): Promise<void> {
  for (const table of ['work_facts', 'work_countries', 'work_institutions'])
    await db.all(
      sql`DELETE FROM ${raw(table)} WHERE work_id IN (SELECT work_id FROM works WHERE facts_revision = ${revision})`,
    )
  await db.all(institutionFacts(revision))
  for (const policy of Object.values(COUNTRY_POLICIES)) {
    await db.all(countryFacts(policy, revision))
    await db.all(workFacts(policy, revision))
  }
}
