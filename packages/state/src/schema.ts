import type { ColumnType, Generated } from 'kysely'

/** A timestamp column: written as a `Date`, read as a `Date`. */
type Timestamp = ColumnType<Date, Date, Date>

/** Organisations that own records (by ROR id where one exists). */
export interface OrganisationsTable {
  id: Generated<number>
  ror_id: string | null
  name: string
  country: string | null
  created_at: Timestamp
}

/** Accounts; `password_hash` is Argon2id (PHC string). */
export interface UsersTable {
  id: Generated<number>
  email: string
  display_name: string | null
  password_hash: string
  role: string
  organisation_id: number | null
  disabled_at: Timestamp | null
  failed_logins: Generated<number>
  locked_until: Timestamp | null
  password_changed_at: Timestamp
  created_at: Timestamp
}

/** Browser sessions; `id` is the SHA-256 of the cookie value, never the value itself. */
export interface SessionsTable {
  id: string
  user_id: number
  csrf_token: string
  created_at: Timestamp
  last_seen_at: Timestamp
  expires_at: Timestamp
  client_address: string | null
  ended_at: Timestamp | null
}

/** Personal API tokens; only the SHA-256 of the token is stored. */
export interface ApiTokensTable {
  id: Generated<number>
  user_id: number
  name: string
  prefix: string
  token_hash: string
  scopes: string[]
  created_at: Timestamp
  expires_at: Timestamp | null
  last_used_at: Timestamp | null
  revoked_at: Timestamp | null
}

/** One-time links that create the first admin on an empty database. */
export interface SetupTokensTable {
  token_hash: string
  created_at: Timestamp
  expires_at: Timestamp
  used_at: Timestamp | null
}

/** The append-only audit trail: the database refuses UPDATE, DELETE and TRUNCATE on it. */
export interface AuditLogTable {
  id: Generated<number>
  at: Timestamp
  actor_user_id: number | null
  actor: string
  action: string
  entity_type: string
  entity_id: string | null
  before: unknown
  after: unknown
  request_id: string | null
  client_address: string | null
}

/** Every table of the state database, for Kysely. */
export interface StateSchema {
  organisations: OrganisationsTable
  users: UsersTable
  sessions: SessionsTable
  api_tokens: ApiTokensTable
  setup_tokens: SetupTokensTable
  audit_log: AuditLogTable
}
