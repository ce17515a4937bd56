import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { DataVersion } from '@meridian/store'
import type { StoreReader } from '../services/store-reader.js'
import { etagFor, matchesIfNoneMatch } from './etag.js'
import type { ResponseCache } from './response-cache.js'

/** API answers may be reused while the data version is the same, after revalidation. */
const CACHE_CONTROL = 'public, max-age=0, must-revalidate'
const JSON_TYPE = 'application/json; charset=utf-8'

const etags = new WeakMap<FastifyRequest, string>()

/** GETs under `/api/`, except personal answers (routes with `config.personal`: accounts, tokens, audit). */
const isCacheable = (request: FastifyRequest) =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  request.url.startsWith('/api/') &&
  (request.routeOptions.config as { personal?: boolean } | undefined)?.personal !== true

/**
 * Conditional and cached GETs under `/api/`: an ETag from the store's data version and the URL, 304 on
 * `If-None-Match`, and a bounded in-memory cache of bodies so a repeated request runs no SQL. The data version
 * itself is read at most once per `versionTtlMs`.
 */
export function registerCaching(
  app: FastifyInstance,
  store: StoreReader,
  options: { readonly cache: ResponseCache; readonly versionTtlMs: number; readonly now: () => number },
): void {
  const { cache } = options
  let known: { version: DataVersion; at: number } | null = null
  const version = async (): Promise<DataVersion> => {
    const now = options.now()
    if (known === null || now - known.at >= options.versionTtlMs)
      known = { version: await store.dataVersion(), at: now }
    return known.version
  }
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isCacheable(request)) return
    const etag = etagFor(await version(), request.url)
    etags.set(request, etag)
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
      await reply.code(304).header('etag', etag).header('cache-control', CACHE_CONTROL).send()
      return reply
    }
    const body = cache.get(etag)
    if (body !== undefined) {
      await reply.code(200).header('content-type', JSON_TYPE).send(body)
      return reply
    }
  })
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const etag = etags.get(request)
    if (etag === undefined) return payload
    if (reply.statusCode === 200) {
      if (typeof payload === 'string') cache.set(etag, payload)
      reply.header('etag', etag).header('cache-control', CACHE_CONTROL)
    } else if (reply.statusCode !== 304) reply.header('cache-control', 'no-store')
    return payload
  })
}
