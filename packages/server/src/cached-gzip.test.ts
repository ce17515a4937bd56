import { gunzipSync } from 'node:zlib'
import type { Store } from '@meridian/store'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createServer } from './create-server.js'
import { openDemoStore } from './demo-store.test-util.js'

let store: Store
beforeAll(async () => {
  store = await openDemoStore(200, 4)
})
afterAll(() => store.close())

it('answers a cached body gzipped for clients that take gzip, and as it is for the others', async () => {
  const app = await createServer({ store })
  const url = '/api/indicators/bilateral-matrix?years=2015-2024'
  const first = await app.inject(url)
  expect(first.statusCode).toBe(200)
  for (let i = 0; i < 2; i++) {
    const zipped = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.headers.vary).toContain('accept-encoding')
    expect(zipped.headers.etag).toBe(first.headers.etag)
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(first.body)
  }
  const refused = await app.inject({ url, headers: { 'accept-encoding': 'gzip;q=0' } })
  expect(refused.headers['content-encoding']).toBeUndefined()
  expect(refused.body).toBe(first.body)
  await app.close()
})
