import { sql, type SqlRunner } from '@meridian/indicators'

/** Counts of works in one slice of the store. */
export interface WorkCounts {
  readonly works: number
  readonly worksWithCountry: number
  readonly internationalWorks: number
  /** Data quality: works with any affiliation (address, institution or country). */
  readonly worksWithAffiliations: number
  /** Works whose corresponding author's country is known (reprint address or flagged author; no fallback). */
  readonly worksWithCorrespondingAuthor: number
  /** Works whose source says the author list is cut short. */
  readonly worksWithTruncatedAuthors: number
}

/** A summary of the store. */
export interface StoreStatus extends WorkCounts {
  /** Patents stored, apart from works. */
  readonly patents: number
  readonly countryPolicy: string
  readonly synthetic: boolean
  readonly sources: readonly (WorkCounts & { readonly source: string; readonly format: string })[]
  readonly years: readonly (WorkCounts & { readonly year: number | null })[]
}

const counts = (row: Record<string, unknown> | undefined): WorkCounts => ({
  works: Number(row?.works ?? 0),
  worksWithCountry: Number(row?.with_country ?? 0),
  internationalWorks: Number(row?.international ?? 0),
  worksWithAffiliations: Number(row?.with_affiliations ?? 0),
  worksWithCorrespondingAuthor: Number(row?.corresponding_known ?? 0),
  worksWithTruncatedAuthors: Number(row?.truncated ?? 0),
})

export async function readStatus(db: SqlRunner, policy: string): Promise<StoreStatus> {
  const base = sql`SELECT w.source, w.format, w.year, w.synthetic, f.n_countries, f.has_affiliations,
      f.corresponding_known, f.authors_truncated
    FROM works w JOIN work_facts f ON f.work_id = w.work_id AND f.policy = ${policy}`
  const measures = sql`count(*) AS works, sum(CASE WHEN n_countries > 0 THEN 1 ELSE 0 END) AS with_country,
    sum(CASE WHEN n_countries >= 2 THEN 1 ELSE 0 END) AS international,
    sum(CASE WHEN has_affiliations THEN 1 ELSE 0 END) AS with_affiliations,
    sum(CASE WHEN corresponding_known THEN 1 ELSE 0 END) AS corresponding_known,
    sum(CASE WHEN authors_truncated THEN 1 ELSE 0 END) AS truncated`
  const [total] = await db.all(sql`SELECT ${measures}, max(CASE WHEN synthetic THEN 1 ELSE 0 END) AS synthetic
    FROM (${base}) b`)
  const sources = await db.all(sql`SELECT source, format, ${measures} FROM (${base}) b
    GROUP BY source, format ORDER BY works DESC, source, format`)
  const years = await db.all(sql`SELECT year, ${measures} FROM (${base}) b GROUP BY year ORDER BY year`)
  const [patents] = await db.all(sql`SELECT count(*) AS n FROM patents`)
  return {
    ...counts(total),
    patents: Number(patents?.n ?? 0),
    countryPolicy: policy,
    synthetic: Number(total?.synthetic ?? 0) === 1,
    sources: sources.map((r) => ({ source: String(r.source), format: String(r.format), ...counts(r) })),
    years: years.map((r) => ({ year: r.year === null ? null : Number(r.year), ...counts(r) })),
  }
}
