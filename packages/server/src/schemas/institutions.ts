import { z } from 'zod'
import { list } from './list.js'
import { profileFields } from './profile.js'
import { wholeParam } from './query.js'
import { MAX_PAGE_SIZE } from './works.js'

export const institutionsQuery = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .describe('Words in the name, or an exact key, ROR id or OpenAlex id (case-insensitive).'),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code')
    .optional()
    .describe("Institutions in this country (the registry's country)."),
  page: wholeParam(1, 1_000_000).optional().describe('1-based. Default 1.'),
  pageSize: wholeParam(1, MAX_PAGE_SIZE).optional().describe(`Default 50, at most ${MAX_PAGE_SIZE}.`),
})
export type InstitutionsQuery = z.output<typeof institutionsQuery>

const institutionFields = {
  institution: z.string().describe("The store's key: a ROR id URL, else an OpenAlex id."),
  ror: z.string().nullable(),
  openalexId: z.string().nullable(),
  type: z.string().nullable().describe('ROR/OpenAlex type: education, company, ...'),
  country: z.string().nullable(),
}

export const institutionsSchema = z
  .object({
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    institutions: list(
      z.object({
        ...institutionFields,
        name: z.string().nullable(),
        works: z.number().describe('Works with the institution, all years.'),
      }),
    ),
  })
  .meta({ id: 'InstitutionsPage' })

export const institutionParams = z.object({
  id: z
    .string()
    .min(1)
    .max(300)
    .describe('The institution key, URL-encoded: https%3A%2F%2Fror.org%2F... or I123.'),
})

export const institutionProfileSchema = z
  .object({ ...institutionFields, name: z.string(), ...profileFields })
  .meta({ id: 'InstitutionProfile' })
