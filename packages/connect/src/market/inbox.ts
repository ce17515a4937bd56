import { MeridianError } from '@meridian/model'
import type { Actor } from '@meridian/state'
import { json, type MarketContext } from './context.js'
import { authorizeConnect } from './rules.js'
import type { ConnectDb } from './schema.js'

/** What a notification is about; the dashboard translates each kind. */
export const INBOX_KINDS = Object.freeze([
  'record.submitted',
  'record.published',
  'record.returned',
  'record.expiring',
  'interest.received',
  'interest.accepted',
  'interest.declined',
  'outcome.recorded',
] as const)
export type InboxKind = (typeof INBOX_KINDS)[number]

/** One notification as its recipient reads it. */
export interface InboxItem {
  readonly id: number
  readonly at: string
  readonly kind: string
  readonly recordId: number | null
  readonly interestId: number | null
  readonly params: Readonly<Record<string, unknown>>
  readonly read: boolean
}

/** Who hears about a record: the writers of its organisation, or its brokers (of either organisation). */
export async function recipients(
  trx: ConnectDb,
  organisations: readonly (number | null)[],
  roles: readonly string[],
): Promise<number[]> {
  const ids = organisations.filter((o): o is number => o !== null)
  if (ids.length === 0) return []
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('organisation_id', 'in', ids)
    .where('role', 'in', [...roles])
    .where('disabled_at', 'is', null)
    .orderBy('id')
    .execute()
  return [...new Set(rows.map((r) => r.id))]
}

/** Put one notification in each user's inbox, inside the caller's transaction. */
export async function notify(
  trx: ConnectDb,
  at: Date,
  users: readonly number[],
  item: {
    readonly kind: InboxKind
    readonly recordId: number | null
    readonly interestId?: number | null
    readonly params: Readonly<Record<string, unknown>>
  },
): Promise<void> {
  if (users.length === 0) return
  await trx
    .insertInto('inbox')
    .values(
      users.map((user) => ({
        user_id: user,
        at,
        kind: item.kind,
        record_id: item.recordId,
        interest_id: item.interestId ?? null,
        params: json(item.params),
        read_at: null,
      })),
    )
    .execute()
}

/** The actor's own notifications, newest first. */
export async function listInbox(
  context: MarketContext,
  actor: Actor,
  options: { readonly unreadOnly?: boolean; readonly limit?: number } = {},
): Promise<{ readonly unread: number; readonly items: readonly InboxItem[] }> {
  if (actor.kind !== 'user')
    throw new MeridianError('FORBIDDEN', "inbox.read refused: the inbox is a signed-in user's")
  authorizeConnect(actor, 'inbox.read', { userId: actor.userId })
  let query = context.db.selectFrom('inbox').selectAll().where('user_id', '=', actor.userId)
  if (options.unreadOnly) query = query.where('read_at', 'is', null)
  const [rows, unread] = await Promise.all([
    query
      .orderBy('id', 'desc')
      .limit(options.limit ?? 200)
      .execute(),
    context.db
      .selectFrom('inbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', actor.userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ])
  return {
    unread: Number(unread.n),
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      kind: r.kind,
      recordId: r.record_id,
      interestId: r.interest_id,
      params: r.params,
      read: r.read_at !== null,
    })),
  }
}

/** Mark the actor's notifications read (all, or those listed); returns how many changed. */
export async function markRead(
  context: MarketContext,
  actor: Actor,
  ids?: readonly number[],
): Promise<number> {
  if (actor.kind !== 'user')
    throw new MeridianError('FORBIDDEN', "inbox.read refused: the inbox is a signed-in user's")
  authorizeConnect(actor, 'inbox.read', { userId: actor.userId })
  let query = context.db
    .updateTable('inbox')
    .set({ read_at: context.now() })
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
  if (ids !== undefined) {
    if (ids.length === 0) return 0
    query = query.where('id', 'in', [...ids])
  }
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}
