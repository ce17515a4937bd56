import { z } from 'zod'
import { list } from './list.js'
import { periodQuery, wholeParam } from './query.js'

export const NETWORK_LEVELS = ['country', 'institution', 'author'] as const

export const networkParams = z.object({ level: z.enum(NETWORK_LEVELS) })

export const networkQuery = periodQuery.extend({
  counting: z.enum(['full', 'fractional']).optional().describe('Link counting. Default full.'),
  minWorks: wholeParam(1, 1_000_000_000)
    .optional()
    .describe('Smallest number of works of a node. Default 1.'),
  top: wholeParam(1, 20_000).optional().describe('Keep the nodes with most works. Default 500.'),
  resolution: z.coerce.number().positive().max(1000).optional().describe('Leiden resolution. Default 1.'),
  seed: wholeParam(0, 0xffffffff).optional().describe('Seed of clustering and layout. Default 42.'),
})
export type NetworkQuery = z.output<typeof networkQuery>

export const networkSchema = z
  .object({
    nodes: list(
      z.object({
        id: z.string(),
        label: z.string(),
        x: z.number(),
        y: z.number(),
        cluster: z.number(),
        weight: z.number(),
      }),
    ),
    links: list(z.object({ source: z.string(), target: z.string(), strength: z.number() })),
    method: z.record(z.string(), z.unknown()),
    stats: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Network' })
