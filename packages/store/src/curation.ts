import { raw, sql } from '@meridian/indicators'
import type { Database } from './duckdb.js'

/** A case for a curator to review. */
export type CurationCase =
  | {
      readonly kind: 'work-without-country'
      readonly work: WorkRef
      /** `no-affiliations` (the record gave none) or `no-country` (addresses the store could not place). */
      readonly why: 'no-affiliations' | 'no-country'
      readonly example: string | null
    }
  | {
      readonly kind: 'low-confidence' | 'country-disagrees'
      readonly affiliation: string
      readonly ror: string | null
      readonly name: string | null
      /** The matched organisation's country. */
      readonly country: string | null
      /** The country the string itself names. */
      readonly stringCountry: string | null
      readonly confidence: number
      readonly reason: string
      /** Works citing this string, and one of them. */
      readonly works: number
      readonly work: WorkRef
    }

/** How a case names a work: its best identifier and where it was read. */
export interface WorkRef {
  readonly id: string
  readonly title: string | null
  readonly year: number | null
  readonly file: string
  readonly line: number
}

const WORK_ID = `coalesce('doi:' || w.doi, 'wos:' || w.wos_ut, 'scopus:' || w.scopus_eid, 'pmid:' || w.pmid,
  'openalex:' || w.openalex_id, 'work:' || w.work_id)`

const ref = (r: Record<string, unknown>): WorkRef => ({
  id: String(r.id),
  title: (r.title as string | null) ?? null,
  year: r.year === null || r.year === undefined ? null : Number(r.year),
  file: String(r.file),
  line: Number(r.line),
})

/**
 * Suspicious cases, most consequential first: matched strings whose organisation's country differs from the
 * country the string names, matches below `lowConfidence`, and works with no country (at most `limit` each).
 */
export async function readCurationCases(
  db: Database,
  options: { readonly lowConfidence: number; readonly limit: number },
): Promise<CurationCase[]> {
  const strings = await db.all(sql`WITH used AS (
      SELECT a.raw, count(DISTINCT a.work_id) AS works, min(a.work_id) AS work_id FROM affiliations a
      WHERE a.raw IS NOT NULL GROUP BY a.raw
    )
    SELECT m.raw, m.ror, i.name, i.country, m.string_country, m.confidence, m.reason, u.works,
      CASE WHEN m.string_country IS NOT NULL AND i.country IS NOT NULL AND i.country <> m.string_country
        THEN 'country-disagrees' ELSE 'low-confidence' END AS kind,
      ${raw(WORK_ID)} AS id, w.title, w.year, w.file, w.line
    FROM affiliation_matches m JOIN used u ON u.raw = m.raw JOIN works w ON w.work_id = u.work_id
    LEFT JOIN institutions i ON i.institution_key = m.ror
    WHERE m.basis = 'matcher' AND m.ror IS NOT NULL
      AND ((m.string_country IS NOT NULL AND i.country IS NOT NULL AND i.country <> m.string_country)
        OR m.confidence < ${options.lowConfidence})
    ORDER BY kind, u.works DESC, m.raw LIMIT ${2 * options.limit}`)
  const works = await db.all(sql`SELECT ${raw(WORK_ID)} AS id, w.title,
      w.year, w.file, w.line,
      (SELECT min(a.raw) FROM affiliations a WHERE a.work_id = w.work_id AND a.raw IS NOT NULL) AS example
    FROM works w JOIN work_facts f ON f.work_id = w.work_id AND f.policy = 'iso'
    WHERE f.n_countries = 0 ORDER BY w.work_id LIMIT ${options.limit}`)
  return [
    ...strings.map((r): CurationCase => ({
      kind: r.kind === 'country-disagrees' ? 'country-disagrees' : 'low-confidence',
      affiliation: String(r.raw),
      ror: (r.ror as string | null) ?? null,
      name: (r.name as string | null) ?? null,
      country: (r.country as string | null) ?? null,
      stringCountry: (r.string_country as string | null) ?? null,
      confidence: Number(r.confidence),
      reason: String(r.reason),
      works: Number(r.works),
      work: ref(r),
    })),
    ...works.map((r): CurationCase => ({
      kind: 'work-without-country',
      work: ref(r),
      why: r.example === null ? 'no-affiliations' : 'no-country',
      example: (r.example as string | null) ?? null,
    })),
  ]
}

/** An override as applied: one affiliation string it changed, with the works citing it. */
export interface AppliedFix {
  readonly affiliation: string
  readonly ror: string | null
  readonly country: string | null
  /** The rule (file:line and note). */
  readonly reason: string
  readonly works: number
  /** Up to five DOIs of works citing the string, for the upstream report. */
  readonly dois: readonly string[]
}

/** The affiliation overrides in effect, per string they apply to (for sending fixes upstream). */
export async function readAppliedFixes(db: Database): Promise<AppliedFix[]> {
  const rows = await db.all(sql`SELECT m.raw, m.ror, m.country, m.reason,
      count(DISTINCT a.work_id) AS works,
      (SELECT string_agg(doi, ' ' ORDER BY doi) FROM (
        SELECT DISTINCT w.doi FROM affiliations a2 JOIN works w ON w.work_id = a2.work_id
        WHERE a2.raw = m.raw AND w.doi IS NOT NULL ORDER BY w.doi LIMIT 5) d) AS dois
    FROM affiliation_matches m LEFT JOIN affiliations a ON a.raw = m.raw
    WHERE m.basis = 'override'
    GROUP BY m.raw, m.ror, m.country, m.reason ORDER BY m.reason, m.raw`)
  return rows.map((r) => ({
    affiliation: String(r.raw),
    ror: (r.ror as string | null) ?? null,
    country: (r.country as string | null) ?? null,
    reason: String(r.reason),
    works: Number(r.works),
    dois: typeof r.dois === 'string' && r.dois !== '' ? r.dois.split(' ') : [],
  }))
}
