import type { PatentAppenders } from './patent-writer.js'
import type { StagingAppenders } from './staging-writer.js'

/**
 * Bumped when the tables change shape; a store of another version is refused, not misread, except the versions
 * in `UPGRADABLE`, which a writable open brings up to date.
 */
export const SCHEMA_VERSION = '5'

/**
 * Versions a writable open upgrades by creating the tables and columns added since (`CREATE TABLE IF NOT
 * EXISTS`, `ADD COLUMN IF NOT EXISTS`): 2 -> 3 added `work_funding`, 3 -> 4 `work_abstracts` and
 * `work_keywords`, 4 -> 5 the patent tables and the patent counts of `ingests`; works stored before carry none
 * of these until their records are ingested again.
 */
export const UPGRADABLE: ReadonlySet<string> = new Set(['2', '3', '4'])

/** Canonical tables and per-work facts. No indexes: every lookup is a set-based join at ingest time. */
export const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR, value VARCHAR)`,
  // records_read, works_added and duplicates count works; problems counts the run's bad records of both kinds.
  `CREATE TABLE IF NOT EXISTS ingests (ingest_id INTEGER, finished_at VARCHAR, files VARCHAR,
     records_read BIGINT, works_added BIGINT, duplicates BIGINT, problems BIGINT, patents_read BIGINT,
     patents_added BIGINT, patent_duplicates BIGINT)`,
  // A version-4 store's ingests gain the patent counts (NULL for the runs before).
  `ALTER TABLE ingests ADD COLUMN IF NOT EXISTS patents_read BIGINT`,
  `ALTER TABLE ingests ADD COLUMN IF NOT EXISTS patents_added BIGINT`,
  `ALTER TABLE ingests ADD COLUMN IF NOT EXISTS patent_duplicates BIGINT`,
  `CREATE TABLE IF NOT EXISTS works (work_id BIGINT, doi VARCHAR, openalex_id VARCHAR, wos_ut VARCHAR,
     scopus_eid VARCHAR, pmid VARCHAR, year INTEGER, doc_type VARCHAR, source_title VARCHAR, title VARCHAR,
     cited_by INTEGER, authors_truncated BOOLEAN, synthetic BOOLEAN, source VARCHAR, format VARCHAR,
     file VARCHAR, line INTEGER, ingest_id INTEGER, has_bibliometrix BOOLEAN, fuzzy_key VARCHAR,
     facts_revision INTEGER)`,
  // Every record read that became or joined a work: the first ('new'), or merged by an identifier or the fuzzy key.
  `CREATE TABLE IF NOT EXISTS work_records (work_id BIGINT, ingest_id INTEGER, source VARCHAR, format VARCHAR,
     file VARCHAR, line INTEGER, basis VARCHAR, reason VARCHAR, fuzzy_key VARCHAR)`,
  // Which record gave a merged work's affiliations and its citation count (the precedence in ARCHITECTURE.md).
  `CREATE TABLE IF NOT EXISTS work_field_sources (work_id BIGINT, field VARCHAR, source VARCHAR, format VARCHAR,
     file VARCHAR, line INTEGER)`,
  // What bibliometrix's own extraction reports (WoS records): role 'country' (AU_CO) or 'corresponding' (AU1_CO).
  `CREATE TABLE IF NOT EXISTS work_bibliometrix (work_id BIGINT, country VARCHAR, role VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS work_fields (work_id BIGINT, position INTEGER, field VARCHAR)`,
  // Funders and awards of every record of a work, distinct rows. award_key is the award id normalised for
  // matching (normaliseAwardId); source is where the row was read (openalex-grants, crossref, wos-fu...).
  `CREATE TABLE IF NOT EXISTS work_funding (work_id BIGINT, funder_id VARCHAR, funder_name VARCHAR,
     funder_ror VARCHAR, award_id VARCHAR, award_key VARCHAR, source VARCHAR, note VARCHAR)`,
  // What a work is about: at most one abstract per work (from the record first in ABSTRACT_PRECEDENCE), and the
  // union of its records' keywords, one row per distinct (work, keyword, kind). kind is 'author', 'index',
  // 'topic' or 'concept'; score is the source's (OpenAlex topics, keywords, concepts), else NULL.
  `CREATE TABLE IF NOT EXISTS work_abstracts (work_id BIGINT, abstract VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS work_keywords (work_id BIGINT, keyword VARCHAR, kind VARCHAR, score DOUBLE)`,
  `CREATE TABLE IF NOT EXISTS authorships (work_id BIGINT, position INTEGER, name VARCHAR, orcid VARCHAR,
     is_corresponding BOOLEAN)`,
  // position -1 holds the reprint (corresponding) address of sources that give one apart. institution_key and
  // country are in effect; source_key and source_country are what the record said; basis says which won
  // ('source', 'matcher', 'override').
  `CREATE TABLE IF NOT EXISTS affiliations (work_id BIGINT, position INTEGER, seq INTEGER, raw VARCHAR,
     institution_key VARCHAR, country VARCHAR, source_key VARCHAR, source_country VARCHAR, basis VARCHAR)`,
  // What the affiliation matcher or an override said about each distinct affiliation string.
  `CREATE TABLE IF NOT EXISTS affiliation_matches (raw VARCHAR, ror VARCHAR, country VARCHAR,
     confidence DOUBLE, reason VARCHAR, basis VARCHAR, string_country VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS institutions (institution_key VARCHAR, ror VARCHAR, openalex_id VARCHAR,
     name VARCHAR, type VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE)`,
  `CREATE TABLE IF NOT EXISTS work_facts (policy VARCHAR, work_id BIGINT, year INTEGER, n_countries INTEGER,
     n_institutions INTEGER, n_authors INTEGER, collab_type VARCHAR, intl_class VARCHAR, industry BOOLEAN,
     academia_industry BOOLEAN, first_known BOOLEAN, last_known BOOLEAN, corresponding_known BOOLEAN,
     corresponding_country VARCHAR, corresponding_basis VARCHAR, cited_by INTEGER, primary_field VARCHAR,
     geocoded INTEGER, max_distance_km DOUBLE, source VARCHAR, has_affiliations BOOLEAN,
     authors_truncated BOOLEAN)`,
  // Institution -> the top of its ROR parent chain, from the last registry loaded (institution roll-up).
  `CREATE TABLE IF NOT EXISTS institution_rollup (institution_key VARCHAR, top_key VARCHAR)`,
  // Per work and institution (no policy: institutions do not depend on it). Fractional as for countries.
  `CREATE TABLE IF NOT EXISTS work_institutions (work_id BIGINT, year INTEGER, institution_key VARCHAR,
     fractional DOUBLE, authors INTEGER, is_first BOOLEAN, is_last BOOLEAN, is_corresponding BOOLEAN)`,
  `CREATE TABLE IF NOT EXISTS work_countries (policy VARCHAR, work_id BIGINT, year INTEGER, country VARCHAR,
     fractional DOUBLE, authors INTEGER, is_first BOOLEAN, is_last BOOLEAN, is_corresponding BOOLEAN,
     n_countries INTEGER)`,
  // Patents, apart from works (no merge with them): one row per publication_number (the normalised
  // PublicationNumber), the first read; a number already stored is not added again. year is the publication year.
  `CREATE TABLE IF NOT EXISTS patents (patent_id BIGINT, publication_number VARCHAR, jurisdiction VARCHAR,
     kind VARCHAR, title VARCHAR, abstract VARCHAR, publication_date VARCHAR, year INTEGER,
     application_number VARCHAR, earliest_priority_date VARCHAR, cited_by INTEGER, family_size INTEGER,
     url VARCHAR, source VARCHAR, file VARCHAR, line INTEGER, ingest_id INTEGER)`,
  // name as written; name_key groups one applicant written differently (applicantKey).
  `CREATE TABLE IF NOT EXISTS patent_applicants (patent_id BIGINT, position INTEGER, name VARCHAR,
     name_key VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS patent_inventors (patent_id BIGINT, position INTEGER, name VARCHAR)`,
  // scheme 'cpc' or 'ipc'; one row per distinct (patent, scheme, code).
  `CREATE TABLE IF NOT EXISTS patent_classes (patent_id BIGINT, scheme VARCHAR, code VARCHAR)`,
  // office: the one the number opens with, else the record's only priority office when it has one number.
  `CREATE TABLE IF NOT EXISTS patent_priorities (patent_id BIGINT, number VARCHAR, office VARCHAR)`,
  // DOIs of the non-patent literature the patent cites.
  `CREATE TABLE IF NOT EXISTS patent_dois (patent_id BIGINT, doi VARCHAR)`,
] as const

/**
 * Staging tables: one ingest run's records before they are merged. Created and dropped inside the run's
 * transaction, so a crash leaves nothing; ordinary tables, so DuckDB can write large appends to disk.
 */
export const STAGING = [
  `CREATE TABLE s_works (tmp_id BIGINT, doi VARCHAR, openalex_id VARCHAR, wos_ut VARCHAR,
     scopus_eid VARCHAR, pmid VARCHAR, year INTEGER, doc_type VARCHAR, source_title VARCHAR, title VARCHAR,
     cited_by INTEGER, authors_truncated BOOLEAN, synthetic BOOLEAN, source VARCHAR, format VARCHAR,
     file VARCHAR, line INTEGER, has_bibliometrix BOOLEAN, fuzzy_key VARCHAR)`,
  `CREATE TABLE s_bibliometrix (tmp_id BIGINT, country VARCHAR, role VARCHAR)`,
  `CREATE TABLE s_fields (tmp_id BIGINT, position INTEGER, field VARCHAR)`,
  `CREATE TABLE s_funding (tmp_id BIGINT, funder_id VARCHAR, funder_name VARCHAR, funder_ror VARCHAR,
     award_id VARCHAR, award_key VARCHAR, source VARCHAR, note VARCHAR)`,
  `CREATE TABLE s_abstracts (tmp_id BIGINT, abstract VARCHAR)`,
  `CREATE TABLE s_keywords (tmp_id BIGINT, keyword VARCHAR, kind VARCHAR, score DOUBLE)`,
  `CREATE TABLE s_authorships (tmp_id BIGINT, position INTEGER, name VARCHAR, orcid VARCHAR,
     is_corresponding BOOLEAN)`,
  `CREATE TABLE s_affiliations (tmp_id BIGINT, position INTEGER, seq INTEGER, raw VARCHAR,
     institution_key VARCHAR, country VARCHAR)`,
  `CREATE TABLE s_institutions (institution_key VARCHAR, ror VARCHAR, openalex_id VARCHAR, name VARCHAR,
     type VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE)`,
] as const

/** The staging table each of the staging writer's appenders writes to. */
export const STAGING_APPENDERS = Object.freeze({
  works: 's_works',
  fields: 's_fields',
  authorships: 's_authorships',
  affiliations: 's_affiliations',
  institutions: 's_institutions',
  bibliometrix: 's_bibliometrix',
  funding: 's_funding',
  abstracts: 's_abstracts',
  keywords: 's_keywords',
} satisfies Record<keyof StagingAppenders, string>)

/** Staging tables of the patents of one ingest run, like `STAGING`: `tmp_id` numbers the patents read. */
export const PATENT_STAGING = [
  `CREATE TABLE s_patents (tmp_id BIGINT, publication_number VARCHAR, jurisdiction VARCHAR, kind VARCHAR,
     title VARCHAR, abstract VARCHAR, publication_date VARCHAR, year INTEGER, application_number VARCHAR,
     earliest_priority_date VARCHAR, cited_by INTEGER, family_size INTEGER, url VARCHAR, source VARCHAR,
     file VARCHAR, line INTEGER)`,
  `CREATE TABLE s_patent_applicants (tmp_id BIGINT, position INTEGER, name VARCHAR, name_key VARCHAR)`,
  `CREATE TABLE s_patent_inventors (tmp_id BIGINT, position INTEGER, name VARCHAR)`,
  `CREATE TABLE s_patent_classes (tmp_id BIGINT, scheme VARCHAR, code VARCHAR)`,
  `CREATE TABLE s_patent_priorities (tmp_id BIGINT, number VARCHAR, office VARCHAR)`,
  `CREATE TABLE s_patent_dois (tmp_id BIGINT, doi VARCHAR)`,
] as const

/** The staging table each of the patent writer's appenders writes to. */
export const PATENT_APPENDERS = Object.freeze({
  patents: 's_patents',
  applicants: 's_patent_applicants',
  inventors: 's_patent_inventors',
  classes: 's_patent_classes',
  priorities: 's_patent_priorities',
  dois: 's_patent_dois',
} satisfies Record<keyof PatentAppenders, string>)

export const STAGING_TABLES: readonly string[] = [
  ...Object.values(STAGING_APPENDERS),
  ...Object.values(PATENT_APPENDERS),
]
