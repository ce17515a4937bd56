import { CONNECT_MIGRATIONS, createMarket } from '@meridian/connect'
import { createWorkspace, MIGRATIONS } from '@meridian/state'
import { closeTestEngines, ENGINES, seededRandom, type TestEngine } from '@meridian/state/testing'
import type { Store } from '@meridian/store'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from './create-server.js'
import { openDemoStore } from './demo-store.test-util.js'

let store: Store
beforeAll(async () => {
  store = await openDemoStore(400, 5)
})
afterAll(async () => {
  store.close()
  await closeTestEngines()
})

const operator = { kind: 'operator', label: 'cli:test' } as const
const PASSWORD = 'correct horse battery'
const SECRET = 'li.wei@foods.example'

const NEED = {
  type: 'technology-request',
  title: 'Robust sensors for battery monitoring (synthetic)',
  summary: 'A maker of storage systems seeks sensors that track battery ageing.',
  keywords: ['sensors', 'batteries'],
  trl: 5,
  partnershipTypes: ['technical-cooperation'],
  contact: { name: 'Li Wei (synthetic)', email: SECRET, phone: '+86 10 5555 0100' },
  synthetic: true,
}

/** A server with a workspace and the marketplace: a company (analyst, broker) and a university (researcher, viewer). */
async function fixture(engine: TestEngine) {
  const state = await engine.open({ migrations: { ...MIGRATIONS, ...CONNECT_MIGRATIONS } })
  const workspace = createWorkspace(state, { random: seededRandom() })
  const app = await createServer({ store, workspace, market: createMarket(state) })
  const company = await workspace.createOrganisation(operator, { name: 'Synthetic Foods Co', country: 'CN' })
  const university = await workspace.createOrganisation(operator, {
    name: 'Synthetic University',
    country: 'FR',
  })
  const tokens: Record<string, string> = {}
  for (const [name, role, organisationId] of [
    ['analyst', 'analyst', company.id],
    ['broker', 'broker', company.id],
    ['researcher', 'analyst', university.id],
    ['viewer', 'viewer', university.id],
  ] as const) {
    await workspace.addUser(operator, {
      email: `${name}@example.org`,
      password: PASSWORD,
      role,
      organisationId,
    })
    const { actor } = await workspace.authenticateSession(
      (await workspace.login({ email: `${name}@example.org`, password: PASSWORD })).cookie,
    )
    tokens[name] = (await workspace.createToken(actor, { name: 'api' })).token
  }
  const as = (who: string, request: InjectOptions) =>
    app.inject({ ...request, headers: { authorization: `Bearer ${tokens[who]}` } })
  return { app, as }
}

describe.each(ENGINES)('marketplace API on $name', (engine) => {
  it('never returns a record’s contact to another organisation before its interest is accepted', async () => {
    const { app, as } = await fixture(engine)
    expect((await app.inject('/api/records')).statusCode).toBe(401)
    expect((await app.inject('/api/capabilities')).json()).toEqual({
      workspace: true,
      steer: false,
      market: true,
      ingest: false,
    })
    const paths = Object.keys((await app.inject('/openapi.json')).json().paths as object)
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/records',
        '/api/records/{id}/matches',
        '/api/interests/{id}/decision',
        '/api/inbox',
      ]),
    )
    const created = await as('analyst', { method: 'POST', url: '/api/records', payload: NEED })
    expect(created.statusCode, created.body).toBe(201)
    const id = (created.json() as { id: number }).id
    expect(created.json()).toMatchObject({ status: 'draft', contact: { email: SECRET } })
    // A draft is the owner's: others get 404.
    expect((await as('researcher', { url: `/api/records/${id}` })).statusCode).toBe(404)
    const step = (who: string, body: object) =>
      as(who, { method: 'POST', url: `/api/records/${id}/transitions`, payload: body })
    expect((await step('analyst', { step: 'submit' })).statusCode).toBe(200)
    expect((await step('researcher', { step: 'approve' })).statusCode).toBe(403)
    expect((await step('analyst', { step: 'approve' })).statusCode).toBe(403)
    expect((await step('broker', { step: 'approve' })).json()).toMatchObject({ status: 'published' })
    const bad = await as('analyst', {
      method: 'PUT',
      url: `/api/records/${id}`,
      payload: { ...NEED, trl: 12 },
    })
    expect(bad.statusCode).toBe(422)
    expect(bad.json()).toMatchObject({ error: { code: 'INVALID_VALUE', field: 'record.trl' } })
    // Every route that returns the record, to everyone outside the company, before acceptance.
    const reads = [
      { url: '/api/records' },
      { url: `/api/records/${id}` },
      { url: '/api/records?type=needs&q=battery' },
      { url: `/api/records/${id}/matches?pageSize=5` },
      { url: '/api/interests' },
      { url: '/api/inbox' },
    ]
    for (const who of ['researcher', 'viewer'])
      for (const read of reads) {
        const response = await as(who, read)
        expect(response.statusCode, `${who} ${read.url}`).toBe(200)
        expect(response.body, `${who} ${read.url}`).not.toContain(SECRET)
      }
    const matches = (await as('researcher', { url: `/api/records/${id}/matches?pageSize=3` })).json() as {
      total: number
      rows: { kind: string; score: number; reasons: unknown[]; evidence: { works: unknown[] } }[]
    }
    expect(matches.total).toBeGreaterThan(0)
    for (const row of matches.rows) expect(row.reasons.length).toBeGreaterThan(0)
    expect(
      (
        await as('viewer', {
          method: 'POST',
          url: `/api/records/${id}/interests`,
          payload: { message: 'hi' },
        })
      ).statusCode,
    ).toBe(403)
    const interest = await as('researcher', {
      method: 'POST',
      url: `/api/records/${id}/interests`,
      payload: { message: 'Our lab builds such sensors.' },
    })
    expect(interest.statusCode, interest.body).toBe(201)
    expect(interest.body).not.toContain(SECRET)
    const interestId = (interest.json() as { id: number }).id
    for (const read of reads) expect((await as('researcher', read)).body).not.toContain(SECRET)
    const inbox = (await as('analyst', { url: '/api/inbox' })).json() as {
      unread: number
      items: { kind: string }[]
    }
    expect(inbox.items.map((i) => i.kind)).toContain('interest.received')
    const decision = await as('broker', {
      method: 'POST',
      url: `/api/interests/${interestId}/decision`,
      payload: { decision: 'accept' },
    })
    expect(decision.statusCode, decision.body).toBe(200)
    // Accepted: the sender sees the contact; the viewer of the same university still does not.
    expect((await as('researcher', { url: `/api/records/${id}` })).json()).toMatchObject({
      contact: { email: SECRET },
    })
    expect((await as('viewer', { url: `/api/records/${id}` })).body).not.toContain(SECRET)
    const outcome = await as('researcher', {
      method: 'POST',
      url: `/api/interests/${interestId}/outcomes`,
      payload: { kind: 'agreement', agreementType: 'technical-cooperation', date: '2026-01-02' },
    })
    expect(outcome.statusCode, outcome.body).toBe(201)
    expect((await as('viewer', { url: '/api/agreements' })).json()).toEqual([
      { programmeId: null, ownerCountry: 'CN', partnerCountry: 'FR', agreements: 1 },
    ])
    const unread = ((await as('analyst', { url: '/api/inbox?unread=true' })).json() as { unread: number })
      .unread
    expect(unread).toBe(inbox.unread + 1) // the agreement the researcher recorded
    const read = await as('analyst', { method: 'POST', url: '/api/inbox/read', payload: {} })
    expect(read.json()).toEqual({ marked: unread })
  }, 120_000)
})
