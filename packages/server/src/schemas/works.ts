import { z } from 'zod'
import { list } from './list.js'
import { countryPolicyParam, wholeParam } from './query.js'

export const MAX_PAGE_SIZE = 200

export const worksQuery = z.object({
  q: z.string().max(200).optional().describe('Words in the title, or a DOI (case-insensitive).'),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code')
    .optional()
    .describe('Works with this country (after the country policy).'),
  year: wholeParam(0, 9999).optional(),
  countryPolicy: countryPolicyParam.optional(),
  page: wholeParam(1, 1_000_000).optional().describe('1-based. Default 1.'),
  pageSize: wholeParam(1, MAX_PAGE_SIZE).optional().describe(`Default 50, at most ${MAX_PAGE_SIZE}.`),
})
export type WorksQuery = z.output<typeof worksQuery>

export const worksSchema = z
  .object({
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    works: list(
      z.object({
        id: z.number().describe("The store's work id."),
        doi: z.string().nullable(),
        title: z.string().nullable(),
        year: z.number().nullable(),
        sourceTitle: z.string().nullable(),
        citedBy: z.number().nullable(),
        countries: list(z.string()),
      }),
    ),
  })
  .meta({ id: 'WorksPage' })
