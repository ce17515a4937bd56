import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api'
import { renderPositional, type Sql, type SqlRunner } from '@meridian/indicators'

export type Appender = DuckDBAppender

/** A read that may be called off: an aborted `signal` rejects it with the signal's reason. */
export interface ReadOptions {
  readonly signal?: AbortSignal | undefined
}

/** A {@link SqlRunner} whose reads take {@link ReadOptions}. */
export interface ReadRunner extends SqlRunner {
  all(query: Sql, options?: ReadOptions): Promise<Record<string, unknown>[]>
}

/** DuckDB returns BIGINT and HUGEINT as BigInt and DECIMAL as objects; the rest of Meridian sees numbers. */
function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value)
  return value
}

/** The memory DuckDB may use before it spills to disk, unless the caller says otherwise. */
export const DEFAULT_MEMORY_LIMIT = '4GB'

/**
 * A DuckDB database: its one writing connection, which runs every write and the statements of a write's
 * transaction, and optionally a pool of reading connections (a server) through `reader`. Reads on the pool run
 * side by side and, during a write on the same database, see the data as it was before the write commits.
 */
export class Database implements SqlRunner {
  private readonly idle: DuckDBConnection[]
  private readonly waiting: ((connection: DuckDBConnection) => void)[] = []

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    private readonly readers: readonly DuckDBConnection[],
  ) {
    this.idle = [...readers]
  }

  /** Open (creating if needed) a database file; `:memory:` for an in-memory database. */
  static async open(
    path: string,
    options: { readOnly?: boolean; memoryLimit?: string; readers?: number } = {},
  ): Promise<Database> {
    const instance = await DuckDBInstance.create(path, {
      ...(options.readOnly ? { access_mode: 'READ_ONLY' } : {}),
      // Results are ordered explicitly; not keeping insertion order lets large inserts stream.
      preserve_insertion_order: 'false',
      // DuckDB's default (80 % of RAM) lets a large ingest grow without bound; under a limit it spills to disk.
      memory_limit: options.memoryLimit ?? DEFAULT_MEMORY_LIMIT,
    })
    // Queries on one connection run one at a time; a server reads on several at once.
    const readers = Math.max(0, options.readers ?? 0)
    const pool: DuckDBConnection[] = []
    for (let i = 0; i < readers; i++) pool.push(await instance.connect())
    return new Database(instance, await instance.connect(), pool)
  }

  /** How many queries may run at once: the reading connections, else the one connection. */
  get concurrency(): number {
    return Math.max(1, this.readers.length)
  }

  /** Run a query on the writing connection (inside a write's transaction when one is open). */
  all(query: Sql): Promise<Record<string, unknown>[]> {
    return this.run(this.connection, query)
  }

  /**
   * Reads: on a pooled reading connection when there are any, else on the one connection. An aborted `signal`
   * drops a read that has not started and interrupts one running on a pooled connection.
   */
  readonly reader: ReadRunner = {
    all: async (query, options = {}) => {
      options.signal?.throwIfAborted()
      return this.readers.length > 0
        ? this.run(await this.acquire(), query, options.signal)
        : this.run(this.connection, query)
    },
  }

  private async run(
    connection: DuckDBConnection,
    query: Sql,
    signal?: AbortSignal,
  ): Promise<Record<string, unknown>[]> {
    const { text, values } = renderPositional(query)
    const interrupt = () => connection.interrupt()
    try {
      signal?.throwIfAborted()
      signal?.addEventListener('abort', interrupt, { once: true })
      const reader = await connection.runAndReadAll(text, values as (string | number | boolean | null)[])
      return reader.getRowObjectsJS().map((row) => {
        const out: Record<string, unknown> = {}
        for (const [key, value] of Object.entries(row)) out[key] = toPlain(value)
        return out
      })
    } catch (cause) {
      // DuckDB's "Interrupted!" says less than why it was interrupted.
      signal?.throwIfAborted()
      throw cause
    } finally {
      signal?.removeEventListener('abort', interrupt)
      if (connection !== this.connection) this.release(connection)
    }
  }

  private acquire(): Promise<DuckDBConnection> {
    const connection = this.idle.pop()
    if (connection) return Promise.resolve(connection)
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  private release(connection: DuckDBConnection): void {
    const next = this.waiting.shift()
    if (next) next(connection)
    else this.idle.push(connection)
  }

  /** Run trusted statements (DDL, fixed SQL) with no parameters. */
  async exec(text: string): Promise<void> {
    await this.connection.run(text)
  }

  async appender(table: string, temp = false): Promise<Appender> {
    return temp
      ? this.connection.createAppender(table, 'main', 'temp')
      : this.connection.createAppender(table)
  }

  close(): void {
    for (const reader of this.readers) reader.closeSync()
    this.connection.closeSync()
    this.instance.closeSync()
  }
}
