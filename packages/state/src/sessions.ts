import { MeridianError } from '@meridian/model'
import { userActor, type Actor, type RequestOrigin } from './actor.js'
import { appendAudit } from './audit.js'
import { hashPassword, verifyPassword } from './passwords.js'
import { SCOPES } from './roles.js'
import { newSecret, secretHash } from './secrets.js'
import type { ServiceContext } from './service-context.js'
import { userView, type UserView } from './users.js'

/** A new session: the cookie value (shown to the browser only) and the CSRF token the dashboard sends back. */
export interface NewSession {
  readonly cookie: string
  readonly csrfToken: string
  readonly expiresAt: string
  readonly user: UserView
}

/** A session or token resolved to its actor; `csrfToken` only for sessions. */
export interface Authenticated {
  readonly actor: Actor & { readonly kind: 'user' }
  readonly csrfToken: string | null
}

/** Last-seen times are written at most this often, so reads do not each cost a write. */
const TOUCH_MS = 60_000

let dummyHash: Promise<string> | undefined

const failed = () => new MeridianError('UNAUTHENTICATED', 'login refused: wrong e-mail or password')

/**
 * Check an e-mail and password; on success open a session. Failures are counted per account and, at the
 * policy's limit, lock it (`RATE_LIMITED` until the lock ends). Unknown e-mails cost the same time as known ones.
 */
export async function login(
  context: ServiceContext,
  input: { readonly email: string; readonly password: string } & RequestOrigin,
): Promise<NewSession> {
  const at = context.now()
  const user = await context.db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.trim().toLowerCase()))
    .executeTakeFirst()
  const origin = { requestId: input.requestId, clientAddress: input.clientAddress }
  if (!user) {
    await verifyPassword(await (dummyHash ??= hashPassword('not a password of anyone')), input.password)
    throw failed()
  }
  if (user.locked_until && user.locked_until > at)
    throw new MeridianError(
      'RATE_LIMITED',
      `login refused: the account is locked after ${context.policy.lockoutAttempts} failed attempts until ${user.locked_until.toISOString()}`,
    )
  const ok = await verifyPassword(user.password_hash, input.password)
  if (!ok || user.disabled_at) {
    if (!ok) {
      const anonymous: Actor = {
        kind: 'operator',
        label: `anonymous (${input.email.trim().slice(0, 80)})`,
        ...origin,
      }
      const failures = user.failed_logins + 1
      const lock = failures >= context.policy.lockoutAttempts
      await context.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({
            failed_logins: lock ? 0 : failures,
            locked_until: lock ? new Date(at.getTime() + context.policy.lockoutMs) : null,
          })
          .where('id', '=', user.id)
          .execute()
        await appendAudit(
          trx,
          { actor: anonymous, at },
          {
            action: lock ? 'auth.lock' : 'auth.login-failed',
            entityType: 'user',
            entityId: user.id,
            before: { failedLogins: user.failed_logins },
            after: lock
              ? {
                  failedLogins: 0,
                  lockedUntil: new Date(at.getTime() + context.policy.lockoutMs).toISOString(),
                }
              : { failedLogins: failures },
          },
        )
      })
    }
    throw failed()
  }
  const cookie = newSecret(context.random)
  const csrfToken = newSecret(context.random)
  const expiresAt = new Date(at.getTime() + context.policy.sessionMaxMs)
  const actor: Actor = {
    kind: 'user',
    userId: user.id,
    email: user.email,
    role: userView(user).role,
    organisationId: user.organisation_id,
    via: 'session',
    scopes: SCOPES,
    ...origin,
  }
  await context.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id: secretHash(cookie),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: at,
        last_seen_at: at,
        expires_at: expiresAt,
        client_address: input.clientAddress ?? null,
        ended_at: null,
      })
      .execute()
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute()
    await appendAudit(
      trx,
      { actor, at },
      {
        action: 'auth.login',
        entityType: 'session',
        entityId: secretHash(cookie).slice(0, 12),
        after: { userId: user.id, expiresAt: expiresAt.toISOString() },
      },
    )
  })
  return { cookie, csrfToken, expiresAt: expiresAt.toISOString(), user: userView(user) }
}

/** Resolve a session cookie: `UNAUTHENTICATED` when unknown, `SESSION_EXPIRED` when ended or timed out. */
export async function authenticateSession(
  context: ServiceContext,
  cookie: string,
  origin: RequestOrigin = {},
): Promise<Authenticated> {
  const at = context.now()
  const row = await context.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.ended_at',
      'users.id as user_id',
      'users.email',
      'users.role',
      'users.organisation_id',
      'users.disabled_at',
    ])
    .where('sessions.id', '=', secretHash(cookie))
    .executeTakeFirst()
  if (!row) throw new MeridianError('UNAUTHENTICATED', 'not signed in: the session is unknown')
  const idle = at.getTime() - row.last_seen_at.getTime() > context.policy.sessionIdleMs
  if (row.ended_at || row.disabled_at || idle || row.expires_at <= at)
    throw new MeridianError('SESSION_EXPIRED', 'the session has ended: sign in again')
  if (at.getTime() - row.last_seen_at.getTime() > TOUCH_MS)
    await context.db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', row.id).execute()
  return {
    actor: userActor(row, 'session', SCOPES, origin),
    csrfToken: row.csrf_token,
  }
}

/** End a session (logout); audited. Unknown or already ended sessions are left as they are. */
export async function logout(context: ServiceContext, cookie: string, actor: Actor): Promise<void> {
  const at = context.now()
  const id = secretHash(cookie)
  await context.db.transaction().execute(async (trx) => {
    const ended = await trx
      .updateTable('sessions')
      .set({ ended_at: at })
      .where('id', '=', id)
      .where('ended_at', 'is', null)
      .returning('id')
      .executeTakeFirst()
    if (ended)
      await appendAudit(
        trx,
        { actor, at },
        {
          action: 'auth.logout',
          entityType: 'session',
          entityId: id.slice(0, 12),
          after: { endedAt: at.toISOString() },
        },
      )
  })
}
