import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import type { Actor } from './actor.js'
import { ENGINES, seededRandom, testClock } from './engines.test-util.js'
import { createWorkspace } from './workspace.js'

const operator: Actor = { kind: 'operator', label: 'cli:test' }
const PASSWORD = 'correct horse battery'

async function setup(engine: (typeof ENGINES)[number]) {
  const state = await engine.open()
  const clock = testClock()
  const workspace = createWorkspace(state, { now: clock.now, random: seededRandom() })
  const auditCount = async () =>
    Number((await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(state.db)).rows[0]?.n)
  return { state, clock, workspace, auditCount }
}

describe.each(ENGINES)('workspace on $name', (engine) => {
  it('adds an account with an Argon2id hash, one audit row, and refuses a second one with the same e-mail', async () => {
    const { state, workspace, auditCount } = await setup(engine)
    const user = await workspace.addUser(operator, {
      email: 'Ada@example.org',
      password: PASSWORD,
      role: 'analyst',
    })
    expect(user).toMatchObject({ email: 'Ada@example.org', role: 'analyst', disabled: false })
    const stored = await state.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow()
    expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(await auditCount()).toBe(1)
    const [row] = await workspace.readAudit(operator)
    expect(row).toMatchObject({
      actor: 'cli:test',
      action: 'user.create',
      entityType: 'user',
      entityId: String(user.id),
      before: null,
    })
    expect(JSON.stringify(row?.after)).not.toContain('argon2')
    await expect(
      workspace.addUser(operator, { email: 'ada@EXAMPLE.org', password: PASSWORD, role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(
      workspace.addUser(operator, { email: 'b@example.org', password: 'short', role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'INVALID_VALUE' })
    await expect(
      workspace.addUser(operator, { email: 'b@example.org', password: PASSWORD, role: 'king' }),
    ).rejects.toMatchObject({ code: 'INVALID_VALUE' })
    await expect(
      workspace.addUser(operator, { email: 'not an email', password: PASSWORD, role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'INVALID_VALUE' })
    expect(await auditCount()).toBe(1)
  })

  it('logs in, resolves the session, ends it on logout; wrong passwords lock the account after five tries', async () => {
    const { workspace, clock, auditCount } = await setup(engine)
    await workspace.addUser(operator, { email: 'ada@example.org', password: PASSWORD, role: 'broker' })
    const session = await workspace.login({
      email: 'ADA@example.org',
      password: PASSWORD,
      clientAddress: '127.0.0.1',
    })
    expect(session.cookie).toMatch(/^[\w-]{43}$/)
    const { actor, csrfToken } = await workspace.authenticateSession(session.cookie)
    expect(actor).toMatchObject({ email: 'ada@example.org', role: 'broker', via: 'session' })
    expect(csrfToken).toBe(session.csrfToken)
    await workspace.logout(session.cookie, actor)
    await expect(workspace.authenticateSession(session.cookie)).rejects.toMatchObject({
      code: 'SESSION_EXPIRED',
    })
    await expect(workspace.authenticateSession('forged')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    await expect(workspace.login({ email: 'nobody@example.org', password: PASSWORD })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    })
    const before = await auditCount()
    for (let i = 0; i < 5; i++)
      await expect(
        workspace.login({ email: 'ada@example.org', password: 'wrong password!' }),
      ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(await auditCount()).toBe(before + 5)
    const audit = await workspace.readAudit(operator, { entityType: 'user' })
    expect(audit[0]).toMatchObject({ action: 'auth.lock' })
    await expect(workspace.login({ email: 'ada@example.org', password: PASSWORD })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    })
    clock.advance(15 * 60_000 + 1)
    await expect(workspace.login({ email: 'ada@example.org', password: PASSWORD })).resolves.toMatchObject({
      user: { email: 'ada@example.org' },
    })
  })

  it('ends sessions after the idle and the absolute limits', async () => {
    const { workspace, clock } = await setup(engine)
    await workspace.addUser(operator, { email: 'ada@example.org', password: PASSWORD, role: 'viewer' })
    const idle = await workspace.login({ email: 'ada@example.org', password: PASSWORD })
    clock.advance(8 * 3600_000 + 1)
    await expect(workspace.authenticateSession(idle.cookie)).rejects.toMatchObject({
      code: 'SESSION_EXPIRED',
    })
    const busy = await workspace.login({ email: 'ada@example.org', password: PASSWORD })
    for (let hours = 0; hours < 7 * 24; hours += 4) {
      await workspace.authenticateSession(busy.cookie)
      clock.advance(4 * 3600_000)
    }
    await expect(workspace.authenticateSession(busy.cookie)).rejects.toMatchObject({
      code: 'SESSION_EXPIRED',
    })
  })

  it('creates API tokens shown once and stored hashed, limited by scope, revocable', async () => {
    const { state, workspace } = await setup(engine)
    await workspace.addUser(operator, { email: 'ada@example.org', password: PASSWORD, role: 'analyst' })
    const { actor } = await workspace.authenticateSession(
      (await workspace.login({ email: 'ada@example.org', password: PASSWORD })).cookie,
    )
    const created = await workspace.createToken(actor, { name: 'scripts', scopes: ['read'] })
    expect(created.token).toMatch(/^mrd_[\w-]{43}$/)
    const stored = await state.db.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow()
    expect(JSON.stringify(stored)).not.toContain(created.token)
    const byToken = await workspace.authenticateToken(created.token)
    expect(byToken.actor).toMatchObject({ via: 'token', scopes: ['read'], email: 'ada@example.org' })
    await expect(workspace.createToken(byToken.actor, { name: 'escalate' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(workspace.createToken(actor, { name: 'admin', scopes: ['admin'] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    expect((await workspace.listTokens(actor)).map((token) => token.name)).toEqual(['scripts'])
    await workspace.revokeToken(actor, created.view.id)
    await expect(workspace.authenticateToken(created.token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    })
  })

  it('a first-run setup link creates the first admin once, and never after', async () => {
    const { workspace } = await setup(engine)
    const token = await workspace.createSetupToken()
    expect(token).not.toBeNull()
    await expect(
      workspace.completeSetup({ token: 'forged', email: 'root@example.org', password: PASSWORD }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    const admin = await workspace.completeSetup({
      token: token ?? '',
      email: 'root@example.org',
      password: PASSWORD,
    })
    expect(admin.role).toBe('admin')
    await expect(
      workspace.completeSetup({ token: token ?? '', email: 'two@example.org', password: PASSWORD }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(await workspace.createSetupToken()).toBeNull()
  })

  it('disabling an account ends its sessions; an admin cannot lock themself out', async () => {
    const { workspace } = await setup(engine)
    const admin = await workspace.addUser(operator, {
      email: 'root@example.org',
      password: PASSWORD,
      role: 'admin',
    })
    const ada = await workspace.addUser(operator, {
      email: 'ada@example.org',
      password: PASSWORD,
      role: 'viewer',
    })
    const session = await workspace.login({ email: 'ada@example.org', password: PASSWORD })
    const { actor: adminActor } = await workspace.authenticateSession(
      (await workspace.login({ email: 'root@example.org', password: PASSWORD })).cookie,
    )
    await workspace.updateUser(adminActor, ada.id, { disabled: true })
    await expect(workspace.authenticateSession(session.cookie)).rejects.toMatchObject({
      code: 'SESSION_EXPIRED',
    })
    await expect(workspace.login({ email: 'ada@example.org', password: PASSWORD })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    })
    await expect(workspace.updateUser(adminActor, admin.id, { disabled: true })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    const [last] = await workspace.readAudit(adminActor, { entityType: 'user', entityId: String(ada.id) })
    expect(last).toMatchObject({
      action: 'user.update',
      actor: 'root@example.org',
      before: { disabled: false },
      after: { disabled: true },
    })
  })

  it('organisation records are changed by their own members only; the audit trail cannot be changed', async () => {
    const { state, workspace, auditCount } = await setup(engine)
    const mine = await workspace.createOrganisation(operator, {
      name: 'Univ A',
      rorId: '02mhbdp94',
      country: 'DE',
    })
    const theirs = await workspace.createOrganisation(operator, { name: 'Univ B', country: 'FR' })
    expect(mine.rorId).toBe('https://ror.org/02mhbdp94')
    await workspace.addUser(operator, {
      email: 'pm@example.org',
      password: PASSWORD,
      role: 'programme-manager',
      organisationId: mine.id,
    })
    const { actor } = await workspace.authenticateSession(
      (await workspace.login({ email: 'pm@example.org', password: PASSWORD })).cookie,
    )
    await workspace.updateOrganisation(actor, mine.id, { name: 'University A' })
    await expect(workspace.updateOrganisation(actor, theirs.id, { name: 'Mine now' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    const count = await auditCount()
    await expect(sql`update audit_log set actor = 'someone else'`.execute(state.db)).rejects.toThrow(
      /append-only/,
    )
    await expect(sql`delete from audit_log`.execute(state.db)).rejects.toThrow(/append-only/)
    expect(await auditCount()).toBe(count)
  })

  it('a write that fails inside its transaction leaves neither the change nor an audit row', async () => {
    const { state, workspace, auditCount } = await setup(engine)
    // A trigger that fails after the insert and its audit row, as a crash or constraint would.
    await sql`create function refuse() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`.execute(
      state.db,
    )
    await sql`create trigger refuse_org after insert on organisations for each row when (new.name = 'Boom') execute function refuse()`.execute(
      state.db,
    )
    await expect(workspace.createOrganisation(operator, { name: 'Boom' })).rejects.toThrow(/refused by test/)
    expect(await auditCount()).toBe(0)
    expect(await state.db.selectFrom('organisations').selectAll().execute()).toEqual([])
  })
})
