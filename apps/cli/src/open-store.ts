import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { MeridianError } from '@meridian/model'
import { Store } from '@meridian/store'
import { STORE_FILE, type Context } from './context.js'

/** Open the store in `dir` (memory limit from `MERIDIAN_MEMORY_LIMIT`); for reading, a missing store is an error that says how to make one. */
export async function openStore(context: Context, dir: string, mode: 'read' | 'write'): Promise<Store> {
  const path = join(dir, STORE_FILE)
  if (mode === 'read' && !existsSync(path))
    throw new MeridianError(
      'STORE_UNAVAILABLE',
      `no store at "${dir}": run "meridian ingest <files> --store ${dir}" or "meridian demo" first`,
    )
  if (mode === 'write') mkdirSync(dir, { recursive: true })
  // DuckDB spills to disk beyond this (default 4GB in the store): MERIDIAN_MEMORY_LIMIT=8GB raises it.
  const memoryLimit = context.env.MERIDIAN_MEMORY_LIMIT
  // Reading (serve, indicators) uses a connection per core, so concurrent queries run side by side.
  return Store.open({
    path,
    readOnly: mode === 'read',
    ...(mode === 'read' ? { readers: availableParallelism() } : {}),
    ...(memoryLimit ? { memoryLimit } : {}),
  })
}

/** A store opened for a write that may fail: `discard()` removes what opening it created, if anything. */
export interface NewOrExistingStore {
  readonly store: Store
  /** Close the store and remove the directory or database file that opening it created. */
  discard(): void
}

/**
 * Open the store in `dir` for writing, remembering whether it existed: a failed first ingest must leave the
 * file system as it was, not an empty store.
 */
export async function openStoreForWrite(context: Context, dir: string): Promise<NewOrExistingStore> {
  const path = join(dir, STORE_FILE)
  const existed = existsSync(path)
  // The first directory mkdir creates, if any: removing it removes every level it made.
  const madeDir = existsSync(dir) ? undefined : mkdirSync(dir, { recursive: true })
  const store = await openStore(context, dir, 'write').catch((error: unknown) => {
    if (madeDir) rmSync(madeDir, { recursive: true, force: true })
    throw error
  })
  return {
    store,
    discard: () => {
      try {
        store.close()
      } catch {
        // A store given up after a failure (a full disk) may fail to close too; that changes nothing.
      }
      if (existed) return
      if (madeDir) rmSync(madeDir, { recursive: true, force: true })
      else for (const file of [path, `${path}.wal`]) rmSync(file, { force: true })
    },
  }
}
