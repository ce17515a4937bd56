import { createHash } from 'node:crypto'
import type { DataVersion } from '@meridian/store'

/**
 * A weak ETag for a response: the store's data version and the request URL decide the body.
 * Weak because compression changes the bytes, not the meaning.
 */
export function etagFor(version: DataVersion, url: string): string {
  const hash = createHash('sha1')
    .update(`${versionKey(version)}\u0000${url}`)
    .digest('base64url')
  return `W/"${hash}"`
}

/** What tells one state of the store's data from another, as text (ETags and the query cache key on it). */
export function versionKey(version: DataVersion): string {
  return `${version.revision}\u0000${version.ingests}\u0000${version.lastIngestAt ?? ''}\u0000${version.works}\u0000${version.registry?.loadedAt ?? ''}`
}

/** Whether an `If-None-Match` header matches an ETag (weak comparison, lists and `*` allowed). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  const bare = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag))
}
