import { MeridianError } from '@meridian/model'
import type { Selectable } from 'kysely'
import { userActor, type Actor, type RequestOrigin } from './actor.js'
import { appendAudit } from './audit.js'
import { authorize } from './authorization.js'
import { isScope, SCOPES, type Scope } from './roles.js'
import type { ApiTokensTable } from './schema.js'
import { newSecret, secretHash } from './secrets.js'
import type { ServiceContext } from './service-context.js'
import type { Authenticated } from './sessions.js'

/** What every token starts with, so secret scanners and people recognise one. */
export const TOKEN_PREFIX = 'mrd_'

/** A token as listed: never the token itself. */
export interface TokenView {
  readonly id: number
  readonly userId: number
  readonly name: string
  /** The first characters, to tell tokens apart. */
  readonly prefix: string
  readonly scopes: readonly Scope[]
  readonly createdAt: string
  readonly expiresAt: string | null
  readonly lastUsedAt: string | null
  readonly revoked: boolean
}

const view = (row: Selectable<ApiTokensTable>): TokenView => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes as Scope[],
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at?.toISOString() ?? null,
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revoked: row.revoked_at !== null,
})

/** The fields of a new token. */
export interface NewToken {
  readonly name: string
  /** Default: `read` and `write` (never more than the credential creating it has). */
  readonly scopes?: readonly string[] | undefined
  /** Days until it expires; default: never. */
  readonly expiresInDays?: number | undefined
}

/** Create a personal API token for the actor; the token itself is returned once and stored only as a hash. */
export async function createToken(
  context: ServiceContext,
  actor: Actor,
  input: NewToken,
): Promise<{ readonly token: string; readonly view: TokenView }> {
  authorize(actor, 'tokens.create')
  if (actor.kind !== 'user')
    throw new MeridianError('FORBIDDEN', 'tokens.create refused: tokens belong to a user')
  const name = input.name.trim()
  if (name.length === 0 || name.length > 100)
    throw new MeridianError('INVALID_VALUE', 'name: must be 1 to 100 characters')
  const scopes = [...new Set(input.scopes ?? ['read', 'write'])]
  for (const scope of scopes)
    if (!isScope(scope))
      throw new MeridianError('INVALID_VALUE', `scopes: "${scope}" is not one of ${SCOPES.join(', ')}`)
  for (const scope of scopes as Scope[])
    if (!actor.scopes.includes(scope) || (scope === 'admin' && actor.role !== 'admin'))
      throw new MeridianError('FORBIDDEN', `tokens.create refused: you cannot grant the "${scope}" scope`)
  const days = input.expiresInDays
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650))
    throw new MeridianError('INVALID_VALUE', `expiresInDays: ${days} must be a whole number from 1 to 3650`)
  const at = context.now()
  const token = TOKEN_PREFIX + newSecret(context.random)
  return context.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({
        user_id: actor.userId,
        name,
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        token_hash: secretHash(token),
        scopes: scopes as Scope[],
        created_at: at,
        expires_at: days === undefined ? null : new Date(at.getTime() + days * 86_400_000),
        last_used_at: null,
        revoked_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await appendAudit(
      trx,
      { actor, at },
      { action: 'token.create', entityType: 'api_token', entityId: row.id, after: view(row) },
    )
    return { token, view: view(row) }
  })
}

/** The actor's own tokens (an admin may name another user). */
export async function listTokens(
  context: ServiceContext,
  actor: Actor,
  userId?: number,
): Promise<TokenView[]> {
  const owner = userId ?? (actor.kind === 'user' ? actor.userId : undefined)
  authorize(actor, 'tokens.list', { userId: owner })
  let query = context.db.selectFrom('api_tokens').selectAll().orderBy('id')
  if (owner !== undefined) query = query.where('user_id', '=', owner)
  return (await query.execute()).map(view)
}

/** Revoke a token (its owner, or an admin). */
export async function revokeToken(context: ServiceContext, actor: Actor, id: number): Promise<TokenView> {
  const at = context.now()
  return context.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) throw new MeridianError('NOT_FOUND', `no API token with id ${id}`)
    authorize(actor, 'tokens.revoke', { userId: row.user_id })
    if (row.revoked_at) return view(row)
    const after = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await appendAudit(
      trx,
      { actor, at },
      {
        action: 'token.revoke',
        entityType: 'api_token',
        entityId: id,
        before: view(row),
        after: view(after),
      },
    )
    return view(after)
  })
}

/** Resolve a bearer token to its user, limited to the token's scopes; `UNAUTHENTICATED` when unknown or revoked. */
export async function authenticateToken(
  context: ServiceContext,
  token: string,
  origin: RequestOrigin = {},
): Promise<Authenticated> {
  const at = context.now()
  const row = await context.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.scopes',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
      'users.id as user_id',
      'users.email',
      'users.role',
      'users.organisation_id',
      'users.disabled_at',
    ])
    .where('api_tokens.token_hash', '=', secretHash(token))
    .executeTakeFirst()
  if (!row || row.revoked_at || row.disabled_at || (row.expires_at && row.expires_at <= at))
    throw new MeridianError('UNAUTHENTICATED', 'the API token is unknown, revoked or expired')
  if (!row.last_used_at || at.getTime() - row.last_used_at.getTime() > 60_000)
    await context.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', row.id).execute()
  return {
    actor: userActor(row, 'token', row.scopes as Scope[], origin),
    csrfToken: null,
  }
}
