import { MeridianError } from '@meridian/model'
import { Migrator, sql, type Kysely, type Migration } from 'kysely'
import { MIGRATIONS } from './migrations/index.js'

/** Where the database stands against this binary's migrations. */
export interface MigrationStatus {
  readonly applied: readonly { readonly name: string; readonly appliedAt: string }[]
  readonly pending: readonly string[]
  /** Applied migrations this binary does not know: the database was written by a newer Meridian. */
  readonly unknown: readonly string[]
}

/** A set of migrations by name (the workspace's, plus those of other domains). */
export type Migrations = Readonly<Record<string, Migration>>

/** Kysely's migrator over the given migrations; `schema` keeps its bookkeeping tables there. */
export const migrator = <DB>(db: Kysely<DB>, schema?: string, migrations: Migrations = MIGRATIONS) =>
  new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve({ ...migrations }) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  })

/** The applied, pending and unknown migrations of a state database. */
export async function migrationStatus<DB>(
  db: Kysely<DB>,
  migrations: Migrations = MIGRATIONS,
): Promise<MigrationStatus> {
  const exists = await sql<{
    found: string | null
  }>`select to_regclass('kysely_migration')::text as found`.execute(db)
  const applied = exists.rows[0]?.found
    ? (
        await sql<{
          name: string
          timestamp: string
        }>`select name, timestamp from kysely_migration order by name`.execute(db)
      ).rows
    : []
  const known = Object.keys(migrations)
  const names = new Set(applied.map((row) => row.name))
  return {
    applied: applied.map((row) => ({ name: row.name, appliedAt: row.timestamp })),
    pending: known.filter((name) => !names.has(name)),
    unknown: applied.map((row) => row.name).filter((name) => !(name in migrations)),
  }
}

/** Refuse a database written by a newer Meridian, with a message that says what to do. */
export function assertKnown(status: MigrationStatus, location: string): void {
  if (status.unknown.length > 0)
    throw new MeridianError(
      'STORE_UNAVAILABLE',
      `the state database ${location} was written by a newer Meridian (migrations ${status.unknown.join(', ')} ` +
        `are unknown to this version): upgrade Meridian, or restore a backup this version made`,
    )
}

/**
 * Apply every pending migration, under the database's migration lock (Kysely takes a PostgreSQL advisory lock,
 * so two servers starting together apply each migration once). Returns the names applied.
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  location: string,
  options: { readonly schema?: string | undefined; readonly migrations?: Migrations } = {},
): Promise<readonly string[]> {
  assertKnown(await migrationStatus(db, options.migrations), location)
  const { error, results = [] } = await migrator(db, options.schema, options.migrations).migrateToLatest()
  if (error)
    throw new MeridianError(
      'STORE_UNAVAILABLE',
      `migrating the state database ${location} failed: ${String(error)}`,
      {
        cause: error,
      },
    )
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName)
}
