import type { Institution } from '@meridian/model'
import { raw, sql } from '@meridian/indicators'
import type { Database } from './duckdb.js'
import { appendInstitution, institutionKey } from './staging-writer.js'

/** What the matcher or an override says about one affiliation string. */
export interface AffiliationResolution {
  /** The organisation's key (its ROR id), or `null`. */
  readonly ror: string | null
  readonly country: string | null
  readonly confidence: number
  readonly reason: string
  /** `override` beats what the source said; `matcher` only fills what the source left empty. */
  readonly basis: 'matcher' | 'override'
  /** The organisation, to store its name, type and coordinates. */
  readonly institution: Institution | null
  /** The country the string itself names, when the matcher could tell (to flag disagreements). */
  readonly stringCountry: string | null
}

/** Resolves affiliation strings: the affiliation matcher behind the user's overrides. */
export interface AffiliationResolver {
  /**
   * Called once per distinct string. `needsMatch` is `false` when every row of the string already has an
   * institution from its source (only overrides apply then). `null`: nothing to say.
   */
  resolve(raw: string, needsMatch: boolean): AffiliationResolution | null
  /** `true` when any override may apply to strings that have an institution already. */
  readonly hasOverrides: boolean
}

/** An identifier kind a work override names a work by. */
export type WorkIdKind = 'doi' | 'openalex' | 'wos' | 'scopus' | 'pmid'

const ID_COLUMN: Readonly<Record<WorkIdKind, string>> = {
  doi: 'doi',
  openalex: 'openalex_id',
  wos: 'wos_ut',
  scopus: 'scopus_eid',
  pmid: 'pmid',
}

/** A correction of one work's country: one author's, or (without `author`) every author with no country. */
export interface WorkCorrection {
  readonly kind: WorkIdKind
  readonly id: string
  readonly country: string
  /** 0-based author position; `null` for every author whose country is unknown. */
  readonly author: number | null
  /** Where the rule is written, for reports. */
  readonly where: string
}

/** What to correct at ingest and when re-resolving a store. */
export interface Corrections {
  readonly resolver: AffiliationResolver | null
  readonly works: readonly WorkCorrection[]
}

/** What applying corrections did. */
export interface CorrectionCounts {
  /** Distinct affiliation strings resolved (matched or overridden). */
  readonly strings: number
  readonly matched: number
  readonly overridden: number
  /** Work corrections that found their work. */
  readonly worksCorrected: number
  /** Work corrections whose work is not in the scope (listed by where they are written). */
  readonly workRulesUnused: readonly string[]
}

/**
 * Resolve the affiliation strings of the works in scope (`facts_revision = revision`, or every work) and apply
 * work corrections. Strings already resolved are kept unless `fresh`. Values in effect are recomputed from what
 * the source said, so running it again gives the same store.
 */
