import { z } from 'zod'
import { list } from './list.js'

/** The one error envelope. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z
        .string()
        .describe('Stable code: BAD_OPTION, NOT_FOUND, STORE_UNAVAILABLE, NOT_IMPLEMENTED, ...'),
      message: z.string(),
      field: z.string().optional().describe('The request parameter at fault, for BAD_OPTION.'),
    }),
  })
  .meta({ id: 'Error' })

/** Error responses every endpoint may give. */
export const errorResponses = {
  400: errorSchema,
  404: errorSchema,
  500: errorSchema,
  501: errorSchema,
  503: errorSchema,
} as const

export const dataVersionSchema = z
  .object({
    ingests: z.number(),
    lastIngestAt: z.string().nullable(),
    works: z.number(),
    patents: z.number().describe('Patents stored, apart from works.'),
    synthetic: z.boolean(),
    revision: z.number().describe('Increases with every operation that changes data.'),
    overrides: z.string().nullable().describe('SHA-256 of the overrides file in effect, if any.'),
    registry: z
      .object({ file: z.string(), organisations: z.number(), loadedAt: z.string() })
      .nullable()
      .describe('The ROR registry last loaded, if any.'),
  })
  .meta({ id: 'DataVersion', description: 'What the store holds; part of every ETag.' })

export const yearRangeSchema = z.object({ from: z.number(), to: z.number() }).nullable()

export const referenceSchema = z.object({ citation: z.string(), doi: z.string().nullable() })

export const coverageSchema = z
  .object({
    works: z.number(),
    worksWithCountry: z.number(),
    worksWithoutCountry: z.number(),
    internationalWorks: z.number(),
    firstAuthorKnown: z.number(),
    lastAuthorKnown: z.number(),
    correspondingAuthorKnown: z.number(),
    worksWithoutYear: z.number(),
    worksWithAffiliations: z.number(),
    worksWithTruncatedAuthors: z.number(),
    sources: list(
      z.object({
        source: z.string(),
        works: z.number(),
        worksWithAffiliations: z.number(),
        worksWithCountry: z.number(),
        correspondingAuthorKnown: z.number(),
        worksWithTruncatedAuthors: z.number(),
      }),
    ).describe('The same figures per source (a source with no affiliations shows as such).'),
  })
  .loose()
  .meta({ id: 'Coverage' })

export const methodSchema = z
  .object({
    counting: z.string(),
    countryPolicy: z.string(),
    countryPolicyDescription: z.string(),
    years: yearRangeSchema,
    level: z.string(),
    byYear: z.boolean(),
    window: z.number().nullable().optional(),
    groups: z.record(z.string(), list(z.string())).nullable().optional(),
    options: z.record(z.string(), z.union([z.string(), z.number()])),
    definition: z.string(),
    formula: z.string(),
    references: list(referenceSchema),
    sql: z.string().describe('The SQL run, parameters inlined for reading.'),
  })
  .loose()
  .meta({ id: 'Method' })

export const rowSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]))
