import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sql } from '@meridian/indicators'
import type { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from './create-server.js'
import { openDemoStore } from './demo-store.test-util.js'
import type { StoreReader } from './services/store-reader.js'

let store: Store
beforeAll(async () => {
  // One reading connection: a query left running would hold up every later one.
  store = await openDemoStore(200, 5, 1)
})
afterAll(() => store.close())

/** A query DuckDB needs minutes for. */
const SLOW = sql`SELECT count(*) AS n FROM range(100000000000) a`

/** The store, counting the queries that reach it; `slow()` makes the next ones take minutes. */
function probe() {
  let started = 0
  let slow = false
  let hold: Promise<void> | null = null
  const reader: StoreReader = {
    runner: {
      all: async (query, options) => {
        started++
        if (hold) await hold
        return store.runner.all(slow ? SLOW : query, options)
      },
    },
    status: async (options) => {
      if (hold) await hold
      return store.status(options)
    },
    dataVersion: () => store.dataVersion(),
    concurrency: 1,
  }
  return {
    reader,
    started: () => started,
    slow: (on: boolean) => void (slow = on),
    hold: (until: Promise<void>) => void (hold = until.finally(() => (hold = null))),
  }
}

describe('per-request time limits', () => {
  it('interrupts a query past the limit, answers 504 QUERY_TIMEOUT, and frees the connection', async () => {
    const store = probe()
    const app = await createServer({ store: store.reader, queryTimeoutMs: 300 })
    store.slow(true)
    const started = performance.now()
    const late = await app.inject('/api/indicators/output?years=2015-2024')
    expect(late.statusCode).toBe(504)
    expect(late.json()).toMatchObject({ error: { code: 'QUERY_TIMEOUT' } })
    expect(late.headers['cache-control']).toBe('no-store')
    expect(performance.now() - started).toBeLessThan(5000)
    store.slow(false)
    // The one reading connection answers at once: the slow query no longer runs on it.
    const next = await app.inject('/api/indicators/output?years=2015-2024')
    expect(next.statusCode).toBe(200)
    await app.close()
  })

  it('answers 504 to a request whose queries waited in the queue past the limit, without running them', async () => {
    const store = probe()
    const app = await createServer({ store: store.reader, queryTimeoutMs: 300 })
    let release!: () => void
    store.hold(new Promise<void>((resolve) => (release = resolve)))
    const first = app.inject('/api/indicators/output?years=2015-2024&first=1')
    await new Promise((resolve) => setTimeout(resolve, 50))
    const before = store.started()
    const queued = await app.inject('/api/indicators/output?years=2015-2024&queued=1')
    expect(queued.json()).toMatchObject({ error: { code: 'QUERY_TIMEOUT' } })
    expect(store.started()).toBe(before)
    release()
    expect((await first).statusCode).toBe(504)
    await app.close()
  })
})

describe('the bounded queue', () => {
  it('refuses new requests beyond it, never the later queries of a request already let in', async () => {
    const store = probe()
    const app = await createServer({ store: store.reader, queue: { limit: 1 } })
    await app.inject('/api/status')
    let release!: () => void
    store.hold(new Promise<void>((resolve) => (release = resolve)))
    // A profile asks many queries at once: one runs, the rest queue beyond the limit of 1.
    const profile = app.inject('/api/countries/CN/profile?years=2015-2024')
    await new Promise((resolve) => setTimeout(resolve, 100))
    const refused = await app.inject('/api/indicators/distance?years=2015-2024')
    expect(refused.json()).toMatchObject({ error: { code: 'BUSY' } })
    release()
    expect((await profile).statusCode).toBe(200)
    await app.close()
  })
})

describe('a client that goes away', () => {
  it('drops its queued queries before they start', async () => {
    const store = probe()
    const app = await createServer({ store: store.reader })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = app.server.address() as AddressInfo
    let release!: () => void
    store.hold(new Promise<void>((resolve) => (release = resolve)))
    const get = (path: string) => {
      const request = httpRequest({ host: '127.0.0.1', port, path })
      const answer = new Promise<number>((resolve, reject) => {
        request.on('response', (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
        })
        request.on('error', reject)
      })
      request.end()
      return { request, answer }
    }
    // /api/status holds the one connection (it runs no indicator query); the indicator request queues behind it.
    const holder = get('/api/status')
    await new Promise((resolve) => setTimeout(resolve, 200))
    const leaving = get('/api/indicators/partners?years=2015-2024')
    await new Promise((resolve) => setTimeout(resolve, 200))
    leaving.request.destroy()
    leaving.answer.catch(() => {})
    await new Promise((resolve) => setTimeout(resolve, 200))
    release()
    expect(await holder.answer).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(store.started()).toBe(0)
    await app.close()
  })
})
