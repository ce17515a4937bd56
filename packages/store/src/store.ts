import { MeridianError, type Patent, type Work } from '@meridian/model'
import { sql } from '@meridian/indicators'
import { Database, type ReadRunner } from './duckdb.js'
import { computeFacts } from './facts.js'
import { mergeStaging, readMergeLog, type MergeCounts, type MergeEntry } from './merge.js'
import { applyCorrections, type CorrectionCounts, type Corrections } from './corrections.js'
import {
  PATENT_APPENDERS,
  PATENT_STAGING,
  SCHEMA,
  SCHEMA_VERSION,
  STAGING,
  STAGING_APPENDERS,
  STAGING_TABLES,
  UPGRADABLE,
} from './schema.js'
import { StagingWriter, type StagingAppenders } from './staging-writer.js'
import { PatentWriter, type PatentAppenders } from './patent-writer.js'
import { mergePatents, type PatentCounts } from './patent-merge.js'
import { readDataVersion, type DataVersion } from './data-version.js'
import { readStatus, type StoreStatus } from './status.js'
import { readAppliedFixes, readCurationCases, type AppliedFix, type CurationCase } from './curation.js'
import { writeFailure } from './write-failure.js'

/** Options of `openStore`. */
export interface OpenStoreOptions {
  /** Database file; `:memory:` for a throw-away store. */
  readonly path: string
  /** Open without write access (indicators, status). Default `false`. */
  readonly readOnly?: boolean
  /** Memory DuckDB may use before spilling to disk, e.g. `4GB` (default) or `50%`. */
  readonly memoryLimit?: string
  /** Connections that run reads at once (a server: the cores). Default 0: reads share the one connection. */
  readonly readers?: number
}

/** What one ingest run did. */
export interface IngestCounts extends MergeCounts {
  readonly ingestId: number
  readonly recordsRead: number
  /** Records merged into works, with the key that matched and the fields they gave. */
  readonly merges: readonly MergeEntry[]
  /** Affiliation strings matched or overridden and works corrected, when corrections were given. */
  readonly corrections: CorrectionCounts | null
  /** Patents read, added and already known (by publication number). */
  readonly patents: PatentCounts
}

/** The overrides file in effect: applied at every ingest until replaced. */
export interface StoredOverrides {
  readonly file: string
  readonly sha256: string
  readonly text: string
  readonly appliedAt: string
}

/** One ingest run: add works and patents, then `commit` (all of them) or `rollback` (none). */
export interface IngestRun {
  add(work: Work): void
  /** Add a patent; at commit it is stored unless its publication number is stored or was added before. */
  addPatent(patent: Patent): void
  readonly staged: number
  commit(summary: {
    readonly files: readonly string[]
    readonly problems: number
    readonly now: Date
    /** Affiliation matching and overrides, applied to the new and changed works before their facts. */
    readonly corrections?: Corrections
  }): Promise<IngestCounts>
  rollback(): Promise<void>
}

/** The next data revision: every operation that changes data takes one, and marks the works it changed. */
async function nextRevision(db: Database): Promise<number> {
  const [row] = await db.all(
    sql`SELECT coalesce(max(CAST(value AS INTEGER)), 0) + 1 AS next FROM meta WHERE key = 'revision'`,
  )
  const next = Number(row?.next ?? 1)
  await db.all(sql`DELETE FROM meta WHERE key = 'revision'`)
  await db.all(sql`INSERT INTO meta VALUES ('revision', ${String(next)})`)
  return next
}

/** The embedded store: canonical works, per-work facts, and a `SqlRunner` for indicators. */
export class Store {
  private constructor(
    private readonly db: Database,
    private readonly path: string,
  ) {}

  /** Open a store, creating its tables on first use. */
  static async open(options: OpenStoreOptions): Promise<Store> {
    let db: Database
    try {
      db = await Database.open(options.path, {
        readOnly: options.readOnly ?? false,
        ...(options.memoryLimit ? { memoryLimit: options.memoryLimit } : {}),
        ...(options.readers ? { readers: options.readers } : {}),
      })
    } catch (cause) {
      throw new MeridianError('STORE_UNAVAILABLE', `cannot open store "${options.path}"`, { cause })
    }
    const store = new Store(db, options.path)
    if (!options.readOnly)
      await store.migrate().catch(async (error: unknown) => {
        db.close()
        throw await writeFailure(options.path, error, async () => {})
      })
    await store.checkVersion(options.path)
    return store
  }

  /**
   * The port indicators run through: the reading connections, so reads never wait for or see a write. A read
   * may take a `signal` that calls it off (see {@link ReadRunner}).
   */
  get runner(): ReadRunner {
    return this.db.reader
  }

  /** How many queries the store runs at once (its reading connections; 1 unless opened with `readers`). */
  get concurrency(): number {
    return this.db.concurrency
  }

