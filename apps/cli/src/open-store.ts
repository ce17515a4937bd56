import { existsSync, mkdirSync } from 'node:fs'
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
  return Store.open({ path, readOnly: mode === 'read', ...(memoryLimit ? { memoryLimit } : {}) })
}
