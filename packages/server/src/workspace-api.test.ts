import { createWorkspace, type Workspace } from '@meridian/state'
import { closeTestEngines, ENGINES, seededRandom } from '@meridian/state/testing'
import type { Store } from '@meridian/store'
import type { FastifyInstance, InjectOptions } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from './create-server.js'
import { openDemoStore } from './demo-store.test-util.js'

const PASSWORD = 'correct horse battery'
const operator = { kind: 'operator', label: 'cli:test' } as const
let store: Store

beforeAll(async () => {
  store = await openDemoStore(60, 3)
})
afterAll(async () => {
  store.close()
  await closeTestEngines()
})

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes. */
function browser(app: FastifyInstance) {
  let cookie = ''
  let csrf = ''
  const send = async (options: InjectOptions & { csrf?: string | null }) => {
    const { csrf: override, ...rest } = options
    const token = override === undefined ? csrf : override
    const response = await app.inject({
      ...rest,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(token ? { 'x-csrf-token': token } : {}),
        ...rest.headers,
      },
    })
    const set = response.cookies.find((c) => c.name === 'meridian_session')
    if (set) cookie = set.value ? `meridian_session=${set.value}` : ''
    return response
  }
  return {
    send,
    async login(email: string, password = PASSWORD) {
      const response = await send({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
      csrf = (response.json() as { csrfToken?: string }).csrfToken ?? ''
      return response
    },
    get cookie() {
      return cookie
    },
  }
}

async function fixture(
  engine: (typeof ENGINES)[number],
  options: { access?: 'public' | 'private'; loginPerMinute?: number } = {},
) {
  const state = await engine.open()
  const workspace: Workspace = createWorkspace(state, { random: seededRandom() })
  const app = await createServer({ store, workspace, ...options })
  const mine = await workspace.createOrganisation(operator, { name: 'Univ A', country: 'DE' })
  const theirs = await workspace.createOrganisation(operator, { name: 'Univ B', country: 'FR' })
  const auditCount = async () =>
    Number((await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(state.db)).rows[0]?.n)
  return { state, workspace, app, mine, theirs, auditCount }
}

describe.each(ENGINES)('workspace API on $name', (engine) => {
  it('signs in with an HttpOnly, SameSite cookie; /me; tokens work wherever sessions do; logout ends it', async () => {
    const { workspace, app } = await fixture(engine)
    await workspace.addUser(operator, { email: 'ada@example.org', password: PASSWORD, role: 'analyst' })
    const client = browser(app)
    expect((await client.send({ url: '/api/auth/me' })).statusCode).toBe(401)
    const login = await client.login('ada@example.org')
    expect(login.statusCode).toBe(200)
    const cookie = login.cookies.find((c) => c.name === 'meridian_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })
    expect(login.headers['x-content-type-options']).toBe('nosniff')
    expect(login.headers['content-security-policy']).toContain("default-src 'self'")
    const me = await client.send({ url: '/api/auth/me' })
    expect(me.json()).toMatchObject({ email: 'ada@example.org', role: 'analyst', via: 'session' })
    const created = await client.send({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'scripts' },
    })
    expect(created.statusCode).toBe(201)
    const { token } = created.json() as { token: string }
    const bearer = { authorization: `Bearer ${token}` }
    expect((await app.inject({ url: '/api/auth/me', headers: bearer })).json()).toMatchObject({
      email: 'ada@example.org',
      via: 'token',
      csrfToken: null,
    })
    expect((await app.inject({ url: '/api/auth/tokens', headers: bearer })).statusCode).toBe(200)
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/tokens',
          headers: bearer,
          payload: { name: 'by token' },
        })
      ).statusCode,
    ).toBe(201)
    expect(
      (await app.inject({ url: '/api/auth/me', headers: { authorization: 'Bearer mrd_forged' } })).json(),
    ).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
    expect((await client.send({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204)
    expect((await client.send({ url: '/api/auth/me' })).statusCode).toBe(401)
  })

  it('refuses writes by cookie without the CSRF token, with a forged one, or after the session ended', async () => {
    const { workspace, app, mine } = await fixture(engine)
    await workspace.addUser(operator, { email: 'root@example.org', password: PASSWORD, role: 'admin' })
    const client = browser(app)
    await client.login('root@example.org')
    const writes: InjectOptions[] = [
      {
        method: 'POST',
        url: '/api/users',
        payload: { email: 'x@example.org', password: PASSWORD, role: 'viewer' },
      },
      { method: 'PATCH', url: '/api/users/1', payload: { displayName: 'Root' } },
      { method: 'POST', url: '/api/users/1/password', payload: { password: 'another long one' } },
      { method: 'POST', url: '/api/organisations', payload: { name: 'Univ C' } },
      { method: 'PATCH', url: `/api/organisations/${mine.id}`, payload: { name: 'Univ A2' } },
      { method: 'POST', url: '/api/auth/tokens', payload: { name: 't' } },
      { method: 'DELETE', url: '/api/auth/tokens/1' },
      {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: PASSWORD, newPassword: 'another long one' },
      },
      { method: 'POST', url: '/api/auth/logout' },
    ]
    for (const write of writes) {
      expect(
        (await client.send({ ...write, csrf: null })).json(),
        `${write.method} ${write.url}`,
      ).toMatchObject({ error: { code: 'CSRF_REJECTED' } })
      expect(
        (await client.send({ ...write, csrf: 'forged' })).statusCode,
        `${write.method} ${write.url}`,
      ).toBe(403)
    }
    const stale = client.cookie
    await client.send({ method: 'POST', url: '/api/auth/logout' })
    for (const write of writes) {
      const response = await app.inject({ ...write, headers: { cookie: stale, 'x-csrf-token': 'whatever' } })
      expect(response.json(), `${write.method} ${write.url}`).toMatchObject({
        error: { code: 'SESSION_EXPIRED' },
      })
    }
    // A stale cookie on a public read is anonymous, not an error.
    expect((await app.inject({ url: '/api/status', headers: { cookie: stale } })).statusCode).toBe(200)
  })

  it('every write route leaves exactly one audit row with its before and after; a refused write leaves none', async () => {
    const { workspace, app, mine, auditCount } = await fixture(engine)
    await workspace.addUser(operator, {
      email: 'root@example.org',
      password: PASSWORD,
      role: 'admin',
      organisationId: mine.id,
    })
    const client = browser(app)
    await client.login('root@example.org')
    const cases: { write: InjectOptions; action: string; before?: object; after?: object }[] = [
      {
        write: {
          method: 'POST',
          url: '/api/users',
          payload: { email: 'x@example.org', password: PASSWORD, role: 'viewer' },
        },
        action: 'user.create',
        after: { email: 'x@example.org', role: 'viewer' },
      },
      {
        write: { method: 'PATCH', url: '/api/users/2', payload: { role: 'broker' } },
        action: 'user.update',
        before: { role: 'viewer' },
        after: { role: 'broker' },
      },
      {
        write: { method: 'POST', url: '/api/users/2/password', payload: { password: 'another long one' } },
        action: 'user.reset-password',
      },
      {
        write: { method: 'POST', url: '/api/organisations', payload: { name: 'Univ C', country: 'IT' } },
        action: 'organisation.create',
        after: { name: 'Univ C' },
      },
      {
        write: { method: 'PATCH', url: `/api/organisations/${mine.id}`, payload: { name: 'Univ A2' } },
        action: 'organisation.update',
        before: { name: 'Univ A' },
        after: { name: 'Univ A2' },
      },
      {
        write: { method: 'POST', url: '/api/auth/tokens', payload: { name: 'scripts' } },
        action: 'token.create',
        after: { name: 'scripts', revoked: false },
      },
      {
        write: { method: 'DELETE', url: '/api/auth/tokens/1' },
        action: 'token.revoke',
        before: { revoked: false },
        after: { revoked: true },
      },
    ]
    cases.push({
      write: {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: PASSWORD, newPassword: 'another long one' },
      },
      action: 'user.change-password',
    })
    for (const { write, action, before, after } of cases) {
      const count = await auditCount()
      const response = await client.send(write)
      expect(response.statusCode, `${write.method} ${write.url}: ${response.body}`).toBeLessThan(300)
      expect(await auditCount()).toBe(count + 1)
      const [row] = await workspace.readAudit(operator, { limit: 1 })
      expect(row).toMatchObject({
        action,
        actor: 'root@example.org',
        requestId: expect.any(String),
        clientAddress: '127.0.0.1',
      })
      if (before) expect(row?.before).toMatchObject(before)
      if (after) expect(row?.after).toMatchObject(after)
    }
    // The password change ended the session: signing in and out are audited writes too.
    const signIn = await auditCount()
    await client.login('root@example.org', 'another long one')
    expect(await auditCount()).toBe(signIn + 1)
    expect((await workspace.readAudit(operator, { limit: 1 }))[0]).toMatchObject({
      action: 'auth.login',
      entityType: 'session',
    })
    await client.send({ method: 'POST', url: '/api/auth/logout' })
    expect(await auditCount()).toBe(signIn + 2)
    expect((await workspace.readAudit(operator, { limit: 1 }))[0]).toMatchObject({
      action: 'auth.logout',
      actor: 'root@example.org',
    })
    await client.login('root@example.org', 'another long one')
    const count = await auditCount()
    const refused: InjectOptions[] = [
      {
        method: 'POST',
        url: '/api/users',
        payload: { email: 'x@example.org', password: PASSWORD, role: 'viewer' },
      },
      {
        method: 'POST',
        url: '/api/users',
        payload: { email: 'y@example.org', password: 'short', role: 'viewer' },
      },
      {
        method: 'POST',
        url: '/api/users',
        payload: { email: 'y@example.org', password: PASSWORD, role: 'emperor' },
      },
      { method: 'PATCH', url: '/api/users/999', payload: { role: 'viewer' } },
      { method: 'POST', url: '/api/organisations', payload: { name: 'Bad', rorId: 'not-a-ror' } },
    ]
    const statuses = []
    for (const write of refused) statuses.push((await client.send(write)).statusCode)
    expect(statuses).toEqual([409, 422, 422, 404, 422])
    expect(await auditCount()).toBe(count)
  })

  it('answers private servers only after sign-in, and never caches personal answers', async () => {
    const { workspace, app } = await fixture(engine, { access: 'private' })
    await workspace.addUser(operator, { email: 'ada@example.org', password: PASSWORD, role: 'viewer' })
    expect((await app.inject('/api/status')).json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
    const client = browser(app)
    await client.login('ada@example.org')
    expect((await client.send({ url: '/api/status' })).statusCode).toBe(200)
    expect((await client.send({ url: '/api/status' })).statusCode).toBe(200)
    expect((await app.inject('/api/status')).statusCode).toBe(401)
    const me = await client.send({ url: '/api/auth/me' })
    expect(me.headers.etag).toBeUndefined()
  })

  it('rate-limits sign-in attempts per client address', async () => {
    const { app } = await fixture(engine, { loginPerMinute: 3 })
    const attempt = () =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'nobody@example.org', password: 'wrong password' },
      })
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401)
    const limited = await attempt()
    expect(limited.statusCode).toBe(429)
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } })
    expect(limited.headers['retry-after']).toBeDefined()
  })

  it('creates the first admin through the one-time setup link only', async () => {
    const { workspace, app } = await fixture(engine)
    expect((await app.inject('/api/auth/setup')).json()).toEqual({ needed: true })
    const token = await workspace.createSetupToken()
    const setup = (secret: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/setup',
        payload: { token: secret, email: 'root@example.org', password: PASSWORD },
      })
    expect((await setup('forged')).statusCode).toBe(401)
    expect((await setup(token ?? '')).statusCode).toBe(201)
    expect((await setup(token ?? '')).statusCode).toBe(401)
    expect((await app.inject('/api/auth/setup')).json()).toEqual({ needed: false })
    expect((await browser(app).login('root@example.org')).json()).toMatchObject({ role: 'admin' })
  })
})