  /** Begin an ingest run; everything it adds becomes visible at `commit`, atomically. */
  async beginIngest(): Promise<IngestRun> {
    const db = this.db
    await db.exec('BEGIN TRANSACTION')
    try {
      for (const statement of [...STAGING, ...PATENT_STAGING]) await db.exec(statement)
      const open = (tables: Readonly<Record<string, string>>) =>
        Promise.all(
          Object.entries(tables).map(async ([name, table]) => [name, await db.appender(table)] as const),
        )
      const opened = await open(STAGING_APPENDERS)
      const openedPatents = await open(PATENT_APPENDERS)
      const appenders = [...opened, ...openedPatents].map(([, appender]) => appender)
      // STAGING_APPENDERS and PATENT_APPENDERS name every appender exactly (they `satisfy` their records), so
      // the entries are complete.
      const writer = new StagingWriter(Object.fromEntries(opened) as unknown as StagingAppenders)
      const patents = new PatentWriter(Object.fromEntries(openedPatents) as unknown as PatentAppenders)
      let appending = true
      const finish = () => {
        if (appending) for (const a of appenders) a.closeSync()
        appending = false
      }
      // Set once the transaction has ended, by COMMIT or ROLLBACK, whether they succeeded or not.
      let ended = false
      const rollback = async (): Promise<void> => {
        if (ended) return
        ended = true
        try {
          finish()
        } finally {
          await db.exec('ROLLBACK')
        }
      }
      return {
        add: (work) => writer.add(work),
        addPatent: (patent) => patents.add(patent),
        get staged() {
          return writer.count
        },
        commit: async (summary) => {
          try {
            return await commit(summary)
          } catch (error) {
            // A failed COMMIT has ended the transaction already; its ROLLBACK failure must not hide why.
            throw await writeFailure(this.path, error, rollback)
          }
        },
        rollback,
      }
      async function commit({
        files,
        problems,
        now,
        corrections,
      }: Parameters<IngestRun['commit']>[0]): Promise<IngestCounts> {
        finish()
        const [row] = await db.all(sql`SELECT coalesce(max(ingest_id), 0) + 1 AS id FROM ingests`)
        const ingestId = Number(row?.id ?? 1)
        const revision = await nextRevision(db)
        const counts = await mergeStaging(db, ingestId, revision)
        const corrected = corrections
          ? await applyCorrections(db, corrections, { revision, all: false, fresh: false })
          : null
        await computeFacts(db, revision)
        const merges = await readMergeLog(db, ingestId)
        const patentCounts = await mergePatents(db, ingestId)
        await db.all(sql`INSERT INTO ingests (ingest_id, finished_at, files, records_read, works_added, duplicates,
            problems, patents_read, patents_added, patent_duplicates)
          VALUES (${ingestId}, ${now.toISOString()}, ${JSON.stringify(files)}, ${writer.count}, ${counts.added},
            ${counts.duplicatesOfStore + counts.duplicatesInRun}, ${problems}, ${patentCounts.read},
            ${patentCounts.added}, ${patentCounts.duplicatesOfStore + patentCounts.duplicatesInRun})`)
        for (const t of STAGING_TABLES) await db.exec(`DROP TABLE ${t}`)
        await db.exec('COMMIT')
        ended = true
        return {
          ingestId,
          recordsRead: writer.count,
          ...counts,
          merges,
          corrections: corrected,
          patents: patentCounts,
        }
      }
    } catch (error) {
      throw await writeFailure(this.path, error, () => db.exec('ROLLBACK'))
    }
  }

  /**
   * Add patents in one ingest run (one transaction, one `ingests` row): all of them or, on any failure, none.
   * A publication number already stored, or met earlier in `patents`, is counted as a duplicate, not added.
   *
   * @example
   * const { patents: counts } = await store.ingestPatents(read.patents, { files: ['lens.csv'], problems: 0, now })
   */
  async ingestPatents(
    patents: Iterable<Patent>,
    summary: { readonly files: readonly string[]; readonly problems: number; readonly now: Date },
  ): Promise<IngestCounts> {
    const run = await this.beginIngest()
    try {
      for (const patent of patents) run.addPatent(patent)
    } catch (error) {
      throw await writeFailure(this.path, error, () => run.rollback())
    }
    return run.commit(summary)
  }

  /**
   * Replace the institution roll-up (institution key -> top of its ROR parent chain) and record which registry it
   * came from, in one transaction.
   */
  async replaceRollup(
    pairs: ReadonlyMap<string, string>,
    registry: { readonly file: string; readonly organisations: number; readonly loadedAt: Date },
  ): Promise<void> {
    const db = this.db
    await db.exec('BEGIN TRANSACTION')
    try {
      await db.exec('DELETE FROM institution_rollup')
      const appender = await db.appender('institution_rollup')
      for (const [institution, top] of pairs) {
        appender.appendVarchar(institution)
        appender.appendVarchar(top)
        appender.endRow()
      }
      appender.closeSync()
      const version = JSON.stringify({
        file: registry.file,
        organisations: registry.organisations,
        loadedAt: registry.loadedAt.toISOString(),
      })
      await db.all(sql`DELETE FROM meta WHERE key = 'registry'`)
      await db.all(sql`INSERT INTO meta VALUES ('registry', ${version})`)
      await db.exec('COMMIT')
    } catch (error) {
      throw await writeFailure(this.path, error, () => db.exec('ROLLBACK'))
    }
  }

