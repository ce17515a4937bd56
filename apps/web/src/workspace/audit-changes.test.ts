import { describe, expect, it } from 'vitest'
import { auditChanges } from './audit-changes.js'

describe('auditChanges', () => {
  it('lists the fields an update changed, before and after', () => {
    expect(
      auditChanges({ id: 2, role: 'viewer', email: 'a@x.org' }, { id: 2, role: 'admin', email: 'a@x.org' }),
    ).toEqual([{ field: 'role', before: 'viewer', after: 'admin' }])
  })

  it('lists the non-empty fields of a created record, without its id', () => {
    expect(
      auditChanges(null, { id: 1, name: 'ci', scopes: ['read'], expiresAt: null, revoked: false }),
    ).toEqual([
      { field: 'name', before: null, after: 'ci' },
      { field: 'scopes', before: null, after: '["read"]' },
    ])
  })

  it('shortens long values and reads non-objects as empty', () => {
    const [change] = auditChanges({}, { note: 'x'.repeat(100) })
    expect(change?.after).toHaveLength(40)
    expect(change?.after?.endsWith('…')).toBe(true)
    expect(auditChanges('text', 3)).toEqual([])
  })
})
