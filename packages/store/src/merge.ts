import { raw, sql, type Sql } from '@meridian/indicators'
import type { Database } from './duckdb.js'
import { ABSTRACT_PRECEDENCE, AFFILIATION_PRECEDENCE, CITATION_PRECEDENCE, rank } from './precedence.js'

/** Identifiers in the order they are tried; the fuzzy key comes last. */
const ID_COLUMNS = ['doi', 'openalex_id', 'wos_ut', 'scopus_eid', 'pmid'] as const
const BASIS: Readonly<Record<(typeof ID_COLUMNS)[number] | 'fuzzy_key', string>> = {
  doi: 'doi',
  openalex_id: 'openalex',
  wos_ut: 'wos',
  scopus_eid: 'scopus',
  pmid: 'pmid',
  fuzzy_key: 'title-year-first-author',
}

/** Two records with different identifiers of one kind (two WoS UTs) are two works, whatever else they share. */
const conflict = (a: string, b: string) =>
  ID_COLUMNS.map((c) => `(${a}.${c} IS NOT NULL AND ${b}.${c} IS NOT NULL AND ${a}.${c} <> ${b}.${c})`).join(
    ' OR ',
  )

/** Candidate pairs (earlier, later) sharing a key and no conflicting identifier, with the key's priority. */
function candidates(earlier: string, later: string, on: (column: string) => string): string {
  return [...ID_COLUMNS, 'fuzzy_key' as const]
    .map(
      (c, priority) =>
        `SELECT l.tmp_id, e.${earlier} AS target, '${BASIS[c]}' AS basis, ${priority} AS priority
         FROM ${later} l JOIN ${on(c)} AND NOT (${conflict('l', 'e')})`,
    )
    .join('\nUNION ALL\n')
}

/** Per staged work, the best candidate: the first key in priority order, then the lowest target. */
const best = (union: string) => `SELECT tmp_id, target, basis FROM (
    SELECT *, row_number() OVER (PARTITION BY tmp_id ORDER BY priority, target) AS rn FROM (${union}) c
  ) t WHERE rn = 1`

/** Staged works that are already in the store: by an identifier of its works, or a fuzzy key of its records. */
const STORE_MATCHES = best(
  candidates('work_id', 's_works', (c) =>
    c === 'fuzzy_key'
      ? `(SELECT DISTINCT w.*, r.fuzzy_key AS fk FROM works w JOIN work_records r ON r.work_id = w.work_id
          WHERE r.fuzzy_key IS NOT NULL) e ON l.fuzzy_key = e.fk`
      : `works e ON l.${c} = e.${c}`,
  ),
)

/** Staged works repeating an earlier staged work. */
const BATCH_MATCHES = best(
  candidates('tmp_id', 's_works', (c) => `s_works e ON l.${c} = e.${c} AND e.tmp_id < l.tmp_id`),
)

/** One record merged into a work, for the ingest report. */
export interface MergeEntry {
  readonly file: string
  readonly line: number
  readonly source: string
  /** The key that matched: `doi`, `openalex`, `wos`, `scopus`, `pmid` or `title-year-first-author`. */
  readonly basis: string
  readonly reason: string
  /** The work's first record. */
  readonly into: { readonly file: string; readonly line: number; readonly source: string }
  /** Fields this record now gives the work (`abstract`, `affiliations`, `citations`), by the documented precedence. */
  readonly took: readonly string[]
}

/** Counts of one merge. */
export interface MergeCounts {
  readonly added: number
  /** Staged works already in the store (re-ingest of the same records, or the same work from another source). */
  readonly duplicatesOfStore: number
  /** Staged works repeating an earlier record of the same run. */
  readonly duplicatesInRun: number
  /** Of the duplicates, those matched by the fuzzy key (title, year, first author) rather than an identifier. */
  readonly fuzzyMerges: number
}

const precedenceCase = (column: string, order: readonly string[]): Sql =>
  raw(
    `CASE ${column} ${order.map((s) => `WHEN '${s}' THEN ${rank(order, s)}`).join(' ')} ELSE ${order.length} END`,
  )

