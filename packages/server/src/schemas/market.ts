import {
  DECLINE_REASONS,
  IPR_STATUSES,
  MATCH_KINDS,
  NO_DEAL_REASONS,
  OUTCOME_KINDS,
  PARTNER_ROLES,
  PARTNERSHIP_TYPES,
  RECORD_LANGUAGES,
  RECORD_STATUSES,
  RECORD_TYPES,
  RETURN_REASONS,
  TRANSITIONS,
} from '@meridian/connect'
import { z } from 'zod'
import { list } from './list.js'
import { booleanParam, wholeParam } from './query.js'

const words = list(z.string().max(200))
const contact = z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() })

/** A record as its owner writes it (the service checks every value and names the field at fault). */
export const recordBody = z
  .object({
    type: z.enum(RECORD_TYPES),
    externalId: z.string().max(100).nullable().optional(),
    organisation: z
      .union([z.number().int(), z.string().max(300)])
      .optional()
      .describe('Owner: id, ROR id or exact name (default: yours).'),
    status: z
      .enum(['draft', 'submitted', 'published'])
      .optional()
      .describe('Default draft; published needs the review right.'),
    title: z.string().max(300),
    summary: z.string().max(5000),
    problem: z.string().max(5000).nullable().optional(),
    advantage: z.string().max(5000).nullable().optional().describe('Required for offers.'),
    keywords: words.optional(),
    fields: words.optional(),
    classes: words.optional().describe('CPC or IPC symbols (A21B 3/13).'),
    nace: words.optional().describe('NACE rev. 2 codes (C10.7).'),
    trl: z.number().int().nullable().optional().describe('Technology readiness level 1-9.'),
    iprStatus: z.enum(IPR_STATUSES).nullable().optional(),
    patentNumber: z.string().max(50).nullable().optional(),
    partnershipTypes: list(z.enum(PARTNERSHIP_TYPES)).optional(),
    partnerRoles: list(z.enum(PARTNER_ROLES)).optional(),
    partnerCountries: list(z.string().max(2)).optional().describe('ISO 3166-1 alpha-2 codes.'),
    languages: list(z.enum(RECORD_LANGUAGES)).optional(),
    contact: z.object({
      name: z.string().max(200),
      email: z.string().max(200).nullable().optional(),
      phone: z.string().max(50).nullable().optional(),
    }),
    programmeId: z.number().int().nullable().optional(),
    call: z.string().max(300).nullable().optional(),
    deadline: z.string().nullable().optional().describe('YYYY-MM-DD'),
    expiresOn: z.string().nullable().optional().describe('YYYY-MM-DD (default: 12 months after publication)'),
    synthetic: z.boolean().optional(),
  })
  .meta({ id: 'MarketRecordBody' })

export const recordSchema = z
  .object({
    id: z.number(),
    type: z.enum(RECORD_TYPES),
    status: z.enum(RECORD_STATUSES),
    organisation: z
      .object({
        id: z.number(),
        name: z.string(),
        country: z.string().nullable(),
        rorId: z.string().nullable(),
      })
      .nullable(),
    brokerOrganisationId: z.number().nullable(),
    externalId: z.string().nullable(),
    title: z.string(),
    summary: z.string(),
    problem: z.string().nullable(),
    advantage: z.string().nullable(),
    keywords: words,
    fields: words,
    classes: words,
    nace: words,
    trl: z.number().nullable(),
    iprStatus: z.string().nullable(),
    patentNumber: z.string().nullable(),
    partnershipTypes: words,
    partnerRoles: words,
    partnerCountries: words,
    languages: words,
    contact: contact
      .optional()
      .describe("Only for the record's owners, their brokers, admins, and an accepted interest's sender."),
    programmeId: z.number().nullable(),
    call: z.string().nullable(),
    deadline: z.string().nullable(),
    expiresOn: z.string().nullable(),
    reviewReasons: words,
    reviewNote: z.string().nullable(),
    outcome: z.string().nullable(),
    synthetic: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: 'MarketRecord' })

export const recordsQuery = z.object({
  type: z.enum([...RECORD_TYPES, 'offers', 'needs']).optional(),
  status: z.enum(RECORD_STATUSES).optional(),
  mine: booleanParam.optional().describe("Only your organisation's records (and those it brokers)."),
  review: booleanParam.optional().describe('Your review queue: submitted records you may review.'),
  q: z.string().max(300).optional().describe('Words that must all occur in the text.'),
  country: z.string().length(2).optional().describe("The owner's country."),
  trlMin: wholeParam(1, 9).optional(),
  trlMax: wholeParam(1, 9).optional(),
  partnershipType: z.enum(PARTNERSHIP_TYPES).optional(),
})

export const transitionBody = z
  .object({
    step: z.enum(Object.keys(TRANSITIONS) as [keyof typeof TRANSITIONS, ...(keyof typeof TRANSITIONS)[]]),
    reasons: list(z.enum(RETURN_REASONS)).optional().describe('Why a broker returns a record (step return).'),
    note: z.string().max(2000).nullable().optional(),
    expiresOn: z.string().optional().describe('A renewal until this day (YYYY-MM-DD; default 12 months on).'),
    outcome: z.string().max(500).optional().describe('What closing the record came to.'),
  })
  .meta({ id: 'RecordTransition' })

/** A comma-separated list in a query string. */
const csv = z
  .string()
  .max(2000)
  .transform((value) =>
    value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  )

