import { MeridianError } from '@meridian/model'
import type { Kysely, Selectable } from 'kysely'
import type { Actor } from './actor.js'
import { appendAudit } from './audit.js'
import { authorize } from './authorization.js'
import { checkPassword, hashPassword, verifyPassword } from './passwords.js'
import { isRole, ROLES, type Role } from './roles.js'
import type { StateSchema, UsersTable } from './schema.js'
import type { ServiceContext } from './service-context.js'

/** An account as services return it: never the password hash. */
export interface UserView {
  readonly id: number
  readonly email: string
  readonly displayName: string | null
  readonly role: Role
  readonly organisationId: number | null
  readonly disabled: boolean
  readonly lockedUntil: string | null
  readonly createdAt: string
}

/** The fields of a new account. */
export interface NewUser {
  readonly email: string
  readonly password: string
  readonly role: string
  readonly displayName?: string | null | undefined
  readonly organisationId?: number | null | undefined
}

/** The account changes an admin may make. */
export interface UserChange {
  readonly role?: string | undefined
  readonly disabled?: boolean | undefined
  readonly organisationId?: number | null | undefined
  readonly displayName?: string | null | undefined
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/

/** The view of a stored account. */
export function userView(row: Selectable<UsersTable>): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    organisationId: row.organisation_id,
    disabled: row.disabled_at !== null,
    lockedUntil: row.locked_until?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  }
}

export function checkRole(role: string): Role {
  if (!isRole(role))
    throw new MeridianError('INVALID_VALUE', `role: "${role}" is not one of ${ROLES.join(', ')}`)
  return role
}

export function checkEmail(email: string): string {
  const trimmed = email.trim()
  if (!EMAIL.test(trimmed))
    throw new MeridianError('INVALID_VALUE', `email: "${email.slice(0, 80)}" is not an e-mail address`)
  return trimmed
}

/** The account with this id, or `NOT_FOUND`. */
export async function loadUser(context: ServiceContext, id: number): Promise<Selectable<UsersTable>> {
  const row = await context.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new MeridianError('NOT_FOUND', `no user with id ${id}`)
  return row
}

/** The id of the account with this e-mail (any case), or `NOT_FOUND`. */
export async function userIdByEmail(context: ServiceContext, email: string): Promise<number> {
  const row = await context.db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst()
  if (!row) throw new MeridianError('NOT_FOUND', `no user with e-mail "${email.slice(0, 80)}"`)
  return row.id
}

async function assertOrganisation(context: ServiceContext, id: number | null | undefined): Promise<void> {
  if (id === null || id === undefined) return
  const found = await context.db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst()
  if (!found) throw new MeridianError('INVALID_VALUE', `organisationId: no organisation with id ${id}`)
}

/** Create an account (admin). The e-mail is unique regardless of case (`CONFLICT`). */
export async function addUser(context: ServiceContext, actor: Actor, input: NewUser): Promise<UserView> {
  authorize(actor, 'users.create')
  const email = checkEmail(input.email)
  const role = checkRole(input.role)
  checkPassword(input.password, email)
  await assertOrganisation(context, input.organisationId)
  const passwordHash = await hashPassword(input.password)
  const at = context.now()
  return context.db.transaction().execute((trx) =>
    insertUser(
      trx,
      { actor, at },
      {
        email,
        displayName: input.displayName ?? null,
        passwordHash,
        role,
        organisationId: input.organisationId ?? null,
      },
    ),
  )
}

