import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { MeridianError } from '@meridian/model'
import { Store } from '@meridian/store'
import { STORE_FILE, type Context } from './context.js'

/**
 * `meridian demo` writes ./meridian-demo, kept apart from real data in ./meridian-data: a command that reads
 * the default store when there is none there reads the demo store, if there is one, and says so.
 */
function demoFallback(context: Context, dir: string): string {
  const demo = resolve(context.cwd, 'meridian-demo')
  const isDefault = dir === resolve(context.cwd, 'meridian-data') && !context.env.MERIDIAN_STORE
  if (!isDefault || existsSync(join(dir, STORE_FILE)) || !existsSync(join(demo, STORE_FILE))) return dir
  context.stderr(`meridian: no store in ./meridian-data: reading the demo store ./meridian-demo\n`)
  return demo
}

/**
 * DuckDB lets one process write a store, and none read it meanwhile. When another process holds it, say which
 * one, since when (a server's state lock tells), and how to add data to a served store.
 */
function lockHolder(dir: string, error: unknown): MeridianError | undefined {
  const cause = error instanceof Error ? error.cause : undefined
  const text = cause instanceof Error ? cause.message : ''
  const pid = /Conflicting lock is held in .*?\(PID (\d+)\)/.exec(text)?.[1]
  if (pid === undefined) return undefined
  let holder = ''
  try {
    const lock = JSON.parse(readFileSync(join(dir, 'state.lock'), 'utf8')) as Record<string, unknown>
    if (String(lock.pid) === pid) holder = ` (${String(lock.command)}) since ${String(lock.since)}`
  } catch {
    // No state lock, or not this process's: the process id is all DuckDB tells.
  }
  return new MeridianError(
    'STORE_UNAVAILABLE',
    `the store "${dir}" is in use by process ${pid}${holder}: stop it first, or, when it is a server, ` +
      `send new data to it with "meridian ingest FILES --server URL"`,
    { cause: error },
  )
}

/**
 * Open the store in `dir` (memory limit from `MERIDIAN_MEMORY_LIMIT`); for reading, a missing store is an error
 * that says how to make one. `serve` opens it writable with a reading connection per core, so the server can
 * take new data while it answers.
 */
export async function openStore(
  context: Context,
  dir: string,
  mode: 'read' | 'write' | 'serve',
): Promise<Store> {
  if (mode !== 'write') dir = demoFallback(context, dir)
  const path = join(dir, STORE_FILE)
  if (mode !== 'write' && !existsSync(path))
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
    ...(mode !== 'write' ? { readers: availableParallelism() } : {}),
    ...(memoryLimit ? { memoryLimit } : {}),
  }).catch((error: unknown) => {
    throw lockHolder(dir, error) ?? error
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
