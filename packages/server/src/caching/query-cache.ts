import { renderPositional, type Sql } from '@meridian/indicators'

type Rows = readonly Readonly<Record<string, unknown>>[]

/** Limits of the query-result cache. */
export interface QueryCacheOptions {
  /** Default 32 MiB of rows (estimated). */
  readonly maxBytes?: number
}

interface Entry {
  readonly rows: Promise<Rows>
  /** The signal of the request that runs it: when that request is called off, others run it again. */
  readonly signal: AbortSignal | undefined
  bytes: number
}

/** A rough size of rows in memory: enough to bound the cache, cheap to compute. */
function estimate(rows: Rows): number {
  let bytes = 64
  for (const row of rows) {
    bytes += 64
    for (const key in row) {
      const value = row[key]
      bytes += 32 + (typeof value === 'string' ? value.length * 2 : 8)
    }
  }
  return bytes
}

/** `promise`, or the signal's reason as soon as it is aborted (the work behind the promise goes on for others). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error)
  let drop!: () => void
  const aborted = new Promise<never>((_, reject) => {
    drop = () => reject(signal.reason as Error)
    signal.addEventListener('abort', drop, { once: true })
  })
  return Promise.race([promise, aborted]).finally(() => signal.removeEventListener('abort', drop))
}

/**
 * Rows of identical queries on the same data: one run shared by every request that asks while it runs, and kept
 * afterwards (least recently used, bounded in bytes). A country profile and an indicator page ask many of the
 * same questions (coverage, the same indicator over the same years), and so do clients with similar parameters.
 * Rows are frozen: callers read them, never change them.
 */
export class QueryCache {
  private readonly entries = new Map<string, Entry>()
  private bytes = 0
  private readonly maxBytes: number

  constructor(options: QueryCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 32 * 2 ** 20
  }

  /** The rows of `query` on data `version`, from the cache, from the same query in flight, or from `run`. */
  async rows(
    version: string,
    query: Sql,
    signal: AbortSignal | undefined,
    run: () => Promise<Record<string, unknown>[]>,
  ): Promise<Record<string, unknown>[]> {
    const { text, values } = renderPositional(query)
    const key = `${version}\u0000${text}\u0000${JSON.stringify(values)}`
    let entry = this.entries.get(key)
    if (entry) {
      this.entries.delete(key)
      this.entries.set(key, entry)
    } else entry = this.start(key, signal, run)
    try {
      return [...(await (signal ? abortable(entry.rows, signal) : entry.rows))]
    } catch (error) {
      // Shared with a request that was called off (time limit, client gone): this one runs it itself.
      if (entry.signal !== signal && entry.signal?.aborted && !signal?.aborted)
        return this.rows(version, query, signal, run)
      throw error
    }
  }

  private start(key: string, signal: AbortSignal | undefined, run: () => Promise<Record<string, unknown>[]>) {
    const entry: Entry = {
      rows: run().then((rows) => Object.freeze(rows.map((row) => Object.freeze(row)))),
      signal,
      bytes: 0,
    }
    this.entries.set(key, entry)
    entry.rows.then(
      (rows) => {
        if (this.entries.get(key) !== entry) return
        entry.bytes = estimate(rows)
        this.bytes += entry.bytes
        this.evict()
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key)
      },
    )
    return entry
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      // Queries in flight (no size yet) stay: others wait for them.
      if (entry.bytes === 0) continue
      this.entries.delete(key)
      this.bytes -= entry.bytes
    }
  }

  /** Forget every result (the data changed). */
  clear(): void {
    this.entries.clear()
    this.bytes = 0
  }
}
