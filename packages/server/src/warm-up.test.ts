import type { SqlRunner } from '@meridian/indicators'
import type { Store } from '@meridian/store'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { DEFAULT_VIEWS, warmUp } from './caching/warm-up.js'
import { createServer } from './create-server.js'
import { openDemoStore } from './demo-store.test-util.js'
import type { StoreReader } from './services/store-reader.js'

let store: Store
beforeAll(async () => {
  store = await openDemoStore(200, 3)
})
afterAll(() => store.close())

/** The store, counting the queries and status reads that reach it; `failing` makes them all fail. */
function counted(failing = false) {
  let reads = 0
  const runner: SqlRunner = {
    all: async (query) => {
      reads++
      if (failing) throw new Error('disk gone')
      return store.runner.all(query)
    },
  }
  const reader: StoreReader = {
    runner,
    status: async (options) => {
      reads++
      if (failing) throw new Error('disk gone')
      return store.status(options)
    },
    dataVersion: () => store.dataVersion(),
  }
  return { reader, reads: () => reads }
}

it('warms the default views into the response cache: the dashboard then runs no query', async () => {
  const probe = counted()
  const app = await createServer({ store: probe.reader })
  const outcomes = await warmUp(app)
  expect(outcomes.map((o) => [o.url, o.status, o.code])).toEqual(DEFAULT_VIEWS.map((url) => [url, 200, null]))
  const warmed = probe.reads()
  expect(warmed).toBeGreaterThan(0)
  for (const url of DEFAULT_VIEWS) expect((await app.inject(url)).statusCode).toBe(200)
  expect(probe.reads()).toBe(warmed)
  await app.close()
})

it('reports a failed warm-up instead of throwing, and caches nothing for it', async () => {
  const probe = counted(true)
  const app = await createServer({ store: probe.reader })
  const outcomes = await warmUp(app, { urls: [DEFAULT_VIEWS[1] ?? ''], headers: { host: 'localhost' } })
  expect(outcomes.map((o) => [o.status, o.code])).toEqual([[503, 'STORE_UNAVAILABLE']])
  const before = probe.reads()
  await app.inject(DEFAULT_VIEWS[1] ?? '')
  expect(probe.reads()).toBeGreaterThan(before)
  await app.close()
})
