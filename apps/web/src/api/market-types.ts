/**
 * The shapes of CONNECT's marketplace API (`/api/records`, `/api/interests`, `/api/inbox`; see the server's
 * `schemas/market.ts`). The lists are copies of `@meridian/connect`'s `record-spec.ts`: the dashboard imports
 * no `@meridian/*` package.
 */

export const RECORD_TYPES = [
  'technology-offer',
  'technology-request',
  'business-offer',
  'business-request',
  'rd-request',
] as const
export type RecordType = (typeof RECORD_TYPES)[number]

/** Offers must state their advantage over the state of the art. */
export const OFFER_TYPES: readonly RecordType[] = ['technology-offer', 'business-offer']
export const NEED_TYPES: readonly RecordType[] = ['technology-request', 'business-request', 'rd-request']

export const RECORD_STATUSES = ['draft', 'submitted', 'returned', 'published', 'expired', 'closed'] as const
export type RecordStatus = (typeof RECORD_STATUSES)[number]

export const IPR_STATUSES = [
  'granted-patent',
  'patent-application',
  'secret-know-how',
  'copyright',
  'none',
] as const

export const PARTNERSHIP_TYPES = [
  'licence',
  'technical-cooperation',
  'research-cooperation',
  'joint-venture',
  'commercial-agreement-with-technical-assistance',
  'acquisition',
] as const
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number]

export const PARTNER_ROLES = [
  'industry',
  'university',
  'research-institute',
  'sme',
  'public-body',
  'investor',
] as const

export const RECORD_LANGUAGES = ['en', 'zh'] as const

export const RETURN_REASONS = [
  'description-unclear',
  'advantage-missing',
  'ipr-unclear',
  'classification-missing',
  'duplicate',
  'out-of-scope',
  'other',
] as const

export const DECLINE_REASONS = [
  'too-early-stage',
  'benefit-unclear',
  'commercial-route-unclear',
  'description-unclear',
  'not-a-fit',
  'no-capacity',
  'other',
] as const

export const OUTCOME_KINDS = ['meeting', 'nda', 'agreement', 'no-deal'] as const
export type OutcomeKind = (typeof OUTCOME_KINDS)[number]

export const NO_DEAL_REASONS = [
  'too-early-stage',
  'benefit-unclear',
  'commercial-route-unclear',
  'terms-not-agreed',
  'funding-not-found',
  'partner-withdrew',
  'other',
] as const

export const MATCH_KINDS = ['organisation', 'researcher', 'record'] as const
export type MatchKind = (typeof MATCH_KINDS)[number]

export const INBOX_KINDS = [
  'record.submitted',
  'record.published',
  'record.returned',
  'record.expiring',
  'interest.received',
  'interest.accepted',
  'interest.declined',
  'outcome.recorded',
] as const
export type InboxKind = (typeof INBOX_KINDS)[number]

/** The lifecycle steps of `POST /api/records/:id/transitions`. */
export type Step = 'submit' | 'approve' | 'return' | 'renew' | 'close'

export interface Contact {
  readonly name: string
  readonly email: string | null
  readonly phone: string | null
}

/** A record as the API shows it to the asker: `contact` only for its owners and an accepted interest's sender. */
export interface MarketRecord {
  readonly id: number
  readonly type: RecordType
  readonly status: RecordStatus
  readonly organisation: {
    readonly id: number
    readonly name: string
    readonly country: string | null
    readonly rorId: string | null
  } | null
  readonly brokerOrganisationId: number | null
  readonly externalId: string | null
  readonly title: string
  readonly summary: string
  readonly problem: string | null
  readonly advantage: string | null
  readonly keywords: readonly string[]
  readonly fields: readonly string[]
  readonly classes: readonly string[]
  readonly nace: readonly string[]
  readonly trl: number | null
  readonly iprStatus: string | null
  readonly patentNumber: string | null
  readonly partnershipTypes: readonly string[]
  readonly partnerRoles: readonly string[]
  readonly partnerCountries: readonly string[]
  readonly languages: readonly string[]
  readonly contact?: Contact
  readonly programmeId: number | null
  readonly call: string | null
  readonly deadline: string | null
  readonly expiresOn: string | null
  readonly reviewReasons: readonly string[]
  readonly reviewNote: string | null
  readonly outcome: string | null
  readonly synthetic: boolean
  readonly createdAt: string
  readonly updatedAt: string
  readonly publishedAt: string | null
}

