import { BACKTEST_TASKS, EXPERT_KINDS, PROFILE_LEVELS } from '@meridian/connect'
import { INSTITUTION_TYPES } from '@meridian/model'
import { z } from 'zod'
import { list } from './list.js'
import { booleanParam, countryPolicyParam, wholeParam, yearsParam } from './query.js'

/** `GET /api/experts`: expertise search, the options of `meridian search experts`. */
export const expertsQuery = z.object({
  q: z.string().trim().min(1).max(2000).describe('Free text, English or Chinese.'),
  kind: z.enum(EXPERT_KINDS).optional().describe('Units ranked. Default institution.'),
  country: z.string().min(2).max(2).optional().describe('Only units of this country (ISO alpha-2).'),
  type: z.enum(INSTITUTION_TYPES).optional().describe('Only institutions of this type.'),
  field: z.string().min(1).max(300).optional().describe('Only works in this field (as stored).'),
  years: yearsParam.optional(),
  minWorks: wholeParam(1, 1_000_000)
    .optional()
    .describe('Only units with at least this many works. Default 1.'),
  rollUp: booleanParam.optional().describe('Institutions under their top-level organisation. Default false.'),
  page: wholeParam(1, 1_000_000).optional().describe('1-based page. Default 1.'),
  pageSize: wholeParam(1, 1000).optional().describe('Units per page. Default 20.'),
  evidence: wholeParam(0, 50).optional().describe('Matching works shown per unit. Default 5.'),
})
export type ExpertsQuery = z.output<typeof expertsQuery>

const evidence = z.object({
  id: z.number(),
  title: z.string().nullable(),
  year: z.number().nullable(),
  doi: z.string().nullable(),
  score: z.number(),
  weight: z.number(),
})

export const expertsSchema = z
  .object({
    query: z.string(),
    options: z.object({
      kind: z.string(),
      country: z.string().nullable(),
      type: z.string().nullable(),
      field: z.string().nullable(),
      years: z.object({ from: z.number(), to: z.number() }).nullable(),
      minWorks: z.number(),
      rollUp: z.boolean(),
      page: z.number(),
      pageSize: z.number(),
      evidence: z.number(),
    }),
    total: z.number(),
    matchingWorks: z.number(),
    page: z.number(),
    pageSize: z.number(),
    rows: list(
      z.object({
        id: z.string(),
        label: z.string(),
        key: z.string(),
        ror: z.string().nullable(),
        country: z.string().nullable(),
        type: z.string().nullable(),
        institution: z.string().nullable(),
        rank: z.number(),
        score: z.number(),
        matchingWorks: z.number(),
        evidence: list(evidence),
      }),
    ),
    method: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'ExpertSearchResult' })

/** `GET /api/expertise/:level`: an expertise profile, the options of `meridian profile`. */
export const expertiseParams = z.object({ level: z.enum(PROFILE_LEVELS) })

export const expertiseQuery = z.object({
  unit: z
    .string()
    .min(1)
    .max(300)
    .describe('ISO country code; institution key, ROR or OpenAlex id; ORCID or author name.'),
  years: yearsParam.optional(),
  rollUp: booleanParam.optional().describe('Institutions: count under the top of the ROR parent chain.'),
  countryPolicy: countryPolicyParam.optional(),
})
export type ExpertiseQuery = z.output<typeof expertiseQuery>

const trend = z.object({
  recent: z.number().nullable(),
  previous: z.number().nullable(),
  change: z.number().nullable(),
})
const topicShare = z.object({ name: z.string(), works: z.number(), share: z.number(), trend })
const led = z.object({ known: z.number(), led: z.number(), partnerLed: z.number() })
const partner = z.object({
  id: z.string(),
  name: z.string().nullable(),
  works: z.number(),
  share: z.number(),
  trend,
  leadership: z.object({ firstAuthor: led, corresponding: led }).nullable(),
})

export const expertiseSchema = z
  .object({
    kind: z.literal('profile'),
    level: z.enum(PROFILE_LEVELS),
    unit: z.string(),
    name: z.string().nullable(),
    keyBasis: z.enum(['orcid', 'name']).nullable(),
    sameName: list(z.string()),
    fields: list(topicShare),
    keywords: list(topicShare),
    terms: list(z.object({ term: z.string(), kind: z.string(), works: z.number(), weight: z.number() })),
    partners: z.object({
      count: z.number().nullable(),
      countries: list(partner),
      institutions: list(partner),
    }),
    production: z.object({
      works: z.number(),
      fractionalWorks: z.number(),
      byYear: list(z.object({ year: z.number(), full: z.number(), fractional: z.number() })),
      citationsPerWork: z.number().nullable(),
      mncs: z.number().nullable(),
      highlyCitedShare: z.number().nullable(),
      industryShare: z.number().nullable(),
      firstAuthorWorks: z.number().nullable(),
      correspondingWorks: z.number().nullable(),
    }),
    method: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'ExpertiseProfile' })

/** `GET /api/partners/:level/backtest`: the backtest of `meridian recommend backtest --store`. */
export const backtestQuery = z.object({
  trainEnd: wholeParam(1000, 3000)
    .optional()
    .describe('Cut-off year T. Default: the last year minus the horizon.'),
  horizon: wholeParam(1, 10).optional().describe('Years after T scored, H. Default 3.'),
  task: z
    .enum(BACKTEST_TASKS)
    .optional()
    .describe('new-ties (default): ties that appear; strengthening: existing ties whose joint works grow.'),
})
export type BacktestQuery = z.output<typeof backtestQuery>

export const backtestSchema = z
  .object({
    kind: z.literal('backtest'),
    rows: list(
      z.object({ model: z.string(), auc: z.number(), precisionAt20: z.number(), recallAt20: z.number() }),
    ),
    method: z.record(z.string(), z.unknown()),
    model: z.object({
      trainedOn: z.object({
        cutoffs: list(z.number()),
        horizon: z.number(),
        pairs: z.number(),
        positives: z.number(),
      }),
      weights: z.record(z.string(), z.number()),
    }),
  })
  .meta({ id: 'PartnerBacktest' })