export async function applyCorrections(
  db: Database,
  corrections: Corrections,
  scope: { readonly revision: number; readonly all: boolean; readonly fresh: boolean },
): Promise<CorrectionCounts> {
  const inScope = scope.all
    ? sql`true`
    : sql`a.work_id IN (SELECT work_id FROM works WHERE facts_revision = ${scope.revision})`
  if (scope.fresh) await db.exec('DELETE FROM affiliation_matches')
  let strings = 0
  let matched = 0
  let overridden = 0
  const resolver = corrections.resolver
  if (resolver) {
    const rows = await db.all(sql`SELECT a.raw, bool_or(a.source_key IS NULL) AS needs FROM affiliations a
      WHERE ${inScope} AND a.raw IS NOT NULL AND a.raw NOT IN (SELECT raw FROM affiliation_matches)
      GROUP BY a.raw HAVING bool_or(a.source_key IS NULL) OR ${resolver.hasOverrides}`)
    const matches = await db.appender('affiliation_matches')
    const institutions = new Map<string, Institution>()
    for (const row of rows) {
      const r = resolver.resolve(String(row.raw), row.needs === true)
      if (!r) continue
      strings++
      if (r.basis === 'override') overridden++
      else if (r.ror) matched++
      const key = r.ror ?? institutionKey(r.institution)
      if (key && r.institution) institutions.set(key, r.institution)
      matches.appendVarchar(String(row.raw))
      for (const v of [key, r.country])
        if (v === null) matches.appendNull()
        else matches.appendVarchar(v)
      matches.appendDouble(r.confidence)
      matches.appendVarchar(r.reason)
      matches.appendVarchar(r.basis)
      if (r.stringCountry === null) matches.appendNull()
      else matches.appendVarchar(r.stringCountry)
      matches.endRow()
    }
    matches.closeSync()
    await addInstitutions(db, institutions)
  }
  // Effective values: an override beats the source; the matcher fills only what the source left empty.
  await db.all(sql`DELETE FROM affiliations a WHERE ${inScope} AND a.basis = 'override' AND a.raw IS NULL
    AND a.source_key IS NULL AND a.source_country IS NULL`)
  await db.all(sql`UPDATE affiliations a SET institution_key = a.source_key, country = a.source_country,
      basis = CASE WHEN a.source_key IS NULL AND a.source_country IS NULL THEN NULL ELSE 'source' END
    WHERE ${inScope} AND (a.basis IN ('matcher', 'override') OR a.basis IS NULL)`)
  await db.all(sql`UPDATE affiliations a SET
      institution_key = CASE WHEN m.basis = 'override' THEN coalesce(m.ror, a.source_key) ELSE coalesce(a.source_key, m.ror) END,
      country = CASE WHEN m.basis = 'override' THEN coalesce(m.country, a.source_country)
        ELSE coalesce(a.source_country, m.country) END,
      basis = CASE WHEN m.basis = 'override' THEN 'override'
        WHEN a.source_key IS NULL AND m.ror IS NOT NULL THEN 'matcher'
        WHEN a.source_country IS NULL AND m.country IS NOT NULL THEN 'matcher' ELSE a.basis END
    FROM affiliation_matches m WHERE m.raw = a.raw AND ${inScope}`)
  const works = await correctWorks(db, corrections.works, scope)
  return { strings, matched, overridden, ...works }
}

/** Add the organisations matched or named by overrides that the store does not hold yet, set-based. */
async function addInstitutions(db: Database, institutions: ReadonlyMap<string, Institution>): Promise<void> {
  if (institutions.size === 0) return
  await db.exec('CREATE TEMP TABLE c_institutions AS SELECT * FROM institutions LIMIT 0')
  const a = await db.appender('c_institutions', true)
  for (const [key, institution] of institutions) appendInstitution(a, key, institution)
  a.closeSync()
  await db.exec(`INSERT INTO institutions SELECT * FROM c_institutions
    WHERE institution_key NOT IN (SELECT institution_key FROM institutions)`)
  await db.exec('DROP TABLE c_institutions')
}

async function correctWorks(
  db: Database,
  rules: readonly WorkCorrection[],
  scope: { readonly revision: number; readonly all: boolean },
): Promise<{ worksCorrected: number; workRulesUnused: string[] }> {
  let worksCorrected = 0
  const workRulesUnused: string[] = []
  for (const rule of rules) {
    const column = raw(ID_COLUMN[rule.kind])
    const found = await db.all(sql`SELECT work_id FROM works WHERE ${column} = ${rule.id}
      AND (${scope.all} OR facts_revision = ${scope.revision})`)
    if (found.length === 0) {
      workRulesUnused.push(rule.where)
      continue
    }
    for (const { work_id: workId } of found) {
      worksCorrected++
      const author = rule.author === null ? sql`true` : sql`position = ${rule.author}`
      const unknown = rule.author === null ? sql`country IS NULL` : sql`true`
      await db.all(sql`UPDATE affiliations SET country = ${rule.country}, basis = 'override'
        WHERE work_id = ${Number(workId)} AND position >= 0 AND ${author} AND ${unknown}`)
      // Authors with no affiliation row at all get one carrying only the country.
      await db.all(sql`INSERT INTO affiliations
        SELECT au.work_id, au.position, 1000 + au.position, NULL, NULL, ${rule.country}, NULL, NULL, 'override'
        FROM authorships au WHERE au.work_id = ${Number(workId)} AND ${author}
          AND NOT EXISTS (SELECT 1 FROM affiliations a WHERE a.work_id = au.work_id AND a.position = au.position)`)
    }
  }
  return { worksCorrected, workRulesUnused }
}
