import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { MeridianError } from '@meridian/model'
import type { Actor, Workspace } from '@meridian/state'
import type { Steer } from '@meridian/steer'
import { z } from 'zod'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { requireActor } from '../auth/request-actor.js'
import { ApiError } from '../errors/api-error.js'
import { errorSchema } from '../schemas/common.js'
import type { StoreReader } from '../services/store-reader.js'
import type { ApiApp } from './types.js'

/** How the server's ingest reads one uploaded file. */
export interface IngestRequest {
  /** The uploaded file, and the name it is reported (and kept in provenance) under. */
  readonly path: string
  readonly name: string
  /** The directory `name` is relative to. */
  readonly dir: string
  readonly onError: 'skip' | 'fail'
  readonly encoding: string
}

/**
 * Adds a file to the served store in one transaction, as `meridian ingest` does, and says what it did
 * (`ingestId` plus the ingest report). Given by whoever opened the store writable (`meridian serve`).
 */
export type IngestHandler = (request: IngestRequest) => Promise<{ readonly ingestId: number } & object>

/** Options of {@link ingestRoutes}. */
export interface IngestRouteOptions {
  readonly ingest: IngestHandler
  readonly workspace: Workspace
  readonly steer?: Steer | undefined
  /** Largest upload, in bytes. */
  readonly limit: number
  /** Read the store's data version again at once, so answers follow the new data (caches keyed on it). */
  readonly dataChanged: () => Promise<void>
}

const query = z.object({
  name: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^/\\\0]+$/, 'a file name, without directories')
    .refine((name) => name !== '.' && name !== '..', 'a file name, without directories'),
  onError: z.enum(['skip', 'fail']).default('skip'),
  encoding: z.enum(['auto', 'utf8', 'windows-1252', 'latin1', 'utf-16le']).default('auto'),
})

/** Count the bytes passing; beyond the limit, fail with 413. */
function byteLimit(limit: number): Transform {
  let seen = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length
      if (seen > limit)
        done(
          new ApiError('PAYLOAD_TOO_LARGE', `the upload is larger than the server's limit of ${limit} bytes`),
        )
      else done(null, chunk)
    },
  })
}

/**
 * `POST /api/admin/ingest` (admins; body: the file's bytes): the server ingests the file into the store it
 * serves. One ingest at a time; requests in flight finish on the data as it was; once it commits the data
 * version changes once, cached answers follow it, KPIs are refreshed and the audit trail records who did it.
 */
export function ingestRoutes(app: ApiApp, store: StoreReader, options: IngestRouteOptions): void {
  let running: { readonly since: Date; readonly by: string } | null = null
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>()
    // The body is the file itself, streamed to disk, whatever its type.
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload))
    scope.post(
      '/api/admin/ingest',
      {
        config: { personal: true },
        schema: {
          summary: 'Ingest one file into the served store (admin)',
          description:
            'The body is the file (any format `meridian ingest` reads, gzip included). It is read in one transaction: all its records or, with onError=fail and a bad record, none. Readers keep the data as it was until the commit.',
          tags: ['admin'],
          querystring: query,
          response: {
            200: z.object({ ingest: z.record(z.string(), z.unknown()), kpis: z.unknown() }),
            400: errorSchema,
            401: errorSchema,
            403: errorSchema,
            409: errorSchema,
            413: errorSchema,
            422: errorSchema,
            500: errorSchema,
            503: errorSchema,
          },
        },
      },
      async (request) => {
        const actor = requireActor(request)
        options.workspace.authorizeIngest(actor)
        if (running)
          throw new MeridianError(
            'CONFLICT',
            `an ingest is running (started ${running.since.toISOString()} by ${running.by}): retry when it has ended`,
          )
        running = { since: new Date(), by: actor.email }
        const dir = await mkdtemp(join(tmpdir(), 'meridian-upload-'))
        try {
          const path = join(dir, request.query.name)
          await pipeline(request.body as Readable, byteLimit(options.limit), createWriteStream(path))
          const outcome = await options.ingest({ path, dir, ...request.query })
          await options.dataChanged()
          const { ingestId } = outcome
          await options.workspace.recordIngest(actor, ingestId, auditSummary(request.query.name, outcome))
          return { ingest: { ...outcome }, kpis: await refreshKpis(options.steer, actor, store) }
        } finally {
          running = null
          await rm(dir, { recursive: true, force: true })
        }
      },
    )
  })
}

/** The counts the audit trail keeps of an ingest (not its problem lists). */
function auditSummary(name: string, outcome: object): Record<string, unknown> {
  const counts: Record<string, unknown> = { file: name }
  for (const [key, value] of Object.entries(outcome)) if (typeof value === 'number') counts[key] = value
  return counts
}

/** KPIs follow the new data at once (those already computed on this data version are left as they are). */
async function refreshKpis(steer: Steer | undefined, actor: Actor, store: StoreReader) {
  if (!steer) return null
  const summary = await steer.refreshKpis(actor, {
    runner: store.runner,
    dataVersion: await store.dataVersion(),
  })
  return { refreshed: summary.refreshed, unchanged: summary.unchanged }
}
