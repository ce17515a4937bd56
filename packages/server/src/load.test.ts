import type { SqlRunner } from '@meridian/indicators'
import type { Store } from '@meridian/store'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from './create-server.js'
import { openDemoStore } from './demo-store.test-util.js'
import type { StoreReader } from './services/store-reader.js'

let store: Store
beforeAll(async () => {
  store = await openDemoStore(300, 9)
})
afterAll(() => store.close())

/** The store, counting the queries run and able to hold them (a cold query that takes long). */
function counted() {
  let queries = 0
  let versions = 0
  let hold: Promise<void> | null = null
  let holdVersion = true
  const runner: SqlRunner = {
    all: async (query) => {
      queries++
      if (hold) await hold
      return store.runner.all(query)
    },
  }
  const reader: StoreReader = {
    runner,
    status: (options) => store.status(options),
    dataVersion: async () => {
      versions++
      if (hold && holdVersion) await hold
      return store.dataVersion()
    },
  }
  return {
    reader,
    queries: () => queries,
    versions: () => versions,
    hold(until: Promise<void>, options: { version?: boolean } = {}) {
      holdVersion = options.version ?? true
      hold = until.finally(() => (hold = null))
    },
  }
}

describe('the server under load', () => {
  let app: FastifyInstance
  afterAll(() => app.close())

  it('runs 20 concurrent identical cold requests once (single flight)', async () => {
    const probe = counted()
    // Without kept query results, so that a second cold request costs its queries again.
    app = await createServer({ store: probe.reader, queryCache: { maxBytes: 0 } })
    const url = '/api/indicators/international-share?years=2015-2024'
    const responses = await Promise.all(Array.from({ length: 20 }, () => app.inject(url)))
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(200))
    expect(new Set(responses.map((r) => r.body)).size).toBe(1)
    const once = probe.queries()
    expect(once).toBeGreaterThan(0)
    await app.inject(`${url}&bust=1`)
    // One more cold request costs as many queries again: the 20 cost what one costs.
    expect(probe.queries()).toBe(2 * once)
  })

  it('answers a cached request while cold queries and the data version read are held', async () => {
    const probe = counted()
    let now = 0
    const server = await createServer({ store: probe.reader, versionTtlMs: 1000, now: () => now })
    const cached = '/api/indicators/output?years=2015-2024'
    expect((await server.inject(cached)).statusCode).toBe(200)
    let release!: () => void
    probe.hold(new Promise<void>((resolve) => (release = resolve)))
    now = 5000 // the data version is stale: it is refreshed behind the answer, not before it
    const cold = server.inject('/api/indicators/partners?years=2015-2024')
    const started = performance.now()
    const answer = await server.inject(cached)
    expect(answer.statusCode).toBe(200)
    expect(performance.now() - started).toBeLessThan(1000)
    release()
    expect((await cold).statusCode).toBe(200)
    await server.close()
  })

  it('queues cold queries for the store, and beyond the queue answers 503 BUSY with Retry-After at once', async () => {
    const probe = counted()
    let release!: () => void
    const server = await createServer({ store: probe.reader, queue: { limit: 2 } })
    await server.inject('/api/status')
    probe.hold(new Promise<void>((resolve) => (release = resolve)), { version: false })
    const settled: Awaited<ReturnType<typeof server.inject>>[] = []
    const pending = Array.from({ length: 6 }, (_, i) =>
      // Different years: different queries (identical ones would share one run).
      server.inject(`/api/indicators/output?years=${2010 + i}-2024`).then((r) => void settled.push(r)),
    )
    // One query runs, two wait; a request may need several queries, so at least three are refused at once,
    // while the store is still held.
    for (let i = 0; i < 100 && settled.length < 3; i++) await new Promise((r) => setTimeout(r, 50))
    await new Promise((r) => setTimeout(r, 100))
    const refused = settled.length
    expect(refused).toBeGreaterThanOrEqual(3)
    for (const response of settled) {
      expect(response.json()).toMatchObject({ error: { code: 'BUSY' } })
      expect(response.headers['retry-after']).toBe('2')
    }
    release()
    await Promise.all(pending)
    expect(settled.slice(refused).every((r) => r.statusCode === 200 || r.statusCode === 503)).toBe(true)
    expect(settled.slice(refused).some((r) => r.statusCode === 200)).toBe(true)
    await server.close()
  })

  it('refuses oversize bodies with 413 and foreign Host headers with 421', async () => {
    const server = await createServer({ store, allowedHosts: ['localhost', '127.0.0.1'], bodyLimit: 1024 })
    const big = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'x'.repeat(5000) }),
    })
    expect(big.statusCode).toBe(413)
    expect(big.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } })
    const foreign = await server.inject({ url: '/api/status', headers: { host: 'attacker.example:8080' } })
    expect(foreign.statusCode).toBe(421)
    expect(foreign.json()).toMatchObject({ error: { code: 'FOREIGN_HOST' } })
    expect(
      (await server.inject({ url: '/api/status', headers: { host: '127.0.0.1:8080' } })).statusCode,
    ).toBe(200)
    await server.close()
  })
})
