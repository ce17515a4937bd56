import { MeridianError } from '@meridian/model'
import type { Actor } from './actor.js'
import type { Role, Scope } from './roles.js'

/** Whose records a rule reaches beyond an admin: any, the actor's own account, or the actor's organisation's. */
type Reach = 'any' | 'self' | 'organisation'

/** Who may perform one action: other domains (STEER, CONNECT) declare their own tables of these. */
export interface Rule {
  /** Roles allowed at all. Admins are always allowed and reach every record. */
  readonly roles: readonly Role[]
  readonly reach: Reach
  /** The token scope the action needs. */
  readonly scope: Scope
}

const EVERYONE: readonly Role[] = ['viewer', 'analyst', 'broker', 'programme-manager', 'admin']

/**
 * Who may do what to whose record: the one table for the workspace. CONNECT and STEER add their actions here.
 */
export const RULES = Object.freeze({
  'users.create': { roles: ['admin'], reach: 'any', scope: 'admin' },
  'users.list': { roles: ['admin'], reach: 'any', scope: 'admin' },
  'users.update': { roles: ['admin'], reach: 'any', scope: 'admin' },
  'users.reset-password': { roles: ['admin'], reach: 'any', scope: 'admin' },
  'users.change-password': { roles: EVERYONE, reach: 'self', scope: 'write' },
  'tokens.create': { roles: EVERYONE, reach: 'self', scope: 'write' },
  'tokens.list': { roles: EVERYONE, reach: 'self', scope: 'read' },
  'tokens.revoke': { roles: EVERYONE, reach: 'self', scope: 'write' },
  'audit.read': { roles: ['admin'], reach: 'any', scope: 'admin' },
  'organisations.list': { roles: EVERYONE, reach: 'any', scope: 'read' },
  'organisations.create': { roles: ['admin'], reach: 'any', scope: 'admin' },
  'organisations.update': { roles: ['broker', 'programme-manager'], reach: 'organisation', scope: 'write' },
  'store.ingest': { roles: ['admin'], reach: 'any', scope: 'admin' },
} as const satisfies Record<string, Rule>)

/** Every action the workspace authorises. */
export type Action = keyof typeof RULES

/** The record an action touches: its owning user and organisation, where it has them. */
export interface Target {
  readonly userId?: number | null | undefined
  readonly organisationId?: number | null | undefined
}

/** Why an actor may not act, or `null` when it may. */
export function denial(actor: Actor, action: Action, target: Target = {}): string | null {
  return ruleDenial(actor, action, RULES[action], target)
}

/** Why an actor may not perform the action a rule governs, or `null` when it may (any domain's table). */
export function ruleDenial(actor: Actor, action: string, rule: Rule, target: Target = {}): string | null {
  if (actor.kind === 'operator') return null
  if (!actor.scopes.includes(rule.scope)) return `the API token lacks the "${rule.scope}" scope`
  if (actor.role === 'admin') return null
  if (!rule.roles.includes(actor.role)) return `the role "${actor.role}" may not ${action}`
  if (rule.reach === 'self' && target.userId !== undefined && target.userId !== actor.userId)
    return `${action} is allowed on your own account only`
  if (
    rule.reach === 'organisation' &&
    (actor.organisationId === null || target.organisationId !== actor.organisationId)
  )
    return `${action} is allowed on your own organisation's records only`
  return null
}

/**
 * Throw `FORBIDDEN` unless the actor may perform the action on the target.
 * @example
 *   authorize(actor, 'organisations.update', { organisationId: 3 })
 */
export function authorize(actor: Actor, action: Action, target: Target = {}): void {
  const reason = denial(actor, action, target)
  if (reason !== null) throw new MeridianError('FORBIDDEN', `${action} refused: ${reason}`)
}