/**
 * Move staged works into the canonical tables. A staged record that is already in the store or repeats an
 * earlier one (same identifier of any kind, else same fuzzy key; never when an identifier of one kind
 * disagrees) joins that work: its missing identifiers are filled in, and it gives the work its affiliations or
 * citation count (or abstract) when its source comes first in the precedence; keywords are the union of the
 * records'. Every record is kept in `work_records` with the
 * key that matched it. Works added or changed get `facts_revision = revision`.
 */
export async function mergeStaging(db: Database, ingestId: number, revision: number): Promise<MergeCounts> {
  await db.exec(`CREATE TEMP TABLE m_store AS ${STORE_MATCHES}`)
  await db.exec(`CREATE TEMP TABLE m_batch AS SELECT * FROM (${BATCH_MATCHES}) b
    WHERE tmp_id NOT IN (SELECT tmp_id FROM m_store)`)
  // Follow each batch match to the first record of its chain.
  await db.exec(`CREATE TEMP TABLE m_root AS SELECT tmp_id, target AS root FROM m_batch`)
  for (let depth = 0; ; depth++) {
    const [open] = await db.all(
      sql`SELECT count(*) AS n FROM m_root WHERE root IN (SELECT tmp_id FROM m_batch)`,
    )
    if (Number(open?.n ?? 0) === 0) break
    if (depth > 1000) throw new Error('merge: a chain of repeated records did not end')
    await db.exec(`UPDATE m_root SET root = b.target FROM m_batch b WHERE m_root.root = b.tmp_id`)
  }
  await db.exec(`CREATE TEMP TABLE s_new AS
    SELECT s.tmp_id, (SELECT coalesce(max(work_id), 0) FROM works) + row_number() OVER (ORDER BY s.tmp_id) AS work_id
    FROM s_works s WHERE s.tmp_id NOT IN (SELECT tmp_id FROM m_store) AND s.tmp_id NOT IN (SELECT tmp_id FROM m_batch)`)
  await db.exec(`CREATE TEMP TABLE s_target AS
    SELECT tmp_id, work_id, 'new' AS basis, NULL AS against FROM s_new
    UNION ALL SELECT tmp_id, target, basis, 'store' FROM m_store
    UNION ALL SELECT r.tmp_id, coalesce(ms.target, n.work_id), b.basis, 'batch'
      FROM m_root r JOIN m_batch b ON b.tmp_id = r.tmp_id
      LEFT JOIN m_store ms ON ms.tmp_id = r.root LEFT JOIN s_new n ON n.tmp_id = r.root`)

  await insertNew(db, ingestId, revision)
  await db.all(sql`INSERT INTO work_records SELECT t.work_id, ${ingestId}, s.source, s.format, s.file, s.line,
      t.basis,
      CASE t.basis WHEN 'new' THEN NULL
        WHEN 'title-year-first-author' THEN 'same normalised title, year and first author surname: ' || s.fuzzy_key
        WHEN 'doi' THEN 'same DOI ' || s.doi WHEN 'openalex' THEN 'same OpenAlex id ' || s.openalex_id
        WHEN 'wos' THEN 'same WoS UT ' || s.wos_ut WHEN 'scopus' THEN 'same Scopus EID ' || s.scopus_eid
        ELSE 'same PMID ' || s.pmid END,
      s.fuzzy_key
    FROM s_target t JOIN s_works s ON s.tmp_id = t.tmp_id`)
  await fillIdentifiers(db)
  // A work's funding is the union of its records' (a record read again adds nothing).
  await db.exec(`INSERT INTO work_funding
    SELECT t.work_id, f.funder_id, f.funder_name, f.funder_ror, f.award_id, f.award_key, f.source, f.note
    FROM s_funding f JOIN s_target t ON t.tmp_id = f.tmp_id
    EXCEPT SELECT * FROM work_funding`)
  await unionKeywords(db)
  await takeAffiliations(db, revision)
  await takeCitations(db, revision)
  await takeAbstracts(db)

  const [counts] = await db.all(sql`SELECT
      (SELECT count(*) FROM s_new) AS added,
      (SELECT count(*) FROM s_target WHERE against = 'store') AS store,
      (SELECT count(*) FROM s_target WHERE against = 'batch') AS batch,
      (SELECT count(*) FROM s_target WHERE basis = 'title-year-first-author') AS fuzzy`)
  for (const t of ['m_store', 'm_batch', 'm_root', 's_new', 's_target', 'm_took'])
    await db.exec(`DROP TABLE ${t}`)
  return {
    added: Number(counts?.added ?? 0),
    duplicatesOfStore: Number(counts?.store ?? 0),
    duplicatesInRun: Number(counts?.batch ?? 0),
    fuzzyMerges: Number(counts?.fuzzy ?? 0),
  }
}

