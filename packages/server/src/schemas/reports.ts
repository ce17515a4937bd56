import { LANGUAGES, REPORT_FORMATS } from '@meridian/report'
import { z } from 'zod'
import { coverageSchema, methodSchema } from './common.js'
import { list } from './list.js'
import { wholeParam, yearsParam } from './query.js'

/** A comma-separated list in a query string (`output,international-share`). */
const commaList = (item: z.ZodString) =>
  z
    .string()
    .max(10_000)
    .transform((value) =>
      value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1))

/** The evaluation's options (STEER's `EvaluationInput`); the service checks what the schema cannot. */
export const evaluationQuery = z.object({
  pre: yearsParam.optional().describe("Pre-period. Default: the four years before the programme's start."),
  post: yearsParam.optional().describe("Post-period. Default: the programme's first four years."),
  indicators: commaList(z.string().max(100))
    .optional()
    .describe('Indicator ids, comma-separated, whose value is compared. Default output,international-share.'),
  comparison: commaList(z.string().max(200))
    .optional()
    .describe('Comparison group: ROR ids, comma-separated. Default: matched on field mix, size and trend.'),
  k: wholeParam(1, 50).optional().describe('Matched institutions per participant. Default 3.'),
  resamples: wholeParam(100, 100_000).optional().describe('Bootstrap resamples. Default 1000.'),
  seed: wholeParam(0, 2 ** 31 - 1)
    .optional()
    .describe('Bootstrap seed. Default 1.'),
})

/** Which report: language and format. */
export const reportQuery = z.object({
  lang: z.enum(LANGUAGES).default('en').describe('Language. Default en.'),
  format: z.enum(REPORT_FORMATS).default('html').describe('html (inline), pdf, csv or xlsx. Default html.'),
})

const binary = z.string().describe('The document (binary for pdf and xlsx).')
/** The report's 200: one media type per format. */
export const reportResponse = {
  description: 'The report; pdf, csv and xlsx come as attachments with a file name.',
  content: {
    'text/html': { schema: binary },
    'application/pdf': { schema: binary },
    'text/csv': { schema: binary },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: binary },
  },
}

const institution = z.object({
  institution: z.string().describe('ROR id'),
  name: z.string().nullable(),
  inData: z.boolean(),
  distance: z.number().optional(),
  nearest: z.string().optional(),
})
const group = z.object({
  n: z.number(),
  pre: z.number().nullable(),
  post: z.number().nullable(),
  change: z.number().nullable(),
  preTrend: z.number().nullable(),
})
const years = z.object({ from: z.number(), to: z.number() })

export const evaluationSchema = z
  .object({
    programmeId: z.number(),
    pre: years,
    post: years,
    participants: list(institution),
    comparison: z.object({
      mode: z.enum(['given', 'matched']),
      k: z.number().nullable(),
      distance: z.string().nullable(),
      institutions: list(institution),
    }),
    indicators: list(
      z.object({
        indicator: z.string(),
        title: z.string(),
        treated: group,
        comparison: group,
        did: z.number().nullable(),
        interval: z.object({ low: z.number().nullable(), high: z.number().nullable(), level: z.number() }),
        preTrendDifference: z.number().nullable(),
        series: list(
          z.object({ year: z.number(), treated: z.number().nullable(), comparison: z.number().nullable() }),
        ),
        method: methodSchema,
        coverage: coverageSchema,
      }),
    ),
    bootstrap: z.object({ resamples: z.number(), seed: z.number(), unit: z.literal('institution') }),
    assumptions: list(z.object({ key: z.string(), text: z.string() })),
    dataVersion: z.unknown(),
  })
  .meta({ id: 'Evaluation' })
