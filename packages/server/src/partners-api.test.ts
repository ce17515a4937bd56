import type { Store } from '@meridian/store'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createServer } from './create-server.js'
import { openDemoStore } from './demo-store.test-util.js'

let store: Store
let app: FastifyInstance
const get = (url: string) => app.inject({ url })

beforeAll(async () => {
  store = await openDemoStore(2000, 5)
  app = await createServer({ store, versionTtlMs: 0 })
}, 120_000)
afterAll(async () => {
  await app.close()
  store.close()
})

describe('GET /api/partners/:level', () => {
  test('suggests new partners of a country with reasons, and the backtest beside them', async () => {
    const r = await get('/api/partners/country?unit=DE&limit=5')
    expect(r.statusCode, r.body).toBe(200)
    const body = r.json()
    expect(body.unit.id).toBe('DE')
    expect(body.rows).toHaveLength(5)
    for (const row of body.rows) expect(row.reasons.length).toBeGreaterThan(0)
    expect(body.backtest.text).toMatch(/of last period's top-20 suggestions/)
    expect(body.backtest.rows[0].model).toBe('meridian')
    const zh = (await get('/api/partners/country?unit=DE&limit=2&lang=zh')).json()
    expect(zh.rows[0].reasons[0].text).toMatch(/[\u4e00-\u9fff]/)
  }, 60_000)
  test('refuses an unknown unit (404), a bad level and options that do not apply (400)', async () => {
    const unknown = await get('/api/partners/country?unit=Germny')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('NOT_FOUND')
    expect((await get('/api/partners/planet?unit=DE')).statusCode).toBe(400)
    expect((await get('/api/partners/country?unit=DE&types=company')).statusCode).toBe(400)
    expect((await get('/api/partners/country')).json().error.field).toBe('unit')
  }, 60_000)
  test('is in the OpenAPI document', async () => {
    const doc = (await get('/openapi.json')).json()
    expect(Object.keys(doc.paths)).toContain('/api/partners/{level}')
  })
})
