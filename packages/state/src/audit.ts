import type { Kysely } from 'kysely'
import { actorLabel, actorUserId, type Actor } from './actor.js'
import type { StateSchema } from './schema.js'

/** One change to record. */
export interface AuditEntry {
  readonly action: string
  readonly entityType: string
  readonly entityId: string | number | null
  readonly before?: unknown
  readonly after?: unknown
}

/** An audit row as read back. */
export interface AuditRecord {
  readonly id: number
  readonly at: string
  readonly actorUserId: number | null
  readonly actor: string
  readonly action: string
  readonly entityType: string
  readonly entityId: string | null
  readonly before: unknown
  readonly after: unknown
  readonly requestId: string | null
  readonly clientAddress: string | null
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value))

/**
 * Append one audit row (or one per entry of a list), inside the caller's transaction, so the change and its
 * record commit together.
 * There is deliberately no function here, nor anywhere, that updates or deletes audit rows; the database
 * refuses both with a trigger.
 */
export async function appendAudit(
  trx: Kysely<StateSchema>,
  context: { readonly actor: Actor; readonly at: Date },
  entry: AuditEntry | readonly AuditEntry[],
): Promise<void> {
  // Several entries (one operation's rows, e.g. a KPI refresh) go in one multi-row insert.
  const entries = Array.isArray(entry) ? (entry as readonly AuditEntry[]) : [entry as AuditEntry]
  if (entries.length === 0) return
  await trx
    .insertInto('audit_log')
    .values(
      entries.map((e) => ({
        at: context.at,
        actor_user_id: actorUserId(context.actor),
        actor: actorLabel(context.actor),
        action: e.action,
        entity_type: e.entityType,
        entity_id: e.entityId === null ? null : String(e.entityId),
        before: json(e.before),
        after: json(e.after),
        request_id: context.actor.requestId ?? null,
        client_address: context.actor.clientAddress ?? null,
      })),
    )
    .execute()
}

/** Filters of {@link readAudit}. */
export interface AuditFilter {
  readonly entityType?: string | undefined
  readonly entityId?: string | undefined
  /** The actor's e-mail (or operator label). */
  readonly actor?: string | undefined
  readonly since?: Date | undefined
  /** At most this many rows, newest first. Default 1,000. */
  readonly limit?: number | undefined
}

/** Audit rows, newest first. */
export async function readAudit(db: Kysely<StateSchema>, filter: AuditFilter = {}): Promise<AuditRecord[]> {
  let query = db.selectFrom('audit_log').selectAll()
  if (filter.entityType !== undefined) query = query.where('entity_type', '=', filter.entityType)
  if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId)
  if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor)
  if (filter.since !== undefined) query = query.where('at', '>=', filter.since)
  const rows = await query
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 1000)
    .execute()
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actorUserId: row.actor_user_id,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
    clientAddress: row.client_address,
  }))
}
