import { MeridianError } from '@meridian/model'
import { sql, type Kysely } from 'kysely'
import { migrationStatus, migrator, type Migrations } from './migrate.js'
import type { StateSchema } from './schema.js'

/**
 * Tables deliberately not backed up: a restored database signs everyone out. Every other table of the schema
 * (the workspace's and other domains') is carried, parents before children.
 */
export const EPHEMERAL_TABLES = Object.freeze(['sessions', 'setup_tokens'] as const)

/** The tables a backup carries, parents before children (by their foreign keys). */
export async function backupTables(db: AnyDb): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely\_%'
      order by 1`.execute(db)
  ).rows
    .map((row) => row.name)
    .filter((name) => !(EPHEMERAL_TABLES as readonly string[]).includes(name))
  const edges = (
    await sql<{ child: string; parent: string }>`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = current_schema()`.execute(db)
  ).rows
  const ordered: string[] = []
  const visit = (table: string, path: readonly string[]) => {
    if (ordered.includes(table) || path.includes(table)) return
    for (const edge of edges)
      if (edge.child === table && edge.parent !== table) visit(edge.parent, [...path, table])
    if (tables.includes(table)) ordered.push(table)
  }
  for (const table of tables) visit(table, [])
  return ordered
}

/** The first line of a backup file. */
interface BackupHeader {
  readonly meridian: 'state-backup'
  readonly version: 1
  readonly migrations: readonly string[]
  readonly createdAt: string
}

/** What a backup or restore moved. */
export interface BackupSummary {
  readonly migrations: readonly string[]
  readonly rows: Readonly<Record<string, number>>
}

type AnyDb = Kysely<StateSchema>

async function columnTypes(db: AnyDb, table: string): Promise<Map<string, string>> {
  const rows = await sql<{ column_name: string; data_type: string }>`
    select column_name, data_type from information_schema.columns
    where table_name = ${table} and table_schema = current_schema()`.execute(db)
  return new Map(rows.rows.map((row) => [row.column_name, row.data_type]))
}

/**
 * Write the state database as JSON Lines (a header, then `{"table","row"}` lines), engine-neutral: a backup
 * of PGlite restores into a PostgreSQL server and back. Read in one repeatable-read transaction, so it is a
 * consistent snapshot while the server runs.
 */
export async function backupState(
  db: AnyDb,
  write: (line: string) => void | Promise<void>,
  now: () => Date = () => new Date(),
): Promise<BackupSummary> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const status = await migrationStatus<StateSchema>(trx, {})
      const migrations = status.applied.map((migration) => migration.name)
      const header: BackupHeader = {
        meridian: 'state-backup',
        version: 1,
        migrations,
        createdAt: now().toISOString(),
      }
      await write(JSON.stringify(header))
      const counts: Record<string, number> = {}
      for (const table of await backupTables(trx)) {
        const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by 1`.execute(
          trx,
        )
        for (const row of rows.rows) await write(JSON.stringify({ table, row }))
        counts[table] = rows.rows.length
      }
      return { migrations, rows: counts }
    })
}

function parseHeader(line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader> | undefined
  try {
    header = line === undefined ? undefined : (JSON.parse(line) as Partial<BackupHeader>)
  } catch {
    header = undefined
  }
  if (header?.meridian !== 'state-backup' || header.version !== 1 || !Array.isArray(header.migrations))
    throw new MeridianError(
      'BAD_RECORD',
      'not a Meridian state backup: the first line must be {"meridian":"state-backup","version":1,...}',
      {
        location: { file: '(backup)', line: 1 },
      },
    )
  return header as BackupHeader
}

/**
 * Restore a backup into an empty state database, in one transaction: migrated to the backup's level, rows
 * inserted, identity counters moved past them, then migrated to this binary's latest. Refuses a non-empty
 * database and a backup from a newer Meridian.
 */
export async function restoreState(
  state: { readonly db: AnyDb; readonly migrations: Migrations },
  lines: AsyncIterable<string>,
  file: string,
): Promise<BackupSummary> {
  const { db, migrations } = state
  const iterator = lines[Symbol.asyncIterator]()
  const first = await iterator.next()
  const header = parseHeader(first.done ? undefined : first.value)
  const unknown = header.migrations.filter((name) => !(name in migrations))
  if (unknown.length > 0)
    throw new MeridianError(
      'STORE_UNAVAILABLE',
      `${file} was made by a newer Meridian (migrations ${unknown.join(', ')} are unknown)`,
    )
  const status = await migrationStatus(db, migrations)
  const applied = status.applied.map((migration) => migration.name)
  const last = header.migrations.at(-1)
  const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]
    ?.schema
  const migrate = migrator(db, schema, migrations)
  if (applied.length === 0 && last) {
    const { error } = await migrate.migrateTo(last)
    if (error)
      throw new MeridianError('STORE_UNAVAILABLE', `restoring ${file}: migrating failed: ${String(error)}`, {
        cause: error,
      })
  } else if (applied.join() !== header.migrations.join())
    throw new MeridianError(
      'STORE_UNAVAILABLE',
      `restoring ${file}: the database is at migration ${applied.at(-1)}, the backup at ${last}: restore into a new, empty database`,
    )
  const counts: Record<string, number> = {}
  await db.transaction().execute(async (trx) => {
    const tables = await backupTables(trx)
    for (const table of tables) {
      const found = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx)
      if ((found.rows[0]?.n ?? 0) > 0)
        throw new MeridianError(
          'CONFLICT',
          `restoring ${file}: the state database is not empty (table ${table} has rows)`,
        )
    }
    const types = new Map<string, Map<string, string>>()
    for (const table of tables) types.set(table, await columnTypes(trx, table))
    let lineNumber = 1
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      lineNumber++
      if (next.value.trim() === '') continue
      const location = { file, line: lineNumber }
      let entry: { table?: unknown; row?: unknown }
      try {
        entry = JSON.parse(next.value) as typeof entry
      } catch (error) {
        throw new MeridianError('BAD_RECORD', `restoring: invalid JSON`, { location, cause: error })
      }
      const columns = typeof entry.table === 'string' ? types.get(entry.table) : undefined
      if (!columns || typeof entry.row !== 'object' || entry.row === null)
        throw new MeridianError(
          'BAD_RECORD',
          `restoring: unknown table "${String(entry.table).slice(0, 40)}"`,
          { location: { ...location, field: 'table' } },
        )
      const row: Record<string, unknown> = {}
      for (const [column, value] of Object.entries(entry.row)) {
        const type = columns.get(column)
        if (!type)
          throw new MeridianError(
            'BAD_RECORD',
            `restoring: table ${String(entry.table)} has no column "${column.slice(0, 40)}"`,
            { location: { ...location, field: column } },
          )
        row[column] = type === 'jsonb' && value !== null ? JSON.stringify(value) : value
      }
      await trx
        .insertInto(entry.table as keyof StateSchema)
        .values(row as never)
        .execute()
      counts[entry.table as string] = (counts[entry.table as string] ?? 0) + 1
    }
    for (const table of tables)
      if (types.get(table)?.has('id'))
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
          trx,
        )
  })
  const { error } = await migrate.migrateToLatest()
  if (error)
    throw new MeridianError(
      'STORE_UNAVAILABLE',
      `restoring ${file}: migrating to the latest failed: ${String(error)}`,
      { cause: error },
    )
  return { migrations: header.migrations, rows: counts }
}
