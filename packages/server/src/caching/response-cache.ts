/** Limits of the in-memory response cache. */
export interface ResponseCacheOptions {
  /** Default 64 MiB of response bodies. */
  readonly maxBytes?: number
  /** A body larger than this is never kept. Default 8 MiB. */
  readonly maxEntryBytes?: number
}

/** A least-recently-used map from ETag to serialised JSON body, bounded in bytes. */
export class ResponseCache {
  private readonly entries = new Map<string, string>()
  private bytes = 0
  private readonly maxBytes: number
  private readonly maxEntryBytes: number

  constructor(options: ResponseCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 64 * 2 ** 20
    this.maxEntryBytes = options.maxEntryBytes ?? 8 * 2 ** 20
  }

  /** The body kept for an ETag, marking it recently used. */
  get(etag: string): string | undefined {
    const body = this.entries.get(etag)
    if (body === undefined) return undefined
    this.entries.delete(etag)
    this.entries.set(etag, body)
    return body
  }

  /** Keep a body, evicting the least recently used ones beyond the byte budget. */
  set(etag: string, body: string): void {
    const size = body.length * 2
    if (size > this.maxEntryBytes || this.entries.has(etag)) return
    this.entries.set(etag, body)
    this.bytes += size
    for (const [key, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.entries.delete(key)
      this.bytes -= value.length * 2
    }
  }

  get size(): number {
    return this.entries.size
  }
}
