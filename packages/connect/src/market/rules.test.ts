import { ROLES, SCOPES, type Actor, type Role } from '@meridian/state'
import { describe, expect, it } from 'vitest'
import { CONNECT_RULES, connectDenial, type ConnectAction } from './rules.js'

const user = (role: Role, scopes: Extract<Actor, { kind: 'user' }>['scopes'] = SCOPES): Actor => ({
  kind: 'user',
  userId: 7,
  email: `${role}@example.org`,
  role,
  organisationId: 3,
  via: 'session',
  scopes,
})

const WRITERS: readonly Role[] = ['analyst', 'broker', 'programme-manager']
/** Expected: role x action x owner (the actor's organisation's record, its broker's, or another's). */
function allowed(role: Role, action: ConnectAction, owner: 'own' | 'brokered' | 'other'): boolean {
  if (role === 'admin') return true
  switch (action) {
    case 'records.read-published':
    case 'inbox.read':
      return true
    case 'interests.create':
    case 'interests.read-own':
      return WRITERS.includes(role)
    case 'records.review':
      return role === 'broker' && owner !== 'other'
    case 'records.read':
    case 'records.create':
    case 'records.update':
    case 'interests.decide':
    case 'outcomes.record':
      return WRITERS.includes(role) && owner !== 'other'
  }
}

const owners = {
  own: { organisationId: 3, brokerOrganisationId: null },
  brokered: { organisationId: 5, brokerOrganisationId: 3 },
  other: { organisationId: 4, brokerOrganisationId: 5 },
} as const

const cases = ROLES.flatMap((role) =>
  (Object.keys(CONNECT_RULES) as ConnectAction[]).flatMap((action) =>
    (['own', 'brokered', 'other'] as const).map((owner) => ({
      role,
      action,
      owner,
      expected: allowed(role, action, owner),
    })),
  ),
)

describe('CONNECT authorisation: role x action x owner', () => {
  it.each(cases)('$role $action $owner: $expected', ({ role, action, owner, expected }) => {
    const target = action === 'inbox.read' || action === 'interests.read-own' ? { userId: 7 } : owners[owner]
    expect(connectDenial(user(role), action, target) === null).toBe(expected)
  })

  it('a read token cannot write; a member of no organisation owns nothing; the operator may all', () => {
    expect(connectDenial(user('broker', ['read']), 'records.create', owners.own)).toMatch(/scope/)
    const homeless: Actor = { ...(user('analyst') as Extract<Actor, { kind: 'user' }>), organisationId: null }
    expect(
      connectDenial(homeless, 'records.update', { organisationId: null, brokerOrganisationId: null }),
    ).not.toBeNull()
    expect(connectDenial({ kind: 'operator', label: 'cli:x' }, 'records.review', owners.other)).toBeNull()
  })
})
