import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { MeridianError } from '@meridian/model'

/** One page committed to the store: the cursor that asked for it and the one it gave for the next. */
export interface ManifestPage {
  readonly page: number
  readonly cursor: string
  readonly next: string | null
  readonly results: number
  readonly committedAt: string
}

/**
 * Where a harvest stands, saved after every page the store has committed: the last page's `next` is where a
 * re-run starts, so a run killed at any point repeats at most the one page it was committing.
 */
export interface HarvestManifest {
  readonly meridian: 'harvest-manifest'
  readonly version: 1
  readonly source: 'openalex'
  readonly filter: string
  readonly baseUrl: string
  /** `meta.count` at the last page. */
  readonly total: number | null
  readonly pages: readonly ManifestPage[]
  /** Requests, retries and USD cost over all runs. */
  readonly requests: number
  readonly retries: number
  readonly costUsd: number
}

/** The manifest file of a filter in a store directory: `harvest/openalex-<hash of the filter>.json`. */
export function manifestPath(storeDir: string, filter: string): string {
  const hash = createHash('sha256').update(filter).digest('hex').slice(0, 16)
  return join(storeDir, 'harvest', `openalex-${hash}.json`)
}

/** A new manifest: nothing harvested yet. */
export function emptyManifest(filter: string, baseUrl: string): HarvestManifest {
  return {
    meridian: 'harvest-manifest',
    version: 1,
    source: 'openalex',
    filter,
    baseUrl,
    total: null,
    pages: [],
    requests: 0,
    retries: 0,
    costUsd: 0,
  }
}

/** The cursor to ask for next: `*` at the start, `null` when the harvest is complete. */
export function nextCursor(manifest: HarvestManifest): string | null {
  const last = manifest.pages.at(-1)
  if (!last) return '*'
  return last.results === 0 ? null : last.next
}

/** Works committed so far (repeats the store merged included). */
export const harvestedWorks = (manifest: HarvestManifest): number =>
  manifest.pages.reduce((sum, p) => sum + p.results, 0)

/** Read a manifest; `null` when there is none. A damaged one is `UNREADABLE_FILE` (writes are atomic). */
export function readManifest(path: string): HarvestManifest | null {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new MeridianError('UNREADABLE_FILE', `cannot read the harvest manifest "${path}"`, { cause: error })
  }
  let manifest: unknown
  try {
    manifest = JSON.parse(text)
  } catch (cause) {
    throw new MeridianError('UNREADABLE_FILE', `the harvest manifest "${path}" is not JSON: remove it`, {
      cause,
    })
  }
  const m = manifest as Partial<HarvestManifest> | null
  if (m?.meridian !== 'harvest-manifest' || m.version !== 1 || !Array.isArray(m.pages))
    throw new MeridianError('UNREADABLE_FILE', `"${path}" is not a version 1 harvest manifest`)
  return m as HarvestManifest
}

/** Write a manifest atomically: a synced temporary file renamed over the old one. */
export async function writeManifest(path: string, manifest: HarvestManifest): Promise<void> {
  mkdirSync(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  const handle = await open(temporary, 'w')
  try {
    await handle.writeFile(JSON.stringify(manifest, null, 1) + '\n')
    await handle.sync()
  } finally {
    await handle.close()
  }
  renameSync(temporary, path)
}
