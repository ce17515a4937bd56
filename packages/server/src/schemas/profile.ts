import { z } from 'zod'
import { list } from './list.js'
import { coverageSchema, dataVersionSchema, rowSchema, yearRangeSchema } from './common.js'

export const profileParams = z.object({ code: z.string().max(10).describe('ISO 3166-1 alpha-2 code') })

const series = list(z.object({ year: z.number(), value: z.number().nullable() }))

export const profileSchema = z
  .object({
    country: z.string(),
    name: z.string(),
    method: z.object({
      counting: z.string(),
      countryPolicy: z.string(),
      countryPolicyDescription: z.string(),
      years: yearRangeSchema,
      indicators: list(z.string()),
      cli: list(z.string()).describe('The meridian commands that reproduce each part.'),
    }),
    output: list(z.object({ year: z.number(), value: z.number(), share: z.number().nullable() })),
    internationalShare: list(
      z.object({
        year: z.number(),
        works: z.number(),
        internationalWorks: z.number(),
        value: z.number().nullable(),
      }),
    ),
    collaborationTypes: rowSchema.nullable(),
    leadership: rowSchema.nullable(),
    partners: z.object({
      partners: z.number(),
      herfindahl: z.number().nullable(),
      shannon: z.number().nullable(),
      top: list(
        z.object({
          partner: z.string(),
          name: z.string(),
          works: z.number(),
          share: z.number(),
          byYear: series,
        }),
      ),
    }),
    coverage: coverageSchema,
    data: dataVersionSchema.nullable(),
  })
  .meta({ id: 'CountryProfile' })
