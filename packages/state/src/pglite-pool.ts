import type { PGlite } from '@electric-sql/pglite'
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely'

/** The SQL command of a statement, as `pg` reports it (`INSERT`, `UPDATE`...), for affected-row counts. */
function commandOf(sql: string): string {
  return (/^\s*(\w+)/.exec(sql)?.[1] ?? '').toUpperCase()
}

/**
 * A `pg`-shaped pool over one embedded PGlite instance, so Kysely's own Postgres dialect drives it.
 * PGlite has one connection: a client is handed out to one holder at a time, so a transaction's statements
 * never interleave with another request's. `owned: false` leaves the instance open on `end()`.
 */
export function pglitePool(db: PGlite, options: { owned?: boolean } = {}): PostgresPool {
  let tail: Promise<void> = Promise.resolve()
  const client = (release: () => void): PostgresPoolClient =>
    ({
      async query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
        const result = await db.query<R>(sql, [...parameters])
        return { command: commandOf(sql) as 'SELECT', rowCount: result.affectedRows ?? 0, rows: result.rows }
      },
      release,
    }) as PostgresPoolClient
  return {
    connect(): Promise<PostgresPoolClient> {
      let release!: () => void
      const turn = new Promise<void>((resolve) => (release = resolve))
      const ready = tail
      tail = tail.then(() => turn)
      return ready.then(() => client(release))
    },
    async end(): Promise<void> {
      await tail
      if (options.owned !== false) await db.close()
    },
  }
}
