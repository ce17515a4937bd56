import type { ColumnType, Generated, Kysely, StateSchema } from '@meridian/state'
import type { Contact } from './record-spec.js'

/** A jsonb column: written as JSON text, read back parsed. */
type Json<T> = ColumnType<T, string, string>

export interface MarketRecordsTable {
  id: Generated<number>
  organisation_id: number | null
  /** A second organisation whose brokers may review and handle the record (a technology transfer centre). */
  broker_organisation_id: number | null
  created_by: string
  type: string
  status: string
  external_id: string | null
  title: string
  summary: string
  problem: string | null
  advantage: string | null
  keywords: string[]
  fields: string[]
  classes: string[]
  nace: string[]
  trl: number | null
  ipr_status: string | null
  patent_number: string | null
  partnership_types: string[]
  partner_roles: string[]
  partner_countries: string[]
  languages: string[]
  contact: Json<Contact>
  programme_id: number | null
  call: string | null
  deadline: string | null
  expires_on: string | null
  review_reasons: string[]
  review_note: string | null
  outcome: string | null
  synthetic: boolean
  created_at: Date
  updated_at: Date
  published_at: Date | null
  reminded_at: Date | null
}

export interface MarketInterestsTable {
  id: Generated<number>
  record_id: number
  user_id: number
  organisation_id: number | null
  message: string
  status: string
  decline_reason: string | null
  decision_note: string | null
  decided_by: string | null
  decided_at: Date | null
  created_at: Date
}

export interface MarketOutcomesTable {
  id: Generated<number>
  interest_id: number
  kind: string
  agreement_type: string | null
  on_date: string
  no_deal_reason: string | null
  note: string | null
  recorded_by: string
  recorded_at: Date
}

export interface InboxTable {
  id: Generated<number>
  user_id: number
  at: Date
  /** What happened, as a message key the dashboard translates (`interest.received`, `record.returned`, ...). */
  kind: string
  record_id: number | null
  interest_id: number | null
  /** The figures the message quotes (a record's title, a reason), never contact details. */
  params: Json<Readonly<Record<string, unknown>>>
  read_at: Date | null
}

/** CONNECT's tables, for Kysely. */
// A type, not an interface: Kysely's `withTables` wants an index-signature-compatible record.
export type ConnectSchema = {
  market_records: MarketRecordsTable
  market_interests: MarketInterestsTable
  market_outcomes: MarketOutcomesTable
  inbox: InboxTable
}

/** The state database as CONNECT's services see it: the workspace's tables and CONNECT's. */
export type ConnectDb = Kysely<StateSchema & ConnectSchema>
