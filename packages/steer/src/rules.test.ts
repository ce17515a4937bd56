import { ROLES, SCOPES, type Actor, type Role } from '@meridian/state'
import { describe, expect, it } from 'vitest'
import { STEER_RULES, steerDenial, type SteerAction } from './rules.js'

const user = (role: Role, scopes: Extract<Actor, { kind: 'user' }>['scopes'] = SCOPES): Actor => ({
  kind: 'user',
  userId: 7,
  email: `${role}@example.org`,
  role,
  organisationId: 3,
  via: 'session',
  scopes,
})

const WRITES: readonly SteerAction[] = [
  'programmes.create',
  'programmes.update',
  'programmes.delete',
  'kpis.refresh',
]
/** Expected: role x action x owner (own organisation's programme, or another's). */
const allowed = (role: Role, action: SteerAction, own: boolean) =>
  action === 'programmes.read' ||
  role === 'admin' ||
  (own && role === 'programme-manager' && WRITES.includes(action))

const cases = ROLES.flatMap((role) =>
  (Object.keys(STEER_RULES) as SteerAction[]).flatMap((action) =>
    [true, false].map((own) => ({ role, action, own, expected: allowed(role, action, own) })),
  ),
)

describe('STEER authorisation: role x action x owner', () => {
  it.each(cases)('$role $action own=$own: $expected', ({ role, action, own, expected }) => {
    expect(steerDenial(user(role), action, { organisationId: own ? 3 : 4 }) === null).toBe(expected)
  })

  it('a read token cannot write; a programme manager of no organisation owns nothing; the operator may all', () => {
    expect(steerDenial(user('admin', ['read']), 'programmes.create')).toMatch(/scope/)
    expect(steerDenial(user('viewer', ['read']), 'programmes.read')).toBeNull()
    const orphan = { ...user('programme-manager'), organisationId: null }
    expect(steerDenial(orphan, 'programmes.create', { organisationId: null })).not.toBeNull()
    for (const action of Object.keys(STEER_RULES) as SteerAction[])
      expect(steerDenial({ kind: 'operator', label: 'cli:root' }, action)).toBeNull()
  })
})