async function insertNew(db: Database, ingestId: number, revision: number): Promise<void> {
  await db.all(sql`INSERT INTO works SELECT n.work_id, s.doi, s.openalex_id, s.wos_ut, s.scopus_eid, s.pmid, s.year,
    s.doc_type, s.source_title, s.title, s.cited_by, s.authors_truncated, s.synthetic, s.source, s.format, s.file,
    s.line, ${ingestId}, s.has_bibliometrix, s.fuzzy_key, ${revision} FROM s_works s JOIN s_new n ON n.tmp_id = s.tmp_id`)
  await copyRecord(db, 's_new')
  await db.exec(`INSERT INTO work_field_sources
    SELECT n.work_id, f.field, s.source, s.format, s.file, s.line
    FROM s_new n JOIN s_works s ON s.tmp_id = n.tmp_id, (VALUES ('affiliations'), ('citations')) f(field)`)
  await db.exec(`INSERT INTO institutions SELECT * FROM s_institutions s
    WHERE s.institution_key NOT IN (SELECT institution_key FROM institutions)`)
}

/** Copy the authorships, affiliations, fields and bibliometrix extraction of the records in `pairs` (tmp_id, work_id). */
async function copyRecord(db: Database, pairs: string): Promise<void> {
  await db.exec(`INSERT INTO work_bibliometrix SELECT n.work_id, b.country, b.role
    FROM s_bibliometrix b JOIN ${pairs} n ON n.tmp_id = b.tmp_id`)
  await db.exec(`INSERT INTO authorships SELECT n.work_id, a.position, a.name, a.orcid, a.is_corresponding
    FROM s_authorships a JOIN ${pairs} n ON n.tmp_id = a.tmp_id`)
  await db.exec(`INSERT INTO affiliations SELECT n.work_id, a.position, a.seq, a.raw, a.institution_key, a.country,
      a.institution_key, a.country, CASE WHEN a.institution_key IS NULL AND a.country IS NULL THEN NULL ELSE 'source' END
    FROM s_affiliations a JOIN ${pairs} n ON n.tmp_id = a.tmp_id`)
  // New works have no fields yet; a work taking another record's affiliations keeps its fields, if any.
  await db.exec(`INSERT INTO work_fields SELECT n.work_id, f.position, f.field
    FROM s_fields f JOIN ${pairs} n ON n.tmp_id = f.tmp_id
    ${pairs === 's_new' ? '' : 'WHERE n.work_id NOT IN (SELECT work_id FROM work_fields)'}`)
}

/** Identifiers and descriptive fields the work lacks, from the records merged into it (first record first). */
async function fillIdentifiers(db: Database): Promise<void> {
  const columns = [...ID_COLUMNS, 'year', 'doc_type', 'source_title', 'title']
  await db.exec(`UPDATE works SET ${columns.map((c) => `${c} = coalesce(works.${c}, x.${c})`).join(', ')}
    FROM (SELECT t.work_id, ${columns.map((c) => `first(s.${c} ORDER BY s.tmp_id) FILTER (WHERE s.${c} IS NOT NULL) AS ${c}`).join(', ')}
      FROM s_target t JOIN s_works s ON s.tmp_id = t.tmp_id WHERE t.basis <> 'new' GROUP BY t.work_id) x
    WHERE works.work_id = x.work_id`)
}

/**
 * The affiliations of a merged work come from the record whose source is first in `AFFILIATION_PRECEDENCE`
 * among those with any affiliation (an institution or a country); the work's current record wins ties.
 */
