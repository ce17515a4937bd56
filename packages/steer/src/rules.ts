import { MeridianError } from '@meridian/model'
import { ruleDenial, type Actor, type Rule, type Target } from '@meridian/state'

const EVERYONE = ['viewer', 'analyst', 'broker', 'programme-manager', 'admin'] as const

/**
 * Who may do what to whose programme: the one table for STEER. Programme managers write their own
 * organisation's programmes (and everything under them: components, entities, milestones, links, KPIs);
 * admins write all; everyone signed in reads. A programme's owner is its organisation.
 */
export const STEER_RULES = Object.freeze({
  'programmes.read': { roles: EVERYONE, reach: 'any', scope: 'read' },
  'programmes.create': { roles: ['programme-manager'], reach: 'organisation', scope: 'write' },
  'programmes.update': { roles: ['programme-manager'], reach: 'organisation', scope: 'write' },
  'programmes.delete': { roles: ['programme-manager'], reach: 'organisation', scope: 'write' },
  'kpis.refresh': { roles: ['programme-manager'], reach: 'organisation', scope: 'write' },
} as const satisfies Record<string, Rule>)

/** Every action STEER authorises. */
export type SteerAction = keyof typeof STEER_RULES

/** Why an actor may not perform a STEER action on a programme, or `null` when it may. */
export const steerDenial = (actor: Actor, action: SteerAction, target: Target = {}): string | null =>
  ruleDenial(actor, action, STEER_RULES[action], target)

/** Throw `FORBIDDEN` unless the actor may perform the action on the programme of that organisation. */
export function authorizeSteer(actor: Actor, action: SteerAction, target: Target = {}): void {
  const reason = steerDenial(actor, action, target)
  if (reason !== null) throw new MeridianError('FORBIDDEN', `${action} refused: ${reason}`)
}
