import { z } from 'zod'
import { list } from './list.js'
import { coverageSchema, dataVersionSchema, rowSchema, yearRangeSchema } from './common.js'

export const profileParams = z.object({ code: z.string().max(10).describe('ISO 3166-1 alpha-2 code') })

const series = list(z.object({ year: z.number(), value: z.number().nullable() }))

/** What country and institution profiles share: the same indicators, at their level. */
export const profileFields = {
  method: z.object({
    counting: z.string(),
    countryPolicy: z.string(),
    countryPolicyDescription: z.string(),
    years: yearRangeSchema,
    level: z.string(),
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
  industry: rowSchema
    .nullable()
    .describe('The industry indicator: value = industry co-publication share, academiaIndustry.'),
  highlyCited: rowSchema
    .nullable()
    .describe('The highly-cited indicator (top 10 %): value = top share, internationalTopShare.'),
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
        byYear: series.describe('Co-publications by year; empty in institution profiles.'),
      }),
    ),
  }),
  coverage: coverageSchema,
  data: dataVersionSchema.nullable(),
}

export const profileSchema = z
  .object({ country: z.string(), name: z.string(), ...profileFields })
  .meta({ id: 'CountryProfile' })