async function takeAffiliations(db: Database, revision: number): Promise<void> {
  const staged = precedenceCase('s.source', AFFILIATION_PRECEDENCE)
  const current = precedenceCase('fs.source', AFFILIATION_PRECEDENCE)
  await db.all(sql`CREATE TEMP TABLE m_took AS
    WITH has_aff AS (
      SELECT DISTINCT tmp_id FROM s_affiliations WHERE position >= 0 AND (institution_key IS NOT NULL OR country IS NOT NULL)
    ),
    touched AS (SELECT DISTINCT work_id FROM s_target WHERE basis <> 'new'),
    options AS (
      SELECT t.work_id, t.tmp_id, h.tmp_id IS NOT NULL AS has_aff, ${staged} AS rank, 1 AS staged
      FROM s_target t JOIN s_works s ON s.tmp_id = t.tmp_id LEFT JOIN has_aff h ON h.tmp_id = t.tmp_id
      WHERE t.work_id IN (SELECT work_id FROM touched) AND t.basis <> 'new'
      UNION ALL
      SELECT tw.work_id, NULL, EXISTS (SELECT 1 FROM affiliations a WHERE a.work_id = tw.work_id AND a.position >= 0
          AND (a.source_key IS NOT NULL OR a.source_country IS NOT NULL)), ${current}, 0
      FROM touched tw LEFT JOIN work_field_sources fs ON fs.work_id = tw.work_id AND fs.field = 'affiliations'
    ),
    ranked AS (
      SELECT *, row_number() OVER (PARTITION BY work_id ORDER BY has_aff DESC, rank, staged, tmp_id) AS rn FROM options
    )
    SELECT work_id, tmp_id, 'affiliations' AS field FROM ranked WHERE rn = 1 AND staged = 1`)
  await db.exec(`DELETE FROM authorships WHERE work_id IN (SELECT work_id FROM m_took)`)
  await db.exec(`DELETE FROM affiliations WHERE work_id IN (SELECT work_id FROM m_took)`)
  await db.exec(`DELETE FROM work_bibliometrix WHERE work_id IN (SELECT work_id FROM m_took)`)
  await copyRecord(db, 'm_took')
  await db.exec(`UPDATE works SET has_bibliometrix = s.has_bibliometrix, authors_truncated = s.authors_truncated
    FROM m_took m JOIN s_works s ON s.tmp_id = m.tmp_id WHERE works.work_id = m.work_id`)
  await db.exec(`INSERT INTO institutions SELECT * FROM s_institutions s
    WHERE s.institution_key NOT IN (SELECT institution_key FROM institutions)`)
  await recordTaken(db, revision)
}

/** The citation count comes from the first source in `CITATION_PRECEDENCE` that gives one. */
async function takeCitations(db: Database, revision: number): Promise<void> {
  const staged = precedenceCase('s.source', CITATION_PRECEDENCE)
  const current = precedenceCase('fs.source', CITATION_PRECEDENCE)
  await db.exec('DELETE FROM m_took')
  await db.all(sql`INSERT INTO m_took
    WITH touched AS (SELECT DISTINCT work_id FROM s_target WHERE basis <> 'new'),
    options AS (
      SELECT t.work_id, t.tmp_id, ${staged} AS rank, 1 AS staged
      FROM s_target t JOIN s_works s ON s.tmp_id = t.tmp_id
      WHERE t.basis <> 'new' AND s.cited_by IS NOT NULL
      UNION ALL
      SELECT w.work_id, NULL, ${current}, 0
      FROM works w JOIN touched tw ON tw.work_id = w.work_id
      LEFT JOIN work_field_sources fs ON fs.work_id = w.work_id AND fs.field = 'citations'
      WHERE w.cited_by IS NOT NULL
    ),
    ranked AS (SELECT *, row_number() OVER (PARTITION BY work_id ORDER BY rank, staged, tmp_id) AS rn FROM options)
    SELECT work_id, tmp_id, 'citations' FROM ranked WHERE rn = 1 AND staged = 1`)
  await db.exec(`UPDATE works SET cited_by = s.cited_by
    FROM m_took m JOIN s_works s ON s.tmp_id = m.tmp_id WHERE works.work_id = m.work_id`)
  await recordTaken(db, revision)
}

/**
 * A work's keywords are the union of its records', one row per (keyword, kind): a row already stored stays,
 * and of a run's equal rows the one with the highest score (then the first record's) is added.
 */
