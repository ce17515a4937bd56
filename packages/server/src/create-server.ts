import fastifyCompress from '@fastify/compress'
import fastifyHelmet from '@fastify/helmet'
import fastifyRateLimit from '@fastify/rate-limit'
import { MeridianError } from '@meridian/model'
import type { Workspace } from '@meridian/state'
import type { Steer } from '@meridian/steer'
import type { Market } from '@meridian/connect'
import type { Store } from '@meridian/store'
import Fastify, { type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { registerCaching } from './caching/hooks.js'
import { ResponseCache, type ResponseCacheOptions } from './caching/response-cache.js'
import { QueryCache, type QueryCacheOptions } from './caching/query-cache.js'
import { ApiError } from './errors/api-error.js'
import { toErrorResponse } from './errors/envelope.js'
import { HTTP_STATUS } from './errors/http-status.js'
import { registerOpenApi } from './openapi.js'
import { registerAuth, type Access } from './auth/register-auth.js'
import { auditRoutes } from './routes/audit.js'
import { programmeRoutes } from './routes/programmes.js'
import { milestoneRoutes } from './routes/milestones.js'
import { reportRoutes } from './routes/reports.js'
import { authRoutes } from './routes/auth.js'
import { indicatorRoutes } from './routes/indicators.js'
import { organisationRoutes } from './routes/organisations.js'
import { userRoutes } from './routes/users.js'
import { institutionRoutes } from './routes/institutions.js'
import { matrixRoutes } from './routes/matrix.js'
import { networkRoutes } from './routes/networks.js'
import { profileRoutes } from './routes/profile.js'
import { statusRoutes } from './routes/status.js'
import { worksRoutes } from './routes/works.js'
import { ingestRoutes, type IngestHandler } from './routes/ingest.js'
import { guardStore, type QueueOptions, type StoreReader } from './services/store-reader.js'
import { ClientGone, registerRequestLimits } from './services/request-limits.js'
import { connectRoutes } from './routes/connect.js'
import { marketRoutes } from './routes/market.js'
import { capabilityRoutes } from './routes/capabilities.js'
import { registerWebRoot } from './web-root.js'

/** Options of {@link createServer}. */
export interface ServerOptions {
  /** The store to read (opened read-only by `meridian serve`). */
  readonly store: StoreReader | Store
  /** A built dashboard to serve at `/`. Default: none (the API and `/docs` only). */
  readonly webRoot?: string
  /** Log requests (pino, JSON lines). Default `false`. */
  readonly logger?: boolean
  /** Queries allowed to wait for the store's connections. Default 64; beyond, 503 with Retry-After. */
  readonly queue?: QueueOptions
  /** Bounds of the in-memory response cache. Default 64 MiB. */
  readonly cache?: ResponseCacheOptions
  /**
   * Bounds of the cache of query results, shared by requests that ask the same question of the same data.
   * Default 32 MiB; `maxBytes: 0` shares only queries in flight.
   */
  readonly queryCache?: QueryCacheOptions
  /**
   * How long the store's data version is trusted before it is read again (ETags follow it). Default 1,000 ms;
   * 0 reads it on every request (a store written while it is served).
   */
  readonly versionTtlMs?: number
  /**
   * Accounts, sessions, tokens, organisations and the audit trail. Default: none (a read-only server; the
   * workspace routes are absent).
   */
  readonly workspace?: Workspace
  /** STEER's programmes and KPIs (needs `workspace`). Default: none (the programme routes are absent). */
  readonly steer?: Steer
  /** CONNECT's marketplace (needs `workspace`). Default: none (the record, interest and inbox routes are absent). */
  readonly market?: Market
  /** `public` (default): indicator reads need no sign-in; `private`: every route but signing in does. */
  readonly access?: Access
  /** Mark the session cookie Secure (serve behind HTTPS). Default `false`. */
  readonly secureCookies?: boolean
  /** Login and setup attempts allowed per client address and minute. Default 10. */
  readonly loginPerMinute?: number
  /**
   * Host names (without port) the server answers for; any other `Host` header gets 421 (DNS rebinding).
   * Default: any.
   */
  readonly allowedHosts?: readonly string[]
  /** Largest request body, in bytes. Default 1 MiB; larger ones get 413. */
  readonly bodyLimit?: number
  /**
   * Adds an uploaded file to the served store (the store opened writable; needs `workspace`): enables the
   * admin route `POST /api/admin/ingest`. Default: none (the route is absent).
   */
  readonly ingest?: IngestHandler
  /** Largest file `POST /api/admin/ingest` takes, in bytes. Default 4 GiB. */
  readonly ingestLimit?: number
  /** The clock, in milliseconds. Default `Date.now`. */
  readonly now?: () => number
  /**
   * How long a request's queries may run, in milliseconds, before they are interrupted and the request is
   * answered 504 `QUERY_TIMEOUT`. Default 30,000.
   */
  readonly queryTimeoutMs?: number
  /** The Chromium that prints report PDFs. Default `/usr/bin/chromium`; without it, PDFs get 503. */
  readonly chromium?: string
}

/**
 * The Meridian HTTP API (and dashboard) over a store, ready to `listen` or `inject`.
 * @example
 *   const app = await createServer({ store })
 *   const response = await app.inject('/api/indicators/output?years=2015-2020')
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const store = guardStore(options.store, options.queue, new QueryCache(options.queryCache))
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 2 ** 20,
    // Long path parameters reach zod, which names the field, instead of the router's bare 414.
    routerOptions: { maxParamLength: 1000 },
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorResponse(error)
    if (body.error.code === 'BUSY') reply.header('retry-after', '2')
    else if (status >= 500 && !(error instanceof ClientGone)) request.log.error(error)
    return reply.code(status).header('cache-control', 'no-store').send(body)
  })
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    if (options.webRoot && request.method === 'GET' && !path.startsWith('/api/') && !/\.\w+$/.test(path))
      return reply.sendFile('index.html')
    return reply
      .code(HTTP_STATUS.NOT_FOUND)
      .send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${path}` } })
  })
  if (options.allowedHosts) {
    const allowed = new Set(options.allowedHosts.map((host) => host.toLowerCase()))
    app.addHook('onRequest', async (request) => {
      const host = (request.headers.host ?? '').toLowerCase().replace(/:\d+$/, '')
      if (!allowed.has(host))
        throw new ApiError(
          'FOREIGN_HOST',
          `Host "${host.slice(0, 100)}" is not served here (allowed: ${[...allowed].join(', ')})`,
        )
    })
  }
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Observable Plot and sigma.js set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  })
  if (options.workspace) {
    await app.register(fastifyRateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new MeridianError('RATE_LIMITED', `too many attempts: retry in ${Math.ceil(context.ttl / 1000)} s`),
    })
    // Before the response cache: a cached answer must never skip the access check.
    await registerAuth(app, options.workspace, options.access ?? 'public')
  }
  registerRequestLimits(app, { timeoutMs: options.queryTimeoutMs ?? 30_000 })
  const { dataChanged } = registerCaching(app, store, {
    cache: new ResponseCache(options.cache),
    versionTtlMs: options.versionTtlMs ?? 1000,
    now: options.now ?? Date.now,
  })
  await app.register(fastifyCompress, { threshold: 1024 })
  await registerOpenApi(app)
  capabilityRoutes(app, {
    workspace: options.workspace !== undefined,
    steer: options.workspace !== undefined && options.steer !== undefined,
    market: options.workspace !== undefined && options.market !== undefined,
    ingest: options.workspace !== undefined && options.ingest !== undefined,
  })
  for (const routes of [
    statusRoutes,
    indicatorRoutes,
    matrixRoutes,
    profileRoutes,
    institutionRoutes,
    networkRoutes,
    worksRoutes,
    connectRoutes,
  ])
    routes(app, store)
  if (options.workspace) {
    const workspace = options.workspace
    authRoutes(app, workspace, {
      secureCookies: options.secureCookies ?? false,
      loginPerMinute: options.loginPerMinute ?? 10,
    })
    userRoutes(app, workspace)
    organisationRoutes(app, workspace)
    auditRoutes(app, workspace)
    if (options.steer) {
      programmeRoutes(app, options.steer, store)
      milestoneRoutes(app, options.steer)
      reportRoutes(app, options.steer, store, { chromium: options.chromium })
    }
    if (options.market) marketRoutes(app, options.market, store)
    if (options.ingest)
      ingestRoutes(app, store, {
        ingest: options.ingest,
        workspace,
        steer: options.steer,
        limit: options.ingestLimit ?? 4 * 2 ** 30,
        dataChanged,
      })
  }
  if (options.webRoot) await registerWebRoot(app, options.webRoot)
  await app.ready()
  return app
}
