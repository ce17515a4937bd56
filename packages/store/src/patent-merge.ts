import { sql } from '@meridian/indicators'
import type { Database } from './duckdb.js'

/** What one ingest run did with the patents it read. */
export interface PatentCounts {
  readonly read: number
  readonly added: number
  /** Publication numbers already in the store. */
  readonly duplicatesOfStore: number
  /** Publication numbers read earlier in the same run. */
  readonly duplicatesInRun: number
}

/** The tables under `patents`, each keyed by `tmp_id` in staging and `patent_id` once stored. */
const CHILDREN = [
  ['patent_applicants', 's_patent_applicants', 'position, name, name_key'],
  ['patent_inventors', 's_patent_inventors', 'position, name'],
  ['patent_classes', 's_patent_classes', 'scheme, code'],
  ['patent_priorities', 's_patent_priorities', 'number, office'],
  ['patent_dois', 's_patent_dois', 'doi'],
] as const

/**
 * Move the staged patents into the patent tables, inside the run's transaction: of each publication number,
 * only the first staged and only when the store has none already. New patents take ids after the largest
 * stored, in the order read.
 */
export async function mergePatents(db: Database, ingestId: number): Promise<PatentCounts> {
  const [counts] = await db.all(sql`SELECT count(*) AS read,
      count(*) FILTER (WHERE publication_number IN (SELECT publication_number FROM patents)) AS of_store
    FROM s_patents`)
  await db.exec(`CREATE TABLE s_patent_ids AS
    SELECT tmp_id, (SELECT coalesce(max(patent_id), 0) FROM patents) + row_number() OVER (ORDER BY tmp_id)
      AS patent_id
    FROM (SELECT tmp_id, publication_number,
        row_number() OVER (PARTITION BY publication_number ORDER BY tmp_id) AS rn FROM s_patents) s
    WHERE rn = 1 AND publication_number NOT IN (SELECT publication_number FROM patents)`)
  await db.all(sql`INSERT INTO patents SELECT i.patent_id, s.publication_number, s.jurisdiction, s.kind,
      s.title, s.abstract, s.publication_date, s.year, s.application_number, s.earliest_priority_date,
      s.cited_by, s.family_size, s.url, s.source, s.file, s.line, ${ingestId}
    FROM s_patents s JOIN s_patent_ids i ON i.tmp_id = s.tmp_id`)
  for (const [table, staged, columns] of CHILDREN)
    await db.exec(`INSERT INTO ${table} SELECT DISTINCT i.patent_id, ${columns}
      FROM ${staged} s JOIN s_patent_ids i ON i.tmp_id = s.tmp_id`)
  const [added] = await db.all(sql`SELECT count(*) AS n FROM s_patent_ids`)
  await db.exec('DROP TABLE s_patent_ids')
  const read = Number(counts?.read ?? 0)
  const ofStore = Number(counts?.of_store ?? 0)
  const n = Number(added?.n ?? 0)
  return { read, added: n, duplicatesOfStore: ofStore, duplicatesInRun: read - n - ofStore }
}
