import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api'
import { renderPositional, type Sql, type SqlRunner } from '@meridian/indicators'

export type Appender = DuckDBAppender

/** DuckDB returns BIGINT and HUGEINT as BigInt and DECIMAL as objects; the rest of Meridian sees numbers. */
function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value)
  return value
}

/** The memory DuckDB may use before it spills to disk, unless the caller says otherwise. */
export const DEFAULT_MEMORY_LIMIT = '4GB'

/** A DuckDB database and its one connection. */
export class Database implements SqlRunner {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /** Open (creating if needed) a database file; `:memory:` for an in-memory database. */
  static async open(
    path: string,
    options: { readOnly?: boolean; memoryLimit?: string } = {},
  ): Promise<Database> {
    const instance = await DuckDBInstance.create(path, {
      ...(options.readOnly ? { access_mode: 'READ_ONLY' } : {}),
      // Results are ordered explicitly; not keeping insertion order lets large inserts stream.
      preserve_insertion_order: 'false',
      // DuckDB's default (80 % of RAM) lets a large ingest grow without bound; under a limit it spills to disk.
      memory_limit: options.memoryLimit ?? DEFAULT_MEMORY_LIMIT,
    })
    return new Database(instance, await instance.connect())
  }

  async all(query: Sql): Promise<Record<string, unknown>[]> {
    const { text, values } = renderPositional(query)
    const reader = await this.connection.runAndReadAll(text, values as (string | number | boolean | null)[])
    return reader.getRowObjectsJS().map((row) => {
      const out: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(row)) out[key] = toPlain(value)
      return out
    })
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
    this.connection.closeSync()
    this.instance.closeSync()
  }
}
