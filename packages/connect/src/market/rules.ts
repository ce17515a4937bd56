import { MeridianError } from '@meridian/model'
import { ruleDenial, type Actor, type Rule, type Target } from '@meridian/state'

const EVERYONE = ['viewer', 'analyst', 'broker', 'programme-manager', 'admin'] as const
const WRITERS = ['analyst', 'broker', 'programme-manager'] as const

/**
 * Who may do what to whose marketplace record: the one table for CONNECT. A record is owned by an
 * organisation: its analysts, brokers and programme managers write it (and answer interest in it); a broker of
 * the owning organisation, or of the organisation named as the record's broker, reviews it; admins do all.
 * Everyone signed in reads published records; the unpublished ones only their owners and brokers see.
 * Anyone who may write may express interest in another organisation's published record.
 */
export const CONNECT_RULES = Object.freeze({
  'records.read-published': { roles: EVERYONE, reach: 'any', scope: 'read' },
  'records.read': { roles: WRITERS, reach: 'organisation', scope: 'read' },
  'records.create': { roles: WRITERS, reach: 'organisation', scope: 'write' },
  'records.update': { roles: WRITERS, reach: 'organisation', scope: 'write' },
  'records.review': { roles: ['broker'], reach: 'organisation', scope: 'write' },
  'interests.create': { roles: WRITERS, reach: 'any', scope: 'write' },
  'interests.decide': { roles: WRITERS, reach: 'organisation', scope: 'write' },
  'interests.read-own': { roles: WRITERS, reach: 'self', scope: 'read' },
  'outcomes.record': { roles: WRITERS, reach: 'organisation', scope: 'write' },
  'inbox.read': { roles: EVERYONE, reach: 'self', scope: 'read' },
} as const satisfies Record<string, Rule>)

/** Every action CONNECT authorises. */
export type ConnectAction = keyof typeof CONNECT_RULES

/** A record's owners: its organisation and, where one is named, its broker's organisation. */
export interface RecordOwners {
  readonly organisationId: number | null
  readonly brokerOrganisationId: number | null
}

/**
 * Why an actor may not perform a CONNECT action on a record, or `null` when it may. An organisation-reach
 * action is allowed to members of the owning organisation and of the broker's organisation.
 */
export function connectDenial(
  actor: Actor,
  action: ConnectAction,
  owners: RecordOwners | Target = {},
): string | null {
  const rule = CONNECT_RULES[action]
  const first = ruleDenial(
    actor,
    action,
    rule,
    'brokerOrganisationId' in owners ? { organisationId: owners.organisationId } : owners,
  )
  if (first === null || !('brokerOrganisationId' in owners) || owners.brokerOrganisationId === null)
    return first
  return ruleDenial(actor, action, rule, { organisationId: owners.brokerOrganisationId }) === null
    ? null
    : first
}

/** Throw `FORBIDDEN` unless the actor may perform the action on the record. */
export function authorizeConnect(
  actor: Actor,
  action: ConnectAction,
  owners: RecordOwners | Target = {},
): void {
  const reason = connectDenial(actor, action, owners)
  if (reason !== null) throw new MeridianError('FORBIDDEN', `${action} refused: ${reason}`)
}

/** Whether the actor may see a record's unpublished states and its contact (its owners, their brokers, admins). */
export const ownsRecord = (actor: Actor, owners: RecordOwners): boolean =>
  connectDenial(actor, 'records.read', owners) === null
