import { sql, type Sql } from '@meridian/indicators'
import type { Database } from './duckdb.js'

const ID_COLUMNS = ['doi', 'openalex_id', 'wos_ut', 'scopus_eid', 'pmid'] as const

/** Two records with different identifiers of one kind (two WoS UTs) are two works, whatever else they share. */
const conflict = (a: string, b: string) =>
  ID_COLUMNS.map((c) => `(${a}.${c} IS NOT NULL AND ${b}.${c} IS NOT NULL AND ${a}.${c} <> ${b}.${c})`).join(
    ' OR ',
  )

/**
 * The staged works that are already in the store, or repeat an earlier staged work: they share an identifier
 * and no identifier of the same kind disagrees (publishers do give two reviews one DOI).
 */
const DUPLICATES = [
  ...ID_COLUMNS.map(
    (c) =>
      `SELECT s.tmp_id, 'store' AS against FROM s_works s JOIN works w ON s.${c} = w.${c} AND NOT (${conflict('s', 'w')})`,
  ),
  ...ID_COLUMNS.map(
    (c) => `SELECT b.tmp_id, 'batch' AS against FROM s_works a JOIN s_works b
      ON a.${c} = b.${c} AND a.tmp_id < b.tmp_id AND NOT (${conflict('a', 'b')})`,
  ),
].join('\nUNION ALL\n')

/** Counts of one merge. */
export interface MergeCounts {
  readonly added: number
  /** Staged works already in the store (re-ingest of the same records, or the same DOI from another source). */
  readonly duplicatesOfStore: number
  /** Staged works repeating an earlier record of the same run. */
  readonly duplicatesInRun: number
}

/**
 * Move staged works into the canonical tables: drop duplicates (any shared identifier; the first record wins),
 * number the rest after the store's last work, and copy their authorships, affiliations and fields.
 */
export async function mergeStaging(db: Database, ingestId: number): Promise<MergeCounts> {
  await db.exec(`CREATE TEMP TABLE s_dup AS
    SELECT tmp_id, max(against) AS against FROM (${DUPLICATES}) d GROUP BY tmp_id`)
  await db.exec(`CREATE TEMP TABLE s_new AS
    SELECT s.tmp_id, (SELECT coalesce(max(work_id), 0) FROM works) + row_number() OVER (ORDER BY s.tmp_id) AS work_id
    FROM s_works s WHERE s.tmp_id NOT IN (SELECT tmp_id FROM s_dup)`)
  const run = (q: Sql) => db.all(q)
  await run(sql`INSERT INTO works SELECT n.work_id, s.doi, s.openalex_id, s.wos_ut, s.scopus_eid, s.pmid, s.year,
    s.doc_type, s.source_title, s.title, s.cited_by, s.authors_truncated, s.synthetic, s.source, s.format, s.file,
    s.line, ${ingestId}, s.has_bibliometrix FROM s_works s JOIN s_new n ON n.tmp_id = s.tmp_id`)
  await db.exec(`INSERT INTO work_bibliometrix SELECT n.work_id, b.country, b.role
    FROM s_bibliometrix b JOIN s_new n ON n.tmp_id = b.tmp_id`)
  await db.exec(
    `INSERT INTO work_fields SELECT n.work_id, f.position, f.field FROM s_fields f JOIN s_new n ON n.tmp_id = f.tmp_id`,
  )
  await db.exec(`INSERT INTO authorships SELECT n.work_id, a.position, a.name, a.orcid, a.is_corresponding
    FROM s_authorships a JOIN s_new n ON n.tmp_id = a.tmp_id`)
  await db.exec(`INSERT INTO affiliations SELECT n.work_id, a.position, a.seq, a.raw, a.institution_key, a.country
    FROM s_affiliations a JOIN s_new n ON n.tmp_id = a.tmp_id`)
  await db.exec(`INSERT INTO institutions SELECT * FROM s_institutions s
    WHERE s.institution_key NOT IN (SELECT institution_key FROM institutions)`)
  const [counts] = await db.all(sql`SELECT
      (SELECT count(*) FROM s_new) AS added,
      (SELECT count(*) FROM s_dup WHERE against = 'store') AS store,
      (SELECT count(*) FROM s_dup WHERE against = 'batch') AS batch`)
  await db.exec('DROP TABLE s_dup; DROP TABLE s_new')
  return {
    added: Number(counts?.added ?? 0),
    duplicatesOfStore: Number(counts?.store ?? 0),
    duplicatesInRun: Number(counts?.batch ?? 0),
  }
}
