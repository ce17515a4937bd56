import { z } from 'zod'
import { list } from './list.js'
import { NORMALIZATIONS } from '../services/matrix.js'
import { coverageSchema, dataVersionSchema, methodSchema } from './common.js'
import { periodQuery } from './query.js'

export const matrixQuery = periodQuery.extend({
  countries: z
    .string()
    .max(600)
    .optional()
    .describe('Comma-separated ISO 3166-1 codes (at most 100). Default: the 12 with most works.'),
  normalization: z.enum(NORMALIZATIONS).optional().describe('Default counts.'),
})

export const matrixSchema = z
  .object({
    countries: list(z.string()),
    normalization: z.object({ id: z.enum(NORMALIZATIONS), formula: z.string() }),
    cells: list(z.object({ country: z.string(), partner: z.string(), value: z.number().nullable() })),
    method: methodSchema,
    coverage: coverageSchema,
    data: dataVersionSchema.nullable(),
  })
  .meta({ id: 'Matrix' })
