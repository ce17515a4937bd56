import { readFile } from 'node:fs/promises'
import { generateCorpus } from '@meridian/demo'
import { MIGRATIONS, createWorkspace } from '@meridian/state'
import { closeTestEngines, ENGINES, seededRandom } from '@meridian/state/testing'
import { STEER_MIGRATIONS, createSteer } from '@meridian/steer'
import { Store } from '@meridian/store'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { createServer } from './create-server.js'
import type { IngestHandler } from './routes/ingest.js'

const PASSWORD = 'correct horse battery'
const operator = { kind: 'operator', label: 'cli:test' } as const
afterAll(() => closeTestEngines())

/**
 * The test's ingest: the uploaded file names how many demo works to add (the real one, `meridian ingest`'s,
 * is tested through the CLI). `gate` holds the run open between staging and commit.
 */
function demoIngest(store: Store, gate: { open: Promise<void> }): IngestHandler {
  let seed = 100
  return async ({ path }) => {
    const count = Number((await readFile(path, 'utf8')).trim())
    const run = await store.beginIngest()
    for (const work of generateCorpus({ works: count, seed: seed++ })) run.add(work)
    await gate.open
    const counts = await run.commit({ files: [path], problems: 0, now: new Date(0) })
    return { ingestId: counts.ingestId, added: counts.added }
  }
}

async function fixture(engine: (typeof ENGINES)[number], options: { ingestLimit?: number } = {}) {
  const store = await Store.open({ path: ':memory:', readers: 2 })
  const first = await store.beginIngest()
  for (const work of generateCorpus({ works: 30, seed: 1 })) first.add(work)
  await first.commit({ files: ['demo'], problems: 0, now: new Date(0) })
  const state = await engine.open({ migrations: { ...MIGRATIONS, ...STEER_MIGRATIONS } })
  const workspace = createWorkspace(state, { random: seededRandom() })
  let release = () => {}
  const gate = { open: Promise.resolve() }
  const hold = () => {
    gate.open = new Promise((resolve) => (release = resolve))
  }
  const app = await createServer({
    store,
    workspace,
    steer: createSteer(state),
    ingest: demoIngest(store, gate),
    ...options,
  })
  const tokens: Record<string, string> = {}
  for (const role of ['admin', 'analyst'] as const) {
    await workspace.addUser(operator, { email: `${role}@example.org`, password: PASSWORD, role })
    const { actor } = await workspace.authenticateSession(
      (await workspace.login({ email: `${role}@example.org`, password: PASSWORD })).cookie,
    )
    const scopes = role === 'admin' ? ['read', 'write', 'admin'] : ['read', 'write']
    tokens[role] = (await workspace.createToken(actor, { name: 'api', scopes })).token
  }
  const upload = (who: string, body: string, query = 'name=works.txt') =>
    app.inject({
      method: 'POST',
      url: `/api/admin/ingest?${query}`,
      headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/octet-stream' },
      payload: body,
    })
  const works = async () =>
    (await app.inject({ url: '/api/status', headers: { authorization: `Bearer ${tokens.admin}` } })).json()
      .works as number
  const audit = async () =>
    (
      await sql<{ action: string; actor: string; after: unknown }>`select action, actor, after from audit_log
      where action = 'store.ingest'`.execute(state.db)
    ).rows
  return { store, app, upload, works, audit, hold, release: () => release() }
}

describe.each(ENGINES)('POST /api/admin/ingest on $name', (engine) => {
  it('adds data while serving: reads answer from the old data until the commit, then the version changes once', async () => {
    const f = await fixture(engine)
    try {
      expect(await f.works()).toBe(30)
      const etag = (await f.app.inject('/api/indicators/output')).headers.etag
      f.hold()
      const pending = f.upload('admin', '12')
      // The ingest is staged but not committed: answers still come from the data as it was.
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(await f.works()).toBe(30)
      const busy = await f.upload('admin', '1')
      expect(busy.statusCode).toBe(409)
      expect(busy.json().error.message).toMatch(/an ingest is running \(started .* by admin@example.org\)/)
      f.release()
      const done = await pending
      expect(done.statusCode, done.body).toBe(200)
      expect(done.json()).toMatchObject({ ingest: { added: 12 }, kpis: { refreshed: 0, unchanged: 0 } })
      expect(await f.works()).toBe(42)
      expect((await f.app.inject('/api/indicators/output')).headers.etag).not.toBe(etag)
      expect(await f.audit()).toEqual([
        expect.objectContaining({
          actor: 'admin@example.org',
          after: expect.objectContaining({ added: 12 }),
        }),
      ])
    } finally {
      f.store.close()
    }
  })

  it('is for admins only, refuses names with directories, and refuses uploads beyond the limit (413)', async () => {
    const f = await fixture(engine, { ingestLimit: 4 })
    try {
      expect((await f.upload('analyst', '1')).statusCode).toBe(403)
      expect(
        (await f.app.inject({ method: 'POST', url: '/api/admin/ingest?name=a', payload: '1' })).statusCode,
      ).toBe(401)
      expect((await f.upload('admin', '1', 'name=../etc/passwd')).statusCode).toBe(400)
      const large = await f.upload('admin', '123456')
      expect(large.statusCode).toBe(413)
      expect(await f.works()).toBe(30)
      expect(await f.audit()).toEqual([])
      // The route is in the OpenAPI document.
      const paths = Object.keys((await f.app.inject('/openapi.json')).json().paths as object)
      expect(paths).toContain('/api/admin/ingest')
    } finally {
      f.store.close()
    }
  })
})
