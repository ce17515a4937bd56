import { sql } from '@meridian/indicators'
import type { DataVersion, Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../create-server.js'
import { openDemoStore } from '../demo-store.test-util.js'
import type { StoreReader } from '../services/store-reader.js'
import { QueryCache } from './query-cache.js'

const Q = (n: number) => sql`SELECT ${n} AS n`

describe('QueryCache', () => {
  it('runs an identical query once while it is in flight and after, per data version', async () => {
    const cache = new QueryCache()
    let runs = 0
    const run = async () => [{ n: ++runs }]
    const [a, b] = await Promise.all([
      cache.rows('v1', Q(1), undefined, run),
      cache.rows('v1', Q(1), undefined, run),
    ])
    expect([a, b, await cache.rows('v1', Q(1), undefined, run)]).toEqual([[{ n: 1 }], [{ n: 1 }], [{ n: 1 }]])
    expect(await cache.rows('v1', Q(2), undefined, run)).toEqual([{ n: 2 }])
    expect(await cache.rows('v2', Q(1), undefined, run)).toEqual([{ n: 3 }])
    expect(Object.isFrozen(a?.[0])).toBe(true)
  })

  it('keeps results within its byte budget, least recently used out first', async () => {
    const cache = new QueryCache({ maxBytes: 800 })
    let runs = 0
    const run = async () => (runs++, [{ text: 'x'.repeat(100) }])
    for (const n of [1, 2]) await cache.rows('v', Q(n), undefined, run)
    await cache.rows('v', Q(1), undefined, run)
    await cache.rows('v', Q(3), undefined, run)
    expect(runs).toBe(3)
    await cache.rows('v', Q(1), undefined, run)
    expect(runs).toBe(3)
    await cache.rows('v', Q(2), undefined, run)
    expect(runs).toBe(4)
  })

  it('does not keep failures; a request sharing a query called off by another runs it itself', async () => {
    const cache = new QueryCache()
    const leader = new AbortController()
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const first = cache.rows('v', Q(1), leader.signal, async () => {
      await held
      leader.signal.throwIfAborted()
      return [{ n: 1 }]
    })
    const second = cache.rows('v', Q(1), new AbortController().signal, async () => [{ n: 2 }])
    leader.abort(new Error('time limit'))
    release()
    await expect(first).rejects.toThrow('time limit')
    expect(await second).toEqual([{ n: 2 }])
  })

  it("answers a waiting request's own time limit at once, even when it shares a query", async () => {
    const cache = new QueryCache()
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const first = cache.rows('v', Q(1), undefined, async () => (await held, [{ n: 1 }]))
    const mine = new AbortController()
    const second = cache.rows('v', Q(1), mine.signal, async () => [{ n: 2 }])
    mine.abort(new Error('my limit'))
    await expect(second).rejects.toThrow('my limit')
    release()
    expect(await first).toEqual([{ n: 1 }])
  })
})

describe('query results shared between requests', () => {
  let store: Store
  beforeAll(async () => {
    store = await openDemoStore(300, 11)
  })
  afterAll(() => store.close())

  function counted() {
    let queries = 0
    let revision = 0
    const reader: StoreReader = {
      runner: { all: (query) => (queries++, store.runner.all(query)) },
      status: (options) => store.status(options),
      dataVersion: async (): Promise<DataVersion> => ({ ...(await store.dataVersion()), revision }),
    }
    return { reader, queries: () => queries, bump: () => void revision++ }
  }

  it("a second country's profile over the same years asks nothing new; new data asks again", async () => {
    const probe = counted()
    const app = await createServer({ store: probe.reader, versionTtlMs: 0 })
    expect((await app.inject('/api/countries/CN/profile?years=2015-2020')).statusCode).toBe(200)
    const first = probe.queries()
    expect(first).toBeGreaterThan(0)
    const other = await app.inject('/api/countries/DE/profile?years=2015-2020')
    expect(other.statusCode).toBe(200)
    expect(other.json().country).toBe('DE')
    expect(probe.queries()).toBe(first)
    probe.bump()
    expect((await app.inject('/api/countries/DE/profile?years=2015-2020')).statusCode).toBe(200)
    expect(probe.queries()).toBe(2 * first)
    await app.close()
  })
})
