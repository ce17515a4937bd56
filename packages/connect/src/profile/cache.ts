import { buildProfile, type ProfileSource } from './build.js'
import { normalizeProfileOptions, type ProfileOptionsInput } from './options.js'
import type { Profile } from './types.js'

/** Profiles kept by (unit, options, data version): a new data version builds them again. */
export interface ProfileCache {
  profile(input: ProfileOptionsInput): Promise<Profile>
  /** Profiles built (not served from the cache) so far. */
  readonly builds: number
}

/**
 * A small cache of profiles over one source, keyed by the unit, the options and the source's data version
 * (read on every call, a one-row query), least recently used first out. Default size 64.
 */
export function createProfileCache(
  source: ProfileSource,
  options: { readonly size?: number } = {},
): ProfileCache {
  const size = options.size ?? 64
  const entries = new Map<string, Promise<Profile>>()
  let builds = 0
  return {
    get builds() {
      return builds
    },
    async profile(input) {
      const o = normalizeProfileOptions(input)
      const version = source.dataVersion ? await source.dataVersion() : null
      const key = JSON.stringify([o, version])
      const hit = entries.get(key)
      if (hit) {
        entries.delete(key)
        entries.set(key, hit)
        return hit
      }
      builds++
      const built = buildProfile(source, o)
      entries.set(key, built)
      built.catch(() => entries.delete(key))
      while (entries.size > size) {
        const oldest = entries.keys().next().value
        if (oldest === undefined) break
        entries.delete(oldest)
      }
      return built
    },
  }
}
