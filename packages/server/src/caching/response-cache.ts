/** Limits of the in-memory response cache. */
export interface ResponseCacheOptions {
  /** Default 64 MiB of response bodies. */
  readonly maxBytes?: number
  /** A body larger than this is never kept. Default 8 MiB. */
  readonly maxEntryBytes?: number
}

/** A least-recently-used map from ETag to serialised JSON body (and its gzip once asked for), bounded in bytes. */
export class ResponseCache {
  private readonly entries = new Map<string, { readonly body: string; gzip?: Buffer }>()
  private bytes = 0
  private readonly maxBytes: number
  private readonly maxEntryBytes: number

  constructor(options: ResponseCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 64 * 2 ** 20
    this.maxEntryBytes = options.maxEntryBytes ?? 8 * 2 ** 20
  }

  /** The body kept for an ETag, marking it recently used. */
  get(etag: string): string | undefined {
    const entry = this.entries.get(etag)
    if (entry === undefined) return undefined
    this.entries.delete(etag)
    this.entries.set(etag, entry)
    return entry.body
  }

  /** The gzip of the body kept for an ETag, if made already. */
  gzip(etag: string): Buffer | undefined {
    return this.entries.get(etag)?.gzip
  }

  /** Keep a body, evicting the least recently used ones beyond the byte budget. */
  set(etag: string, body: string): void {
    const size = body.length * 2
    if (size > this.maxEntryBytes || this.entries.has(etag)) return
    this.entries.set(etag, { body })
    this.bytes += size
    this.evict()
  }

  /** Keep the gzip of a body kept (counted in the budget), so it is compressed once, not on every answer. */
  setGzip(etag: string, gzip: Buffer): void {
    const entry = this.entries.get(etag)
    if (entry === undefined || entry.gzip !== undefined) return
    entry.gzip = gzip
    this.bytes += gzip.length
    this.evict()
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.entries.delete(key)
      this.bytes -= entry.body.length * 2 + (entry.gzip?.length ?? 0)
    }
  }

  get size(): number {
    return this.entries.size
  }
}
