import { describe, expect, it } from 'vitest'
import type { Actor } from './actor.js'
import { denial, RULES, type Action } from './authorization.js'
import { ROLES, SCOPES, type Role, type Scope } from './roles.js'

type UserActor = Extract<Actor, { kind: 'user' }>

const user = (role: Role, scopes: readonly Scope[] = SCOPES): UserActor => ({
  kind: 'user',
  userId: 7,
  email: `${role}@example.org`,
  role,
  organisationId: 3,
  via: 'session',
  scopes,
})

/** Expected decisions: role -> actions allowed on its own records (self / own organisation). */
const ALLOWED_OWN: Readonly<Record<Role, readonly Action[]>> = {
  viewer: ['users.change-password', 'tokens.create', 'tokens.list', 'tokens.revoke', 'organisations.list'],
  analyst: ['users.change-password', 'tokens.create', 'tokens.list', 'tokens.revoke', 'organisations.list'],
  broker: [
    'users.change-password',
    'tokens.create',
    'tokens.list',
    'tokens.revoke',
    'organisations.list',
    'organisations.update',
  ],
  'programme-manager': [
    'users.change-password',
    'tokens.create',
    'tokens.list',
    'tokens.revoke',
    'organisations.list',
    'organisations.update',
  ],
  admin: Object.keys(RULES) as Action[],
}
/** On someone else's records only these stay allowed for non-admins. */
const ALLOWED_OTHERS: readonly Action[] = ['organisations.list']

const actions = Object.keys(RULES) as Action[]
const cases = ROLES.flatMap((role) =>
  actions.flatMap((action) => [
    { role, action, owner: 'own' as const, allowed: ALLOWED_OWN[role].includes(action) },
    {
      role,
      action,
      owner: 'other' as const,
      allowed: role === 'admin' || (ALLOWED_OWN[role].includes(action) && ALLOWED_OTHERS.includes(action)),
    },
  ]),
)

describe('authorization: role x action x owner', () => {
  it.each(cases)('$role $action on $owner records: $allowed', ({ role, action, owner, allowed }) => {
    const target = owner === 'own' ? { userId: 7, organisationId: 3 } : { userId: 8, organisationId: 4 }
    expect(denial(user(role), action, target) === null).toBe(allowed)
  })

  it('a member of no organisation owns no organisation record', () => {
    expect(
      denial({ ...user('broker'), organisationId: null }, 'organisations.update', { organisationId: null }),
    ).not.toBeNull()
  })

  it('a token is limited to its scopes, whatever the role', () => {
    expect(denial(user('admin', ['read']), 'users.create')).toMatch(/scope/)
    expect(denial(user('admin', ['read']), 'tokens.list', { userId: 7 })).toBeNull()
    expect(denial(user('broker', ['read']), 'organisations.update', { organisationId: 3 })).toMatch(/scope/)
  })

  it('the operator at the command line may do everything', () => {
    for (const action of actions) expect(denial({ kind: 'operator', label: 'cli:root' }, action)).toBeNull()
  })
})