async function unionKeywords(db: Database): Promise<void> {
  await db.exec(`INSERT INTO work_keywords SELECT work_id, keyword, kind, score FROM (
      SELECT t.work_id, k.keyword, k.kind, k.score, row_number() OVER (
          PARTITION BY t.work_id, k.keyword, k.kind ORDER BY k.score DESC NULLS LAST, k.tmp_id) AS rn
      FROM s_keywords k JOIN s_target t ON t.tmp_id = k.tmp_id) x
    WHERE rn = 1 AND NOT EXISTS (SELECT 1 FROM work_keywords w
      WHERE w.work_id = x.work_id AND w.keyword = x.keyword AND w.kind = x.kind)`)
}

/**
 * The abstract comes from the record whose source is first in `ABSTRACT_PRECEDENCE` among those with one;
 * the work's current abstract wins ties. Facts do not depend on it, so they are not computed again.
 */
async function takeAbstracts(db: Database): Promise<void> {
  const staged = precedenceCase('s.source', ABSTRACT_PRECEDENCE)
  const current = precedenceCase('fs.source', ABSTRACT_PRECEDENCE)
  await db.exec('DELETE FROM m_took')
  await db.all(sql`INSERT INTO m_took
    WITH options AS (
      SELECT t.work_id, t.tmp_id, ${staged} AS rank, 1 AS staged
      FROM s_target t JOIN s_works s ON s.tmp_id = t.tmp_id JOIN s_abstracts a ON a.tmp_id = t.tmp_id
      UNION ALL
      SELECT wa.work_id, NULL, ${current}, 0
      FROM work_abstracts wa JOIN (SELECT DISTINCT work_id FROM s_target WHERE basis <> 'new') tw ON tw.work_id = wa.work_id
      LEFT JOIN work_field_sources fs ON fs.work_id = wa.work_id AND fs.field = 'abstract'
    ),
    ranked AS (SELECT *, row_number() OVER (PARTITION BY work_id ORDER BY rank, staged, tmp_id) AS rn FROM options)
    SELECT work_id, tmp_id, 'abstract' FROM ranked WHERE rn = 1 AND staged = 1`)
  await db.exec(`DELETE FROM work_abstracts WHERE work_id IN (SELECT work_id FROM m_took)`)
  await db.exec(`INSERT INTO work_abstracts SELECT m.work_id, a.abstract
    FROM m_took m JOIN s_abstracts a ON a.tmp_id = m.tmp_id`)
  await recordSources(db)
}

/** Point the field's provenance at the record that now gives it. */
async function recordSources(db: Database): Promise<void> {
  await db.exec(
    `DELETE FROM work_field_sources f USING m_took m WHERE f.work_id = m.work_id AND f.field = m.field`,
  )
  await db.exec(`INSERT INTO work_field_sources SELECT m.work_id, m.field, s.source, s.format, s.file, s.line
    FROM m_took m JOIN s_works s ON s.tmp_id = m.tmp_id`)
}

/** Point the field's provenance at the record that now gives it, and have the work's facts computed again. */
async function recordTaken(db: Database, revision: number): Promise<void> {
  await recordSources(db)
  await db.all(
    sql`UPDATE works SET facts_revision = ${revision} WHERE work_id IN (SELECT work_id FROM m_took)`,
  )
}

/** The records an ingest run merged into works, with why and what they gave. */
export async function readMergeLog(db: Database, ingestId: number): Promise<MergeEntry[]> {
  const rows = await db.all(sql`SELECT r.file, r.line, r.source, r.basis, r.reason,
      w.file AS into_file, w.line AS into_line, w.source AS into_source,
      (SELECT string_agg(f.field, ',' ORDER BY f.field) FROM work_field_sources f
        WHERE f.work_id = r.work_id AND f.file = r.file AND f.line = r.line AND r.basis <> 'new') AS took
    FROM work_records r JOIN works w ON w.work_id = r.work_id
    WHERE r.ingest_id = ${ingestId} AND r.basis <> 'new'
    ORDER BY r.file, r.line`)
  return rows.map((r) => ({
    file: String(r.file),
    line: Number(r.line),
    source: String(r.source),
    basis: String(r.basis),
    reason: String(r.reason),
    into: { file: String(r.into_file), line: Number(r.into_line), source: String(r.into_source) },
    took: typeof r.took === 'string' && r.took !== '' ? r.took.split(',') : [],
  }))
}
