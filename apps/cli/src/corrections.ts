import { existsSync, readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { createMatcher, createResolver, parseOverrides, readRorRegistry, type Overrides } from '@meridian/ror'
import type { Corrections, Store, StoredOverrides } from '@meridian/store'
import { REGISTRY_FILE } from './commands/registry.js'

/** An overrides file read from disk: its parsed rules and what the store keeps of it. */
export interface OverridesFile {
  readonly overrides: Overrides
  readonly stored: Omit<StoredOverrides, 'appliedAt'>
}

/** Read and check an overrides file (JSON Lines); errors name the file, line and field. */
export function readOverridesFile(path: string, name: string): OverridesFile {
  const text = readFileSync(path, 'utf8')
  return {
    overrides: parseOverrides(text, name),
    stored: { file: name, sha256: createHash('sha256').update(text).digest('hex'), text },
  }
}

/**
 * What ingest and `affiliations rematch` correct with: the store's registry (the matcher is built only when a
 * string needs it) and the overrides given, else those the store keeps. `null` when there is neither.
 */
export async function correctionsFor(
  dir: string,
  store: Store,
  given: Overrides | null = null,
): Promise<Corrections | null> {
  const stored = await store.overrides()
  const overrides = given ?? (stored ? parseOverrides(stored.text, stored.file) : null)
  const registry = join(dir, REGISTRY_FILE)
  const hasRegistry = existsSync(registry)
  if (!hasRegistry && !overrides) return null
  const resolver = createResolver({
    matcher: () =>
      hasRegistry ? createMatcher(readRorRegistry(readFileSync(registry, 'utf8'), { file: registry })) : null,
    overrides,
  })
  return {
    resolver,
    works: (overrides?.works ?? []).map((w) => ({
      kind: w.id.kind,
      id: w.id.value,
      country: w.country,
      author: w.author,
      where: `${overrides?.file}:${w.line}`,
    })),
  }
}
