import type { Role, Scope } from './roles.js'

/** Where a request came from, recorded on every audit row. */
export interface RequestOrigin {
  readonly requestId?: string | undefined
  readonly clientAddress?: string | undefined
}

/** Who performs an action: a signed-in user (by session or API token) or the operator at the command line. */
export type Actor =
  | (RequestOrigin & {
      readonly kind: 'user'
      readonly userId: number
      readonly email: string
      readonly role: Role
      readonly organisationId: number | null
      readonly via: 'session' | 'token'
      /** What the credential allows: every scope for a session, the token's own for a token. */
      readonly scopes: readonly Scope[]
    })
  | (RequestOrigin & {
      readonly kind: 'operator'
      /** Who ran the command, as the operating system knows them (`cli:alice`). */
      readonly label: string
    })

/** The name an actor has in the audit trail. */
export const actorLabel = (actor: Actor): string => (actor.kind === 'user' ? actor.email : actor.label)

/** The user id an actor has in the audit trail (none for the operator). */
export const actorUserId = (actor: Actor): number | null => (actor.kind === 'user' ? actor.userId : null)

/** The stored account fields an actor is made of. */
export interface ActorAccount {
  readonly user_id: number
  readonly email: string
  readonly role: string
  readonly organisation_id: number | null
}

/** The actor a session or token stands for. */
export function userActor(
  account: ActorAccount,
  via: 'session' | 'token',
  scopes: readonly Scope[],
  origin: RequestOrigin,
): Extract<Actor, { kind: 'user' }> {
  return {
    kind: 'user',
    userId: account.user_id,
    email: account.email,
    role: account.role as Role,
    organisationId: account.organisation_id,
    via,
    scopes,
    ...origin,
  }
}