describe.each(ENGINES)(
  'authorisation matrix on $name: every role against every write route, own and others',
  (engine) => {
    const ROLES = ['viewer', 'analyst', 'broker', 'programme-manager', 'admin'] as const
    /** Expected status by route, for [own record, someone else's record]. */
    const ROUTES: {
      name: string
      write: (ids: { self: number; other: number; org: number }) => InjectOptions
      allowed: (role: string, own: boolean) => boolean
    }[] = [
      {
        name: 'create user',
        write: () => ({
          method: 'POST',
          url: '/api/users',
          payload: { email: `n${Math.random()}@example.org`, password: PASSWORD, role: 'viewer' },
        }),
        allowed: (role) => role === 'admin',
      },
      {
        name: 'change user',
        write: ({ self, other }) => ({
          method: 'PATCH',
          url: `/api/users/${other}`,
          payload: { displayName: `x${self}` },
        }),
        allowed: (role) => role === 'admin',
      },
      {
        name: 'reset password',
        write: ({ other }) => ({
          method: 'POST',
          url: `/api/users/${other}/password`,
          payload: { password: 'another long one' },
        }),
        allowed: (role) => role === 'admin',
      },
      {
        name: 'create organisation',
        write: () => ({ method: 'POST', url: '/api/organisations', payload: { name: 'New' } }),
        allowed: (role) => role === 'admin',
      },
      {
        name: 'change organisation',
        write: ({ org }) => ({
          method: 'PATCH',
          url: `/api/organisations/${org}`,
          payload: { country: 'AT' },
        }),
        allowed: (role, own) =>
          role === 'admin' || (own && (role === 'broker' || role === 'programme-manager')),
      },
      {
        name: 'create token',
        write: () => ({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'x' } }),
        allowed: () => true,
      },
    ]
    const cases = ROLES.flatMap((role) =>
      ROUTES.flatMap((route) =>
        [true, false].map((own) => ({
          role,
          route,
          own,
          label: `${role} ${route.name} ${own ? 'own' : 'other'}`,
        })),
      ),
    )

    let f: Awaited<ReturnType<typeof fixture>>
    const tokens = new Map<string, string>()
    let otherUser = 0
    beforeAll(async () => {
      f = await fixture(engine)
      otherUser = (
        await f.workspace.addUser(operator, {
          email: 'other@example.org',
          password: PASSWORD,
          role: 'viewer',
          organisationId: f.theirs.id,
        })
      ).id
      for (const role of ROLES) {
        await f.workspace.addUser(operator, {
          email: `${role}@example.org`,
          password: PASSWORD,
          role,
          organisationId: f.mine.id,
        })
        const { actor } = await f.workspace.authenticateSession(
          (await f.workspace.login({ email: `${role}@example.org`, password: PASSWORD })).cookie,
        )
        tokens.set(
          role,
          (
            await f.workspace.createToken(actor, {
              name: 'matrix',
              scopes: role === 'admin' ? ['read', 'write', 'admin'] : ['read', 'write'],
            })
          ).token,
        )
      }
    })

    it.each(cases)('$label', async ({ role, route, own }) => {
      const self = await f.workspace.userIdByEmail(`${role}@example.org`)
      const write = route.write({
        self,
        other: otherUser,
        org: own ? f.mine.id : f.theirs.id,
      })
      const response = await f.app.inject({
        ...write,
        headers: { authorization: `Bearer ${tokens.get(role)}` },
      })
      const allowed = route.allowed(role, own)
      expect(response.statusCode, response.body).toBe(
        allowed ? (write.method === 'POST' ? (route.name === 'reset password' ? 200 : 201) : 200) : 403,
      )
      if (!allowed) expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } })
      const anonymous = await f.app.inject(route.write({ self, other: otherUser, org: f.mine.id }))
      expect(anonymous.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
    })
  },
)
