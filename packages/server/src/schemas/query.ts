import { COUNTINGS, LEVELS } from '@meridian/indicators'
import { COUNTRY_POLICY_IDS } from '@meridian/model'
import { z } from 'zod'

const YEARS = /^(\d{4})(?:-(\d{4}))?$/

/** `2015-2020` or `2019`; the first year not after the last. */
export const yearsParam = z
  .string()
  .regex(YEARS, 'write a year (2019) or a range (2015-2020)')
  .refine((value) => {
    const [, from, to] = YEARS.exec(value) ?? []
    return Number(from) <= Number(to ?? from)
  }, 'the first year is after the last')
  .describe('Publication years: 2019 or 2015-2020. Default: all years.')

/** `true` or `false` (a query string has no booleans). */
export const booleanParam = z.enum(['true', 'false']).transform((value) => value === 'true')

export const countingParam = z.enum(COUNTINGS).describe("Counting method. Default: the indicator's first.")

export const countryPolicyParam = z.enum(COUNTRY_POLICY_IDS).describe('Country policy. Default: iso.')

/** A whole number in a range, from a query string. */
export const wholeParam = (min: number, max: number) => z.coerce.number().int().min(min).max(max)

/** Options every indicator takes: the CLI's `meridian indicators` flags. */
export const indicatorQuery = z.object({
  level: z.enum(LEVELS).optional().describe('Unit of analysis. Default country.'),
  years: yearsParam.optional(),
  byYear: booleanParam.optional().describe('One row per unit and year. Default false.'),
  counting: countingParam.optional(),
  countryPolicy: countryPolicyParam.optional(),
  minCopublications: wholeParam(1, 1_000_000_000)
    .optional()
    .describe('partners: smallest co-publication count of a partner. Default 1.'),
  role: z
    .enum(['corresponding', 'first', 'last'])
    .optional()
    .describe('leadership: which author leads. Default corresponding.'),
  window: wholeParam(1, 50).optional().describe('Rolling windows of this many years (needs years).'),
  normalization: z
    .enum(['counts', 'salton', 'jaccard', 'association'])
    .optional()
    .describe('bilateral-matrix: normalisation. Default counts.'),
  threshold: z.coerce
    .number()
    .gt(100)
    .max(20_100)
    .optional()
    .describe('distance: long-distance threshold in km. Default 1000.'),
  top: z.enum(['10', '1']).transform(Number).optional().describe('highly-cited: top per cent. Default 10.'),
  international: z
    .enum(['countries', 'border'])
    .optional()
    .describe('groups: what makes a work international. Default countries.'),
  fields: z
    .string()
    .max(4000)
    .optional()
    .describe(
      'Only works with one of these fields (any position), comma-separated, names as stored. Default all.',
    ),
})
export type IndicatorQuery = z.output<typeof indicatorQuery>

/** Period and policy only: the options of composite views (matrix, profile). */
export const periodQuery = indicatorQuery.pick({ years: true, countryPolicy: true })
export type PeriodQuery = z.output<typeof periodQuery>
