import { promisify } from 'node:util'
import { gzip as zlibGzip } from 'node:zlib'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { DataVersion } from '@meridian/store'
import type { StoreReader } from '../services/store-reader.js'
import { etagFor, matchesIfNoneMatch } from './etag.js'
import type { ResponseCache } from './response-cache.js'

/** API answers may be reused while the data version is the same, after revalidation. */
const CACHE_CONTROL = 'public, max-age=0, must-revalidate'
const JSON_TYPE = 'application/json; charset=utf-8'

const etags = new WeakMap<FastifyRequest, string>()

/** Bodies from this size are compressed (the compression plugin's threshold). */
const GZIP_FROM = 1024
const gzip = promisify(zlibGzip)
/** Whether an `Accept-Encoding` header takes gzip (and does not refuse it with `q=0`). */
const acceptsGzip = (header: string | undefined): boolean =>
  header !== undefined && /(^|,)\s*(gzip|\*)\s*(,|$|;\s*q=(?!0(\.0*)?\s*(,|$)))/i.test(header)

/** A computation in flight for one ETag: identical requests wait for it instead of running it again. */
interface Flight {
  readonly done: Promise<string | undefined>
  readonly finish: (body: string | undefined) => void
}
const leaders = new WeakMap<FastifyRequest, Flight>()

function flight(): Flight {
  let finish!: (body: string | undefined) => void
  const done = new Promise<string | undefined>((resolve) => (finish = resolve))
  return { done, finish }
}

/** GETs under `/api/`, except personal answers (routes with `config.personal`: accounts, tokens, audit). */
const isCacheable = (request: FastifyRequest) =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  request.url.startsWith('/api/') &&
  (request.routeOptions.config as { personal?: boolean } | undefined)?.personal !== true

/**
 * Conditional and cached GETs under `/api/`: an ETag from the store's data version and the URL, 304 on
 * `If-None-Match`, and a bounded in-memory cache of bodies so a repeated request runs no SQL. Identical requests
 * in flight share one computation (single flight by ETag). The data version is read at most once per
 * `versionTtlMs`, in the background once known, so a cached answer never waits behind cold queries.
 */
export function registerCaching(
  app: FastifyInstance,
  store: StoreReader,
  options: { readonly cache: ResponseCache; readonly versionTtlMs: number; readonly now: () => number },
): { readonly dataChanged: () => Promise<void> } {
  const { cache } = options
  let known: { version: DataVersion; at: number } | null = null
  let refreshing: Promise<void> | null = null
  const refresh = () =>
    (refreshing ??= store
      .dataVersion()
      .then((version) => void (known = { version, at: options.now() }))
      .finally(() => (refreshing = null)))
  const version = async (): Promise<DataVersion> => {
    const stale = known === null || options.now() - known.at >= options.versionTtlMs
    // Read it now the first time, and always when told to (TTL 0); otherwise answer with the version known
    // and refresh it behind the answer.
    if (known === null || (stale && options.versionTtlMs === 0)) await refresh()
    else if (stale) refresh().catch(() => {})
    return (known as { version: DataVersion }).version
  }
  const flights = new Map<string, Flight>()
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isCacheable(request)) return
    const etag = etagFor(await version(), request.url)
    etags.set(request, etag)
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
      await reply.code(304).header('etag', etag).header('cache-control', CACHE_CONTROL).send()
      return reply
    }
    const ahead = flights.get(etag)
    const body = cache.get(etag) ?? (ahead ? await ahead.done : undefined)
    if (body !== undefined) {
      reply.code(200).header('content-type', JSON_TYPE)
      if (body.length >= GZIP_FROM && acceptsGzip(request.headers['accept-encoding'])) {
        // Compressed once, on the thread pool, and kept: a cached answer costs the event loop no compression.
        const gzipped = cache.gzip(etag) ?? (await gzip(body))
        cache.setGzip(etag, gzipped)
        await reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding').send(gzipped)
      } else await reply.send(body)
      return reply
    }
    if (!ahead) {
      const mine = flight()
      flights.set(etag, mine)
      leaders.set(request, mine)
    }
  })
  // However the leader's request ends (answer, error, client gone), its followers are released.
  app.addHook('onResponse', async (request: FastifyRequest) => {
    const mine = leaders.get(request)
    const etag = etags.get(request)
    if (!mine || etag === undefined) return
    mine.finish(cache.get(etag))
    if (flights.get(etag) === mine) flights.delete(etag)
  })
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const etag = etags.get(request)
    if (etag === undefined) return payload
    if (reply.statusCode === 200) {
      if (typeof payload === 'string') {
        cache.set(etag, payload)
        leaders.get(request)?.finish(payload)
      }
      reply.header('etag', etag).header('cache-control', CACHE_CONTROL)
    } else if (reply.statusCode !== 304) reply.header('cache-control', 'no-store')
    return payload
  })
  // After a write to the store through this server: read the version at once (a refresh already under way
  // may have read it before the write committed), so the next request keys on the new data.
  return {
    dataChanged: async () => {
      await refreshing?.catch(() => {})
      await refresh()
    },
  }
}
