import type { Selectable } from '@meridian/state'
import type { Contact, RecordStatus, RecordType } from './record-spec.js'
import type { MarketRecordsTable } from './schema.js'

/** A record's owning organisation as shown beside it. */
export interface OwnerView {
  readonly id: number
  readonly name: string
  readonly country: string | null
  readonly rorId: string | null
}

/** A marketplace record as an actor may see it: `contact` only for its owners and accepted interest. */
export interface RecordView {
  readonly id: number
  readonly type: RecordType
  /** The status in effect: a published record past its expiry date reads `expired` even before the sweep. */
  readonly status: RecordStatus
  readonly organisation: OwnerView | null
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
  /** Present only for the record's owners, their brokers, admins, and a user whose interest was accepted. */
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

/** The status in effect on a day: published records past their expiry date are expired. */
export const effectiveStatus = (
  row: Pick<MarketRecordsTable, 'status' | 'expires_on'>,
  day: string,
): RecordStatus =>
  row.status === 'published' && row.expires_on !== null && row.expires_on < day
    ? 'expired'
    : (row.status as RecordStatus)

/** A stored record as a view; the contact is left out unless `withContact`. */
export function recordView(
  row: Selectable<MarketRecordsTable>,
  owners: ReadonlyMap<number, OwnerView>,
  day: string,
  withContact: boolean,
): RecordView {
  const view: RecordView = {
    id: row.id,
    type: row.type as RecordType,
    status: effectiveStatus(row, day),
    organisation: row.organisation_id === null ? null : (owners.get(row.organisation_id) ?? null),
    brokerOrganisationId: row.broker_organisation_id,
    externalId: row.external_id,
    title: row.title,
    summary: row.summary,
    problem: row.problem,
    advantage: row.advantage,
    keywords: row.keywords,
    fields: row.fields,
    classes: row.classes,
    nace: row.nace,
    trl: row.trl,
    iprStatus: row.ipr_status,
    patentNumber: row.patent_number,
    partnershipTypes: row.partnership_types,
    partnerRoles: row.partner_roles,
    partnerCountries: row.partner_countries,
    languages: row.languages,
    programmeId: row.programme_id,
    call: row.call,
    deadline: row.deadline,
    expiresOn: row.expires_on,
    reviewReasons: row.review_reasons,
    reviewNote: row.review_note,
    outcome: row.outcome,
    synthetic: row.synthetic,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
  }
  return withContact ? { ...view, contact: row.contact } : view
}
