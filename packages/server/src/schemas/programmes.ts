import {
  COMPONENT_KINDS,
  ENTITY_ROLES,
  EVIDENCE_KINDS,
  LINK_METHODS,
  MILESTONE_STATUSES,
  OUTPUTS_PAGE,
  PROGRAMME_KINDS,
  PROGRAMME_STATUSES,
  SCOPE_KINDS,
} from '@meridian/steer'
import { z } from 'zod'
import { coverageSchema, methodSchema } from './common.js'
import { list } from './list.js'
import { wholeParam } from './query.js'

const date = z.string().describe('YYYY-MM-DD')
const text = z.string().max(300)
const codes = list(z.string().max(2)).describe('ISO 3166-1 alpha-2 codes')
const evidence = z.object({ kind: z.enum(EVIDENCE_KINDS), value: z.string().max(2000) })
const budgetYear = z.object({
  year: z.number().int(),
  planned: z.number().nullable(),
  actual: z.number().nullable(),
})

/** An output link: by funder and awards, by institutions and period, or by DOIs (the service checks the rest). */
export const outputLinkBody = z.object({
  method: z.enum(LINK_METHODS),
  funder: z
    .string()
    .max(300)
    .nullable()
    .optional()
    .describe('An OpenAlex funder id (F...) or a Crossref funder DOI (10.13039/...).'),
  awardIds: list(z.string().max(200)).optional(),
  institutions: list(z.string().max(100)).optional().describe('ROR ids'),
  fromYear: z.number().int().nullable().optional(),
  toYear: z.number().int().nullable().optional(),
  dois: list(z.string().max(300)).optional(),
  note: z.string().max(2000).nullable().optional(),
})

/** A programme as the Meridian template writes it (the service checks every value and cross-reference). */
export const programmeBody = z.object({
  title: text,
  kind: z.enum(PROGRAMME_KINDS).optional(),
  externalId: z.string().max(200).nullable().optional(),
  organisationId: z
    .number()
    .int()
    .positive()
    .nullable()
    .optional()
    .describe("Default: the caller's organisation."),
  description: z.string().max(20_000).nullable().optional(),
  themes: list(z.string().max(200)).optional(),
  instrumentTypes: list(z.string().max(200)).optional(),
  targetGroups: list(z.string().max(200)).optional(),
  countries: codes.optional(),
  partnerCountries: codes.optional(),
  startDate: date.nullable().optional(),
  endDate: date.nullable().optional(),
  status: z.enum(PROGRAMME_STATUSES).optional(),
  currency: z.string().max(3).nullable().optional(),
  budget: list(budgetYear).optional(),
  synthetic: z.boolean().optional(),
  components: list(
    z.object({
      key: z.string().max(100).nullable().optional(),
      kind: z.enum(COMPONENT_KINDS),
      title: text,
      description: z.string().max(5000).nullable().optional(),
      countries: codes.optional(),
      startDate: date.nullable().optional(),
      endDate: date.nullable().optional(),
    }),
  ).optional(),
  entities: list(
    z.object({
      key: z.string().max(100).nullable().optional(),
      name: text,
      rorId: z.string().max(100).nullable().optional(),
      country: z.string().max(2).nullable().optional(),
      role: z.enum(ENTITY_ROLES),
      component: z.string().max(100).nullable().optional(),
    }),
  ).optional(),
  milestones: list(
    z.object({
      title: text,
      dueDate: date,
      responsible: z.string().max(300).nullable().optional().describe("An entity's key or name."),
      status: z.enum(MILESTONE_STATUSES).optional(),
      evidence: list(evidence).optional(),
      component: z.string().max(100).nullable().optional(),
    }),
  ).optional(),
  outputLinks: list(outputLinkBody).optional(),
})

export const programmeSummarySchema = z
  .object({
    id: z.number(),
    title: z.string(),
    kind: z.string(),
    status: z.string(),
    organisationId: z.number().nullable(),
    source: z.string(),
    externalId: z.string().nullable(),
    countries: list(z.string()),
    partnerCountries: list(z.string()),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    synthetic: z.boolean(),
  })
  .meta({ id: 'ProgrammeSummary' })

const statusChange = z.object({
  at: z.string(),
  actor: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  note: z.string().nullable(),
})

export const milestoneSchema = z
  .object({
    id: z.number(),
    componentId: z.number().nullable(),
    title: z.string(),
    dueDate: z.string(),
    responsibleEntityId: z.number().nullable(),
    status: z.string(),
    evidence: list(evidence),
    history: list(statusChange),
  })
  .meta({ id: 'Milestone' })

export const outputLinkSchema = z
  .object({
    id: z.number(),
    method: z.string().describe('How the link was made: funder-award, institutions-period or doi-list.'),
    funder: z.string().nullable(),
    awardIds: list(z.string()),
    institutions: list(z.string()),
    fromYear: z.number().nullable(),
    toYear: z.number().nullable(),
    dois: list(z.string()),
    note: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: 'OutputLink' })

