import type { SqlRunner } from '@meridian/indicators'
import { MeridianError } from '@meridian/model'
import type { DataVersion, Store, StoreStatus } from '@meridian/store'
import { ApiError } from '../errors/api-error.js'
import { versionKey } from '../caching/etag.js'
import { QueryCache } from '../caching/query-cache.js'
import { requestSignal } from './request-limits.js'

/** What the API reads of a store. `Store` implements it. */
export type StoreReader = Pick<Store, 'runner' | 'status' | 'dataVersion'> &
  Partial<Pick<Store, 'concurrency'>>

/** Limits on queries waiting for the store. */
export interface QueueOptions {
  /** Queries waiting beyond those running; more get 503 with Retry-After. Default 64. */
  readonly limit?: number
}

/** Wait for a turn, or reject with the signal's reason if it is aborted first (the turn is given up). */
function turn(waiting: (() => void)[], signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const go = () => {
      signal?.removeEventListener('abort', drop)
      resolve()
    }
    const drop = () => {
      waiting.splice(waiting.indexOf(go), 1)
      reject(signal?.reason)
    }
    waiting.push(go)
    signal?.addEventListener('abort', drop, { once: true })
  })
}

/**
 * At most `running` store calls at once and `limit` waiting, first come first served; beyond that a new request's
 * call is refused at once (`BUSY`, 503): a pile-up never grows without bound. A request already let in (by its
 * signal) is never refused halfway: its later queries (a profile asks ~25) may queue beyond the limit, so work
 * begun is not thrown away. A call whose request is aborted (time limit, client gone) leaves the queue unrun.
 */
function gate(running: number, limit: number) {
  let active = 0
  const waiting: (() => void)[] = []
  const admitted = new WeakSet<AbortSignal>()
  return async <T>(work: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> => {
    signal?.throwIfAborted()
    if (active >= running) {
      if (waiting.length >= limit && !(signal && admitted.has(signal)))
        throw new ApiError('BUSY', `the store is busy (${waiting.length} queries waiting): retry shortly`)
      if (signal) admitted.add(signal)
      await turn(waiting, signal)
    } else {
      active++
      if (signal) admitted.add(signal)
    }
    try {
      return await work()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else active--
    }
  }
}

const guard = async <T>(what: string, run: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
  try {
    return await run()
  } catch (cause) {
    if (cause instanceof MeridianError) throw cause
    signal?.throwIfAborted()
    throw new MeridianError('STORE_UNAVAILABLE', `the store could not answer (${what})`, { cause })
  }
}

/**
 * Wrap a store so that any driver failure surfaces as `STORE_UNAVAILABLE` (HTTP 503), and queries queue for its
 * connections within the queue's limit (`BUSY`, 503 beyond). The data version bypasses the queue: it is cheap,
 * and every request, cached ones included, needs it. Identical queries on the same data version share one run
 * through `cache`, before the queue (default: only while in flight).
 */
export function guardStore(
  store: StoreReader,
  queue: QueueOptions = {},
  cache: QueryCache = new QueryCache({ maxBytes: 0 }),
): StoreReader {
  const queued = gate(store.concurrency ?? 1, queue.limit ?? 64)
  // The data version last read: query results are shared and kept per version.
  let version: string | null = null
  const runner: SqlRunner = {
    all: (query) => {
      const signal = requestSignal()
      const run = () =>
        queued(() => guard('query', () => store.runner.all(query, { signal }), signal), signal)
      return version === null ? run() : cache.rows(version, query, signal, run)
    },
  }
  return {
    runner,
    status: (options?: { readonly policy?: string }): Promise<StoreStatus> => {
      const signal = requestSignal()
      return queued(() => guard('status', () => store.status(options), signal), signal)
    },
    dataVersion: async (): Promise<DataVersion> => {
      const read = await guard('data version', () => store.dataVersion())
      version = versionKey(read)
      return read
    },
  }
}
