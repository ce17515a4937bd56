import { z } from 'zod'
import { list } from './list.js'
import { wholeParam } from './query.js'

export const PARTNER_LEVELS = ['country', 'institution', 'author'] as const

export const partnersParams = z.object({ level: z.enum(PARTNER_LEVELS) })

/** A comma-separated list in a query string. */
const codes = z
  .string()
  .max(2000)
  .transform((value) =>
    value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  )

export const partnersQuery = z.object({
  unit: z
    .string()
    .min(1)
    .max(300)
    .describe('ISO code or country name, institution key or ROR id, author ORCID or key.'),
  horizon: wholeParam(1, 10).optional().describe('Years ahead a suggestion is about. Default 3.'),
  limit: wholeParam(1, 500).optional().describe('Suggestions returned. Default 20.'),
  countries: codes.optional().describe('Only partners in these countries (ISO codes, comma-separated).'),
  types: codes.optional().describe('Only institutions of these types (comma-separated).'),
  field: z.string().min(1).max(300).optional().describe('Only partners with works in this field.'),
  lang: z.enum(['en', 'zh']).optional().describe('Language of the reasons. Default en.'),
})
export type PartnersQuery = z.output<typeof partnersQuery>

const backtestRow = z.object({
  model: z.string(),
  auc: z.number(),
  precisionAt20: z.number(),
  recallAt20: z.number(),
})

export const partnersSchema = z
  .object({
    kind: z.literal('partner-recommendation'),
    unit: z.object({ id: z.string(), label: z.string() }),
    rows: list(
      z.object({
        partner: z.string(),
        label: z.string(),
        score: z.number(),
        reasons: list(
          z.object({
            kind: z.string(),
            text: z.string(),
            figures: z.record(z.string(), z.union([z.number(), z.string()])),
          }),
        ),
      }),
    ),
    candidates: z.number(),
    backtest: z.object({
      hits: z.number().nullable(),
      k: z.number(),
      from: z.number(),
      to: z.number(),
      text: z.string(),
      rows: list(backtestRow),
    }),
    method: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'PartnerRecommendation' })