/** The body of `POST /api/records` (the server checks every value and names the field at fault). */
export interface RecordInput {
  readonly type: RecordType
  readonly title: string
  readonly summary: string
  readonly problem: string | null
  readonly advantage: string | null
  readonly keywords: readonly string[]
  readonly classes: readonly string[]
  readonly trl: number | null
  readonly iprStatus: string | null
  readonly patentNumber: string | null
  readonly partnershipTypes: readonly string[]
  readonly partnerRoles: readonly string[]
  readonly partnerCountries: readonly string[]
  readonly languages: readonly string[]
  readonly contact: { readonly name: string; readonly email: string | null; readonly phone: string | null }
  readonly expiresOn: string | null
}

/** The filters of `GET /api/records` (empty values are left out). */
export interface RecordQuery {
  readonly type?: string
  readonly status?: string
  readonly mine?: boolean
  readonly review?: boolean
  readonly q?: string
  readonly country?: string
  readonly trlMin?: string
  readonly trlMax?: string
  readonly partnershipType?: string
}

export interface MatchReason {
  readonly kind: string
  /** Already in the language asked for. */
  readonly text: string
  readonly figures: Readonly<Record<string, number | string>>
}

export interface MatchWork {
  readonly id: number
  readonly title: string | null
  readonly year: number | null
  readonly doi: string | null
  readonly score: number
  readonly weight: number
}

export interface MatchRow {
  readonly rank: number
  readonly kind: MatchKind
  readonly organisation?: {
    readonly id: string
    readonly name: string
    readonly ror: string | null
    readonly country: string | null
    readonly type: string | null
  }
  readonly researcher?: {
    readonly id: string
    readonly name: string
    readonly key: string
    readonly country: string | null
    readonly institution: string | null
  }
  readonly record?: {
    readonly id: number
    readonly type: string
    readonly title: string
    readonly organisation: string | null
    readonly country: string | null
    readonly trl: number | null
  }
  readonly score: number
  readonly reasons: readonly MatchReason[]
  readonly evidence: {
    readonly works: readonly MatchWork[]
    readonly terms: readonly string[]
    readonly patents: readonly MatchPatent[]
  }
}

/** A patent that put a candidate on the list. */
export interface MatchPatent {
  readonly id: number
  readonly number: string
  readonly title: string
  readonly year: number | null
  readonly url: string | null
  readonly score: number
  readonly weight: number
}

export interface Matches {
  readonly recordId: number
  readonly total: number
  readonly page: number
  readonly pageSize: number
  readonly rows: readonly MatchRow[]
  readonly method: {
    readonly query: string
    readonly scoring: string
    readonly languages: string
    readonly patents: string
    readonly notes: readonly string[]
  }
}

export interface Outcome {
  readonly id: number
  readonly kind: string
  readonly agreementType: string | null
  readonly date: string
  readonly noDealReason: string | null
  readonly note: string | null
  readonly recordedBy: string
  readonly recordedAt: string
}

export interface Interest {
  readonly id: number
  readonly recordId: number
  readonly recordTitle: string
  readonly recordType: string
  readonly from: {
    readonly userId: number
    readonly email: string
    readonly organisationId: number | null
    readonly organisation: string | null
  }
  readonly message: string
  readonly status: 'pending' | 'accepted' | 'declined' | 'withdrawn'
  readonly declineReason: string | null
  readonly decisionNote: string | null
  readonly decidedAt: string | null
  readonly createdAt: string
  readonly outcomes: readonly Outcome[]
  /** The record's contact: for the sender, once accepted. */
  readonly contact?: Contact
}

export interface Interests {
  readonly sent: readonly Interest[]
  readonly received: readonly Interest[]
}

export interface InboxItem {
  readonly id: number
  readonly at: string
  readonly kind: string
  readonly recordId: number | null
  readonly interestId: number | null
  readonly params: Readonly<Record<string, unknown>>
  readonly read: boolean
}

export interface Inbox {
  readonly unread: number
  readonly items: readonly InboxItem[]
}