  /**
   * Resolve every affiliation string again (after a new registry or new overrides) and re-apply work
   * corrections, in one transaction; facts are recomputed for the works whose affiliations changed. With
   * `overrides`, they replace the stored overrides file.
   */
  async applyCorrections(
    corrections: Corrections,
    options: { readonly overrides?: Omit<StoredOverrides, 'appliedAt'>; readonly now: Date },
  ): Promise<CorrectionCounts & { readonly worksChanged: number }> {
    const db = this.db
    await db.exec('BEGIN TRANSACTION')
    try {
      const revision = await nextRevision(db)
      await db.exec(`CREATE TEMP TABLE a_before AS
        SELECT work_id, position, seq, institution_key, country FROM affiliations`)
      const counts = await applyCorrections(db, corrections, { revision, all: true, fresh: true })
      await db.all(sql`UPDATE works SET facts_revision = ${revision} WHERE work_id IN (
        SELECT work_id FROM (
          (SELECT work_id, position, seq, institution_key, country FROM affiliations
            EXCEPT SELECT * FROM a_before)
          UNION ALL
          (SELECT * FROM a_before EXCEPT SELECT work_id, position, seq, institution_key, country FROM affiliations)
        ) d)`)
      await db.exec('DROP TABLE a_before')
      const [changed] = await db.all(sql`SELECT count(*) AS n FROM works WHERE facts_revision = ${revision}`)
      await computeFacts(db, revision)
      if (options.overrides) {
        await db.all(sql`DELETE FROM meta WHERE key = 'overrides'`)
        const stored = { ...options.overrides, appliedAt: options.now.toISOString() }
        await db.all(sql`INSERT INTO meta VALUES ('overrides', ${JSON.stringify(stored)})`)
      }
      await db.exec('COMMIT')
      return { ...counts, worksChanged: Number(changed?.n ?? 0) }
    } catch (error) {
      throw await writeFailure(this.path, error, () => db.exec('ROLLBACK'))
    }
  }

  /**
   * Cases for a curator: matched strings whose organisation's country differs from the string's, matches below
   * `lowConfidence` (default 0.9), and works with no country; at most `limit` (default 100) of each.
   */
  curationCases(
    options: { readonly lowConfidence?: number; readonly limit?: number } = {},
  ): Promise<CurationCase[]> {
    return readCurationCases(this.db, {
      lowConfidence: options.lowConfidence ?? 0.9,
      limit: options.limit ?? 100,
    })
  }

  /** The affiliation overrides in effect, per string they changed: the fixes to send upstream. */
  appliedFixes(): Promise<AppliedFix[]> {
    return readAppliedFixes(this.db)
  }

  /** The overrides file applied last, or `null`. */
  async overrides(): Promise<StoredOverrides | null> {
    const [row] = await this.db.all(sql`SELECT value FROM meta WHERE key = 'overrides'`)
    return typeof row?.value === 'string' ? (JSON.parse(row.value) as StoredOverrides) : null
  }

  /** Works, countries and sources in the store. */
  status(options: { readonly policy?: string } = {}): Promise<StoreStatus> {
    return readStatus(this.db.reader, options.policy ?? 'iso')
  }

  /** What data the store holds, for reproducibility stamps on every result. */
  dataVersion(): Promise<DataVersion> {
    return readDataVersion(this.db.reader)
  }

  close(): void {
    this.db.close()
  }

  private async migrate(): Promise<void> {
    for (const statement of SCHEMA) await this.db.exec(statement)
    const rows = await this.db.all(sql`SELECT value FROM meta WHERE key = 'schema_version'`)
    const version = rows[0]?.value
    if (rows.length === 0)
      await this.db.all(sql`INSERT INTO meta VALUES ('schema_version', ${SCHEMA_VERSION})`)
    else if (typeof version === 'string' && UPGRADABLE.has(version))
      await this.db.all(sql`UPDATE meta SET value = ${SCHEMA_VERSION} WHERE key = 'schema_version'`)
  }

  private async checkVersion(path: string): Promise<void> {
    const rows = await this.db.all(sql`SELECT value FROM meta WHERE key = 'schema_version'`).catch(() => [])
    const version = rows[0]?.value
    if (version !== SCHEMA_VERSION)
      throw new MeridianError(
        'STORE_UNAVAILABLE',
        `store "${path}" has schema version ${JSON.stringify(version ?? null)}; this Meridian reads version ${SCHEMA_VERSION}` +
          (typeof version === 'string' && UPGRADABLE.has(version)
            ? '; open it once for writing (an ingest) to upgrade it'
            : '; rebuild it with this Meridian'),
      )
  }
}
