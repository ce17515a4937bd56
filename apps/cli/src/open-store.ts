import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { MeridianError } from '@meridian/model'
import { Store } from '@meridian/store'
import { STORE_FILE } from './context.js'

/** Open the store in `dir`; for reading, a missing store is an error that says how to make one. */
export async function openStore(dir: string, mode: 'read' | 'write'): Promise<Store> {
  const path = join(dir, STORE_FILE)
  if (mode === 'read' && !existsSync(path))
    throw new MeridianError(
      'STORE_UNAVAILABLE',
      `no store at "${dir}": run "meridian ingest <files> --store ${dir}" or "meridian demo" first`,
    )
  if (mode === 'write') mkdirSync(dir, { recursive: true })
  return Store.open({ path, readOnly: mode === 'read' })
}
