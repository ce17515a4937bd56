import { z } from 'zod'
import { errorResponses } from '../schemas/common.js'
import type { ApiApp } from './types.js'

/** Which optional parts this server runs, so the dashboard shows only what answers. */
export interface Capabilities {
  readonly workspace: boolean
  readonly steer: boolean
  readonly market: boolean
  readonly ingest: boolean
}

/** `GET /api/capabilities`: the optional parts the server was started with (never 404, unlike their routes). */
export function capabilityRoutes(app: ApiApp, capabilities: Capabilities): void {
  app.get(
    '/api/capabilities',
    {
      schema: {
        summary: 'Which optional parts this server runs: accounts, STEER, the marketplace, uploads',
        tags: ['status'],
        response: {
          200: z.object({
            workspace: z.boolean(),
            steer: z.boolean(),
            market: z.boolean(),
            ingest: z.boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    () => capabilities,
  )
}