export const programmeSchema = programmeSummarySchema
  .extend({
    description: z.string().nullable(),
    themes: list(z.string()),
    instrumentTypes: list(z.string()),
    targetGroups: list(z.string()),
    currency: z.string().nullable(),
    budget: list(budgetYear),
    createdAt: z.string(),
    updatedAt: z.string(),
    components: list(
      z.object({
        id: z.number(),
        kind: z.string(),
        title: z.string(),
        description: z.string().nullable(),
        countries: list(z.string()),
        startDate: z.string().nullable(),
        endDate: z.string().nullable(),
      }),
    ),
    entities: list(
      z.object({
        id: z.number(),
        componentId: z.number().nullable(),
        name: z.string(),
        rorId: z.string().nullable(),
        country: z.string().nullable(),
        role: z.string(),
      }),
    ),
    milestones: list(milestoneSchema),
    outputLinks: list(outputLinkSchema),
  })
  .meta({ id: 'Programme' })

/** A programme's linked outputs: its links with their counts, the distinct total and a page of works. */
export const outputsSchema = z
  .object({
    programmeId: z.number(),
    links: list(
      outputLinkSchema.extend({
        matched: z.number().describe('Works of the store this link names on its own.'),
        problem: z
          .string()
          .nullable()
          .describe('Why the indicator engine refuses the link (it then names no works), else null.'),
      }),
    ),
    total: z.number().describe('Distinct works any link names.'),
    limit: z.number(),
    offset: z.number(),
    works: list(
      z.object({
        id: z.number().describe("The store's work id."),
        doi: z.string().nullable(),
        title: z.string().nullable(),
        year: z.number().nullable(),
        source: z.string().nullable().describe('Where the work was read from (openalex, wos, ...).'),
        sourceTitle: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'LinkedOutputs' })

export const outputsQuery = z.object({
  limit: wholeParam(1, OUTPUTS_PAGE.maxLimit).optional().describe(`Default ${OUTPUTS_PAGE.limit}.`),
  offset: wholeParam(0, 1_000_000_000).optional().describe('Default 0.'),
})

export const milestoneChangeBody = z.object({
  status: z.enum(MILESTONE_STATUSES),
  note: z.string().max(2000).nullable().optional(),
  evidence: list(evidence).optional(),
})

export const kpiBody = z.object({
  indicator: z
    .string()
    .max(100)
    .describe(
      "An indicator id; milestones-done / milestones-late: the programme's own milestones, scope programme only; " +
        "connect-agreements / connect-introductions: agreements and accepted introductions on the programme's marketplace records, scope programme or country-pair.",
    ),
  options: z
    .object({
      counting: z.string().max(40).optional(),
      countryPolicy: z.string().max(40).optional(),
      years: z.string().max(20).optional(),
      role: z.string().max(20).optional(),
      normalization: z.string().max(20).optional(),
      threshold: z.number().optional(),
      top: z.number().optional(),
      minCopublications: z.number().optional(),
      rollUp: z.boolean().optional(),
    })
    .optional(),
  scope: z.object({
    kind: z.enum(SCOPE_KINDS),
    country: z.string().max(2).optional(),
    partner: z.string().max(2).optional(),
    institution: z.string().max(200).optional(),
    name: z.string().max(64).optional(),
    countries: list(z.string().max(2)).optional(),
  }),
  measure: z.string().max(60).optional(),
  baseline: z.object({
    period: z.string().max(20),
    value: z.number().nullable().optional().describe('Entered; default computed over the period.'),
  }),
  target: z.object({ value: z.number(), date }),
  owner: z.string().max(300),
})

const kpiActual = z.object({
  value: z.number().nullable(),
  baseline: z.number().nullable(),
  expected: z.number().nullable(),
  status: z.string(),
  computedAt: z.string(),
  dataVersion: z.unknown(),
})

export const kpiSchema = z
  .object({
    id: z.number(),
    programmeId: z.number(),
    indicator: z.string(),
    options: z.record(z.string(), z.unknown()),
    scope: z.record(z.string(), z.unknown()),
    measure: z.string(),
    baseline: z.object({ period: z.string(), value: z.number().nullable(), source: z.string() }),
    target: z.object({ value: z.number(), date: z.string() }),
    owner: z.string(),
    actual: z.number().nullable(),
    expected: z.number().nullable(),
    status: z.enum(['on-track', 'at-risk', 'off-track', 'no-data']),
    statusRule: z.string(),
    computedAt: z.string().nullable(),
    dataVersion: z.unknown(),
    coverage: coverageSchema.nullable(),
    method: methodSchema.describe("The indicator's method card for the KPI's options."),
    history: list(kpiActual),
  })
  .meta({ id: 'Kpi' })

export const refreshSchema = z.object({ refreshed: z.number(), unchanged: z.number() })
export const milestoneParams = z.object({ id: z.coerce.number().int().positive() })
