import { MeridianError } from '@meridian/model'
import type { RequestOrigin } from './actor.js'
import { checkPassword, hashPassword } from './passwords.js'
import { newSecret, secretHash } from './secrets.js'
import type { ServiceContext } from './service-context.js'
import { checkEmail, insertUser, type UserView } from './users.js'

/** How many accounts exist (the first-run bootstrap applies at zero). */
export async function countUsers(context: ServiceContext): Promise<number> {
  const row = await context.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * On an empty database, a one-time secret for the first admin's setup link (valid for the policy's
 * `setupLinkMs`); `null` once any account exists. Never a default password.
 */
export async function createSetupToken(context: ServiceContext): Promise<string | null> {
  if ((await countUsers(context)) > 0) return null
  const token = newSecret(context.random)
  const at = context.now()
  await context.db
    .insertInto('setup_tokens')
    .values({
      token_hash: secretHash(token),
      created_at: at,
      expires_at: new Date(at.getTime() + context.policy.setupLinkMs),
      used_at: null,
    })
    .execute()
  return token
}

/** Create the first admin with a setup link's secret; refused once any account exists or the link is spent. */
export async function completeSetup(
  context: ServiceContext,
  input: {
    readonly token: string
    readonly email: string
    readonly password: string
    readonly displayName?: string | undefined
  } & RequestOrigin,
): Promise<UserView> {
  const email = checkEmail(input.email)
  checkPassword(input.password, email)
  const passwordHash = await hashPassword(input.password)
  const at = context.now()
  return context.db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable('setup_tokens')
      .set({ used_at: at })
      .where('token_hash', '=', secretHash(input.token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .returning('token_hash')
      .executeTakeFirst()
    if (!spent)
      throw new MeridianError('UNAUTHENTICATED', 'setup refused: the link is unknown, used or expired')
    if ((await countUsers({ ...context, db: trx })) > 0)
      throw new MeridianError('CONFLICT', 'setup refused: an account already exists')
    const actor = {
      kind: 'operator',
      label: 'setup link',
      requestId: input.requestId,
      clientAddress: input.clientAddress,
    } as const
    return insertUser(
      trx,
      { actor, at },
      { email, displayName: input.displayName ?? null, passwordHash, role: 'admin', organisationId: null },
    )
  })
}