/** Insert an account whose e-mail is free (any case), with its audit row, inside the caller's transaction. */
export async function insertUser(
  trx: Kysely<StateSchema>,
  context: { readonly actor: Actor; readonly at: Date },
  user: {
    readonly email: string
    readonly displayName: string | null
    readonly passwordHash: string
    readonly role: Role
    readonly organisationId: number | null
  },
): Promise<UserView> {
  const taken = await trx
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', user.email.toLowerCase()))
    .executeTakeFirst()
  if (taken) throw new MeridianError('CONFLICT', `email: an account "${user.email}" already exists`)
  const row = await trx
    .insertInto('users')
    .values({
      email: user.email,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      organisation_id: user.organisationId,
      disabled_at: null,
      locked_until: null,
      password_changed_at: context.at,
      created_at: context.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  const view = userView(row)
  await appendAudit(trx, context, {
    action: 'user.create',
    entityType: 'user',
    entityId: row.id,
    after: view,
  })
  return view
}

/** Every account (admin). */
export async function listUsers(context: ServiceContext, actor: Actor): Promise<UserView[]> {
  authorize(actor, 'users.list')
  const rows = await context.db.selectFrom('users').selectAll().orderBy('id').execute()
  return rows.map(userView)
}

/** Change an account's role, organisation, name, or disable/enable it (admin); ends its sessions when disabled. */
export async function updateUser(
  context: ServiceContext,
  actor: Actor,
  id: number,
  change: UserChange,
): Promise<UserView> {
  authorize(actor, 'users.update', { userId: id })
  const role = change.role === undefined ? undefined : checkRole(change.role)
  if (Object.values(change).every((value) => value === undefined))
    throw new MeridianError(
      'INVALID_VALUE',
      'user: nothing to change (role, disabled, organisationId or displayName)',
    )
  await assertOrganisation(context, change.organisationId)
  const at = context.now()
  return context.db.transaction().execute(async (trx) => {
    const stored = await loadUser({ ...context, db: trx }, id)
    const before = userView(stored)
    if (
      actor.kind === 'user' &&
      actor.userId === id &&
      (change.disabled === true || (role && role !== 'admin'))
    )
      throw new MeridianError('CONFLICT', 'an admin cannot disable or demote their own account')
    const row = await trx
      .updateTable('users')
      .set({
        ...(role === undefined ? {} : { role }),
        ...(change.organisationId === undefined ? {} : { organisation_id: change.organisationId }),
        ...(change.displayName === undefined ? {} : { display_name: change.displayName }),
        ...(change.disabled === undefined
          ? {}
          : change.disabled
            ? { disabled_at: stored.disabled_at ?? at }
            : { disabled_at: null, failed_logins: 0, locked_until: null }),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    if (change.disabled === true)
      await trx
        .updateTable('sessions')
        .set({ ended_at: at })
        .where('user_id', '=', id)
        .where('ended_at', 'is', null)
        .execute()
    const after = userView(row)
    await appendAudit(
      trx,
      { actor, at },
      { action: 'user.update', entityType: 'user', entityId: id, before, after },
    )
    return after
  })
}

/** Set a new password for an account (admin), unlock it and end its sessions. */
export async function resetPassword(
  context: ServiceContext,
  actor: Actor,
  id: number,
  password: string,
): Promise<UserView> {
  authorize(actor, 'users.reset-password', { userId: id })
  return setPassword(context, actor, id, password, 'user.reset-password')
}

/** Set a password, unlock the account and end its sessions, in one audited transaction. */
export async function setPassword(
  context: ServiceContext,
  actor: Actor,
  id: number,
  password: string,
  action: string,
): Promise<UserView> {
  const user = await loadUser(context, id)
  checkPassword(password, user.email)
  const passwordHash = await hashPassword(password)
  const at = context.now()
  return context.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: at, failed_logins: 0, locked_until: null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await trx
      .updateTable('sessions')
      .set({ ended_at: at })
      .where('user_id', '=', id)
      .where('ended_at', 'is', null)
      .execute()
    await appendAudit(
      trx,
      { actor, at },
      {
        action,
        entityType: 'user',
        entityId: id,
        before: { passwordChangedAt: user.password_changed_at.toISOString() },
        after: { passwordChangedAt: at.toISOString() },
      },
    )
    return userView(row)
  })
}

/** Change one's own password, given the current one; ends every session of the account. */
export async function changeOwnPassword(
  context: ServiceContext,
  actor: Actor,
  input: { readonly currentPassword: string; readonly newPassword: string },
): Promise<UserView> {
  if (actor.kind !== 'user') throw new MeridianError('FORBIDDEN', 'users.change-password refused: not a user')
  authorize(actor, 'users.change-password', { userId: actor.userId })
  const user = await loadUser(context, actor.userId)
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw new MeridianError('UNAUTHENTICATED', 'password change refused: the current password is wrong')
  return setPassword(context, actor, actor.userId, input.newPassword, 'user.change-password')
}
