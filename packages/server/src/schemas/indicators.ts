import { z } from 'zod'
import { list } from './list.js'
import { coverageSchema, dataVersionSchema, methodSchema, referenceSchema, rowSchema } from './common.js'

export const indicatorParams = z.object({ id: z.string().max(100).describe('Indicator id') })

export const catalogueSchema = z
  .object({
    indicators: list(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.string(),
        formula: z.string(),
        countings: list(z.string()).describe('Counting methods offered; the first is the default.'),
        references: list(referenceSchema),
        columns: list(z.string()),
        extraOptions: list(z.string()),
      }),
    ),
  })
  .meta({ id: 'Catalogue' })

export const indicatorResultSchema = z
  .object({
    indicator: z.string(),
    title: z.string(),
    method: methodSchema,
    coverage: coverageSchema,
    rows: list(rowSchema),
    data: dataVersionSchema.nullable(),
  })
  .loose()
  .meta({ id: 'IndicatorResult', description: 'As `meridian indicators <id> --format json` prints it.' })

export const methodCardSchema = z
  .object({
    indicator: z.string(),
    title: z.string(),
    countings: list(z.string()),
    method: methodSchema,
    cli: z.string().describe('The meridian command that reproduces the result.'),
  })
  .meta({ id: 'MethodCard', description: 'As `meridian explain <id> --format json` prints it, plus `cli`.' })
