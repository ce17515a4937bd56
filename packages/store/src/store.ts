import { MeridianError, type Work } from '@meridian/model'
import { sql, type SqlRunner } from '@meridian/indicators'
import { Database } from './duckdb.js'
import { computeFacts } from './facts.js'
import { mergeStaging, type MergeCounts } from './merge.js'
import { SCHEMA, SCHEMA_VERSION, STAGING, STAGING_TABLES } from './schema.js'
import { StagingWriter } from './staging-writer.js'
import { readDataVersion, type DataVersion } from './data-version.js'
import { readStatus, type StoreStatus } from './status.js'

/** Options of `openStore`. */
export interface OpenStoreOptions {
  /** Database file; `:memory:` for a throw-away store. */
  readonly path: string
  /** Open without write access (indicators, status). Default `false`. */
  readonly readOnly?: boolean
  /** Memory DuckDB may use before spilling to disk, e.g. `4GB` (default) or `50%`. */
  readonly memoryLimit?: string
}

/** What one ingest run did. */
export interface IngestCounts extends MergeCounts {
  readonly ingestId: number
  readonly recordsRead: number
}

/** One ingest run: add works, then `commit` (all of them) or `rollback` (none). */
export interface IngestRun {
  add(work: Work): void
  readonly staged: number
  commit(summary: {
    readonly files: readonly string[]
    readonly problems: number
    readonly now: Date
  }): Promise<IngestCounts>
  rollback(): Promise<void>
}

/** The embedded store: canonical works, per-work facts, and a `SqlRunner` for indicators. */
export class Store {
  private constructor(private readonly db: Database) {}

  /** Open a store, creating its tables on first use. */
  static async open(options: OpenStoreOptions): Promise<Store> {
    let db: Database
    try {
      db = await Database.open(options.path, {
        readOnly: options.readOnly ?? false,
        ...(options.memoryLimit ? { memoryLimit: options.memoryLimit } : {}),
      })
    } catch (cause) {
      throw new MeridianError('STORE_UNAVAILABLE', `cannot open store "${options.path}"`, { cause })
    }
    const store = new Store(db)
    if (!options.readOnly) await store.migrate()
    await store.checkVersion(options.path)
    return store
  }

  /** The port indicators run through. */
  get runner(): SqlRunner {
    return this.db
  }

  /** Begin an ingest run; everything it adds becomes visible at `commit`, atomically. */
  async beginIngest(): Promise<IngestRun> {
    const db = this.db
    await db.exec('BEGIN TRANSACTION')
    try {
      for (const statement of STAGING) await db.exec(statement)
      const appenders = await Promise.all(STAGING_TABLES.map((t) => db.appender(t)))
      const [works, fields, authorships, affiliations, institutions, bibliometrix] = appenders
      if (!works || !fields || !authorships || !affiliations || !institutions || !bibliometrix)
        throw new Error('a staging table has no appender')
      const writer = new StagingWriter({
        works,
        fields,
        authorships,
        affiliations,
        institutions,
        bibliometrix,
      })
      let open = true
      const finish = () => {
        if (open) for (const a of appenders) a.closeSync()
        open = false
      }
      return {
        add: (work) => writer.add(work),
        get staged() {
          return writer.count
        },
        commit: async ({ files, problems, now }) => {
          finish()
          const [row] = await db.all(sql`SELECT coalesce(max(ingest_id), 0) + 1 AS id FROM ingests`)
          const ingestId = Number(row?.id ?? 1)
          const counts = await mergeStaging(db, ingestId)
          await computeFacts(db, ingestId)
          await db.all(sql`INSERT INTO ingests VALUES (${ingestId}, ${now.toISOString()}, ${JSON.stringify(files)},
            ${writer.count}, ${counts.added}, ${counts.duplicatesOfStore + counts.duplicatesInRun}, ${problems})`)
          for (const t of STAGING_TABLES) await db.exec(`DROP TABLE ${t}`)
          await db.exec('COMMIT')
          return { ingestId, recordsRead: writer.count, ...counts }
        },
        rollback: async () => {
          try {
            finish()
          } finally {
            await db.exec('ROLLBACK')
          }
        },
      }
    } catch (error) {
      await db.exec('ROLLBACK')
      throw error
    }
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
      await db.exec('ROLLBACK')
      throw error
    }
  }

  /** Works, countries and sources in the store. */
  status(options: { readonly policy?: string } = {}): Promise<StoreStatus> {
    return readStatus(this.db, options.policy ?? 'iso')
  }

  /** What data the store holds, for reproducibility stamps on every result. */
  dataVersion(): Promise<DataVersion> {
    return readDataVersion(this.db)
  }

  close(): void {
    this.db.close()
  }

  private async migrate(): Promise<void> {
    for (const statement of SCHEMA) await this.db.exec(statement)
    const rows = await this.db.all(sql`SELECT value FROM meta WHERE key = 'schema_version'`)
    if (rows.length === 0)
      await this.db.all(sql`INSERT INTO meta VALUES ('schema_version', ${SCHEMA_VERSION})`)
  }

  private async checkVersion(path: string): Promise<void> {
    const rows = await this.db.all(sql`SELECT value FROM meta WHERE key = 'schema_version'`).catch(() => [])
    const version = rows[0]?.value
    if (version !== SCHEMA_VERSION)
      throw new MeridianError(
        'STORE_UNAVAILABLE',
        `store "${path}" has schema version ${JSON.stringify(version ?? null)}; this Meridian reads version ${SCHEMA_VERSION}`,
      )
  }
}
