import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { MeridianError } from '@meridian/model'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { assertKnown, migrateToLatest, migrationStatus, type Migrations } from './migrate.js'
import { MIGRATIONS } from './migrations/index.js'
import { pglitePool } from './pglite-pool.js'
import type { StateSchema } from './schema.js'
import { takeStateLock } from './state-lock.js'

/** Which engine holds the state: embedded PGlite or a PostgreSQL server. */
export type StateEngine = 'pglite' | 'postgres'

/** An open state database. */
export interface StateDb {
  readonly db: Kysely<StateSchema>
  readonly engine: StateEngine
  /** The folder (PGlite) or the server URL without its password (PostgreSQL). */
  readonly location: string
  /** Migrations applied while opening. */
  readonly migrated: readonly string[]
  /** Every migration this database is run with (the workspace's and other domains'). */
  readonly migrations: Migrations
  close(): Promise<void>
}

/** Options of {@link openState}. */
export interface OpenStateOptions {
  /** A PostgreSQL server (`postgres://user:pass@host:port/db`). Default: none, embedded PGlite in `dir`. */
  readonly url?: string | undefined
  /** The PGlite data folder (created when missing). Default: none, an in-memory database (tests). */
  readonly dir?: string | undefined
  /**
   * Every migration to run, by name: the workspace's `MIGRATIONS` (the default) plus other domains'.
   */
  readonly migrations?: Migrations
  /** Apply pending migrations (default `true`); `false` still refuses a database from a newer Meridian. */
  readonly migrate?: boolean
  /** What holds the embedded database, shown to a second process that tries to open it. Default `meridian`. */
  readonly command?: string
  /**
   * A schema to keep every table in (created when missing), for tests that share one server or one PGlite.
   * Default: none, the server's search path.
   */
  readonly schema?: string | undefined
  /** An embedded instance to use instead of opening `dir` (tests share one); it is left open on close. */
  readonly pglite?: PGlite | undefined
  /** Connections to a PostgreSQL server. Default 10. */
  readonly poolSize?: number
  readonly now?: () => Date
}

/** A URL with its password masked, for messages and status. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'postgres://(unparsable URL)'
  }
}

/** The state database folder inside a store directory. */
export const STATE_DIR = 'state'

type Pool = pg.Pool | ReturnType<typeof pglitePool>

async function openPglite(
  options: OpenStateOptions,
): Promise<{ pool: Pool; release: () => void; location: string }> {
  if (options.pglite)
    return { pool: pglitePool(options.pglite, { owned: false }), release: () => {}, location: '(shared)' }
  if (!options.dir)
    return { pool: pglitePool(await PGlite.create()), release: () => {}, location: '(in memory)' }
  mkdirSync(options.dir, { recursive: true })
  const release = takeStateLock(join(options.dir, '..', `${STATE_DIR}.lock`), {
    now: options.now ?? (() => new Date()),
    command: options.command ?? 'meridian',
    label: options.dir,
  })
  try {
    const db = await PGlite.create(options.dir)
    return { pool: pglitePool(db), release, location: options.dir }
  } catch (error) {
    release()
    throw new MeridianError(
      'STORE_UNAVAILABLE',
      `cannot open the state database "${options.dir}": ${String(error)}`,
      {
        cause: error,
      },
    )
  }
}

/**
 * Open the state database: a PostgreSQL server when `url` is given, else PGlite in `dir`; apply pending
 * migrations under the migration lock; refuse a database written by a newer Meridian.
 * @example
 *   const state = await openState({ dir: join(storeDir, STATE_DIR) })
 */
export async function openState(options: OpenStateOptions = {}): Promise<StateDb> {
  const engine: StateEngine = options.url ? 'postgres' : 'pglite'
  let pool: Pool
  let release = () => {}
  let location: string
  const schema = options.schema
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new MeridianError('BAD_OPTION', `state schema "${schema}" must be a lower-case SQL identifier`)
  if (options.url) {
    pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    })
    location = redactUrl(options.url)
  } else {
    ;({ pool, release, location } = await openPglite(options))
  }
  const db = new Kysely<StateSchema>({ dialect: new PostgresDialect({ pool }) })
  const close = async () => {
    await db.destroy()
    release()
  }
  try {
    if (schema) {
      await sql.raw(`create schema if not exists ${schema}`).execute(db)
      // PGlite has one connection: setting it once holds for every later statement.
      if (engine === 'pglite') await sql.raw(`set search_path to ${schema}`).execute(db)
    }
    let migrated: readonly string[] = []
    const migrations = options.migrations ?? MIGRATIONS
    if (options.migrate === false) assertKnown(await migrationStatus(db, migrations), location)
    else migrated = await migrateToLatest(db, location, { schema, migrations })
    return { db, engine, location, migrated, migrations, close }
  } catch (error) {
    await close().catch(() => {})
    if (error instanceof MeridianError) throw error
    throw new MeridianError(
      'STORE_UNAVAILABLE',
      `cannot open the state database ${location}: ${String(error)}`,
      {
        cause: error,
      },
    )
  }
}