export const matchesQuery = z.object({
  kinds: csv.optional().describe(`Candidates: ${MATCH_KINDS.join(',')} (default all).`),
  countries: csv
    .optional()
    .describe("Only candidates of these countries (default: the record's partner countries)."),
  types: csv.optional().describe('Only organisations of these types (company, education, ...).'),
  trlMin: wholeParam(1, 9).optional(),
  trlMax: wholeParam(1, 9).optional(),
  partnershipTypes: csv.optional(),
  years: z.string().max(20).optional().describe('Only works of these years: 2019 or 2015-2020.'),
  page: wholeParam(1, 1_000_000).optional(),
  pageSize: wholeParam(1, 100_000).optional(),
  lang: z.enum(['en', 'zh']).optional(),
})

const reason = z.object({
  kind: z.string(),
  text: z.string(),
  figures: z.record(z.string(), z.union([z.number(), z.string()])),
})
const workEvidence = z.object({
  id: z.number(),
  title: z.string().nullable(),
  year: z.number().nullable(),
  doi: z.string().nullable(),
  score: z.number(),
  weight: z.number(),
})

export const matchesSchema = z
  .object({
    recordId: z.number(),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    rows: list(
      z.object({
        rank: z.number(),
        kind: z.enum(MATCH_KINDS),
        organisation: z
          .object({
            id: z
              .string()
              .describe('Institution key, or `applicant:KEY` for a patent applicant the works do not know.'),
            name: z.string(),
            ror: z.string().nullable(),
            country: z.string().nullable(),
            type: z.string().nullable(),
          })
          .optional(),
        researcher: z
          .object({
            id: z.string(),
            name: z.string(),
            key: z.string(),
            country: z.string().nullable(),
            institution: z.string().nullable(),
          })
          .optional(),
        record: z
          .object({
            id: z.number(),
            type: z.string(),
            title: z.string(),
            organisation: z.string().nullable(),
            country: z.string().nullable(),
            trl: z.number().nullable(),
          })
          .optional(),
        score: z.number(),
        reasons: list(reason),
        evidence: z.object({
          works: list(workEvidence),
          terms: words,
          patents: list(
            z.object({
              id: z.number().describe("The store's patent id."),
              number: z.string().describe('Publication number, normalised (US20130101709A1).'),
              title: z.string(),
              year: z.number().nullable(),
              url: z.string().nullable(),
              score: z.number().describe('BM25 score for the record text.'),
              weight: z.number().describe("The weighted score the applicant's score sums."),
            }),
          ).describe(
            "The applicant's patents that matched, best first (none when the store holds no patents).",
          ),
        }),
      }),
    ),
    method: z.object({
      query: z.string(),
      scoring: z.string(),
      languages: z.string(),
      patents: z.string(),
      notes: words,
    }),
  })
  .meta({ id: 'Matches' })

export const interestBody = z.object({ message: z.string().max(4000) }).meta({ id: 'InterestBody' })

export const decisionBody = z
  .object({
    decision: z.enum(['accept', 'decline']),
    reason: z.enum(DECLINE_REASONS).optional(),
    note: z.string().max(2000).nullable().optional(),
  })
  .meta({ id: 'InterestDecision' })

export const outcomeBody = z
  .object({
    kind: z.enum(OUTCOME_KINDS),
    agreementType: z.enum(PARTNERSHIP_TYPES).optional(),
    date: z.string().describe('YYYY-MM-DD, not in the future'),
    reason: z.enum(NO_DEAL_REASONS).optional(),
    note: z.string().max(2000).nullable().optional(),
  })
  .meta({ id: 'OutcomeBody' })

export const interestSchema = z
  .object({
    id: z.number(),
    recordId: z.number(),
    recordTitle: z.string(),
    recordType: z.string(),
    from: z.object({
      userId: z.number(),
      email: z.string(),
      organisationId: z.number().nullable(),
      organisation: z.string().nullable(),
    }),
    message: z.string(),
    status: z.enum(['pending', 'accepted', 'declined', 'withdrawn']),
    declineReason: z.string().nullable(),
    decisionNote: z.string().nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
    outcomes: list(
      z.object({
        id: z.number(),
        kind: z.string(),
        agreementType: z.string().nullable(),
        date: z.string(),
        noDealReason: z.string().nullable(),
        note: z.string().nullable(),
        recordedBy: z.string(),
        recordedAt: z.string(),
      }),
    ),
    contact: contact.optional().describe("The record's contact: for the sender, once accepted."),
  })
  .meta({ id: 'Interest' })

export const interestsQuery = z.object({ recordId: wholeParam(1, 2_147_483_647).optional() })
export const interestsSchema = z.object({ sent: list(interestSchema), received: list(interestSchema) })

export const inboxQuery = z.object({ unread: booleanParam.optional() })
export const inboxSchema = z
  .object({
    unread: z.number(),
    items: list(
      z.object({
        id: z.number(),
        at: z.string(),
        kind: z.string(),
        recordId: z.number().nullable(),
        interestId: z.number().nullable(),
        params: z.record(z.string(), z.unknown()),
        read: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'Inbox' })
export const readBody = z.object({ ids: list(z.number().int().positive()).optional() })

export const agreementsQuery = z.object({
  programmeId: wholeParam(1, 2_147_483_647).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
})
export const agreementsSchema = list(
  z.object({
    programmeId: z.number().nullable(),
    ownerCountry: z.string().nullable(),
    partnerCountry: z.string().nullable(),
    agreements: z.number(),
  }),
)
