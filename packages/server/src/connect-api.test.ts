import { monitorEventLoopDelay } from 'node:perf_hooks'
import { sql } from '@meridian/indicators'
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

describe('GET /api/experts', () => {
  test('ranks institutions for a query with the works that matched, paginated, with the method', async () => {
    const r = await get('/api/experts?q=coastal%20sediments&pageSize=3')
    expect(r.statusCode, r.body).toBe(200)
    const body = r.json()
    expect(body.total).toBeGreaterThan(3)
    expect(body.rows).toHaveLength(3)
    expect(body.rows.map((row: { rank: number }) => row.rank)).toEqual([1, 2, 3])
    expect(body.rows[0].evidence[0].title).toMatch(/coastal|sediment/i)
    expect(body.method.engine).toBe('minisearch BM25')
    const next = (await get('/api/experts?q=coastal%20sediments&pageSize=3&page=2')).json()
    expect(next.rows[0].rank).toBe(4)
    const authors = (await get('/api/experts?q=coastal%20sediments&kind=author&pageSize=2')).json()
    expect(authors.options.kind).toBe('author')
  }, 60_000)
  test('filters by country and refuses bad options (400 naming the field)', async () => {
    const de = (await get('/api/experts?q=coastal%20sediments&country=DE&pageSize=50')).json()
    for (const row of de.rows) expect(row.country).toBe('DE')
    const empty = await get('/api/experts?q=%20')
    expect(empty.statusCode).toBe(400)
    expect(empty.json().error.field).toBe('q')
    expect((await get('/api/experts?q=x&kind=planet')).json().error.field).toBe('kind')
  })
})

describe('GET /api/expertise/:level', () => {
  test("a country's profile: fields, partners, output, method; unknown units 404 with a hint", async () => {
    const r = await get('/api/expertise/country?unit=DE')
    expect(r.statusCode, r.body).toBe(200)
    const body = r.json()
    expect(body.unit).toBe('DE')
    expect(body.fields.length).toBeGreaterThan(0)
    expect(body.partners.countries.length).toBeGreaterThan(0)
    expect(body.production.works).toBeGreaterThan(0)
    expect(body.method.countryPolicy).toBe('iso')
    const unknown = await get('/api/expertise/country?unit=Germny')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.message).toMatch(/Germany|DE/)
  })
  test('the same profile as the CLI computes: partners equal the store query', async () => {
    const body = (await get('/api/expertise/country?unit=FR')).json()
    const [row] = await store.runner.all(
      sql`SELECT count(DISTINCT b.country) AS n FROM work_countries a JOIN work_countries b
          ON a.work_id = b.work_id AND b.country <> a.country WHERE a.country = 'FR'`,
    )
    expect(body.partners.countries.length).toBe(Number(row!.n))
  })
})

describe('GET /api/partners/:level/backtest', () => {
  test('one row per model, the combined model first, with the cut-off and horizon asked for', async () => {
    const r = await get('/api/partners/country/backtest?horizon=3')
    expect(r.statusCode, r.body).toBe(200)
    const body = r.json()
    expect(body.rows[0].model).toBe('meridian')
    expect(body.rows.length).toBeGreaterThan(3)
    for (const row of body.rows) expect(row.auc).toBeGreaterThanOrEqual(0)
    expect(body.method.horizon).toBe(3)
    expect(Object.keys(body.model.weights).length).toBeGreaterThan(0)
    expect((await get('/api/partners/country/backtest?trainEnd=1200')).statusCode).toBe(400)
  }, 60_000)

  test('task=strengthening scores ties that grow; an unknown task is a 400 naming the field', async () => {
    const r = await get('/api/partners/country/backtest?horizon=3&task=strengthening')
    expect(r.statusCode, r.body).toBe(200)
    const body = r.json()
    expect(body.method.task).toBe('strengthening')
    expect(body.method.predicted).toMatch(/^strengthening ties/)
    expect(body.rows[0].model).toBe('meridian')
    const bad = await get('/api/partners/country/backtest?task=weakening')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.field).toBe('task')
  }, 60_000)
})

describe('GET /api/partners/:level', () => {
  test('suggests new partners of a country with reasons, and the backtest beside them', async () => {
    const r = await get('/api/partners/country?unit=DE&limit=5')
    expect(r.statusCode, r.body).toBe(200)
    const body = r.json()
    expect(body.unit.id).toBe('DE')
    expect(body.rows).toHaveLength(5)
    for (const row of body.rows) expect(row.reasons.length).toBeGreaterThan(0)
    expect(body.backtest.text).toMatch(/Of last period's top-20 suggestions/)
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
  test('a level’s first suggestions are computed on a worker thread: the server answers meanwhile', async () => {
    const author = (
      await store.runner.all(
        sql`SELECT orcid FROM authorships WHERE orcid IS NOT NULL ORDER BY orcid LIMIT 1`,
      )
    )[0]!.orcid
    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    let answered = 0
    const started = performance.now()
    const suggestions = get(`/api/partners/author?unit=${encodeURIComponent(String(author))}&limit=5`).then(
      (r) => {
        expect(r.statusCode, r.body).toBe(200)
        return performance.now() - started
      },
    )
    // While the model is fitted, other requests keep being answered.
    const others = (async () => {
      for (let i = 0; i < 5; i++) if ((await get('/api/status')).statusCode === 200) answered++
      return performance.now() - started
    })()
    const [took, othersTook] = await Promise.all([suggestions, others])
    delay.disable()
    const worstMs = delay.max / 1e6
    console.log(
      `author suggestions ${took.toFixed(0)} ms; 5 status requests done after ${othersTook.toFixed(0)} ms; ` +
        `worst event-loop delay ${worstMs.toFixed(0)} ms`,
    )
    expect(answered).toBe(5)
    expect(othersTook).toBeLessThan(took)
  }, 120_000)
  test('is in the OpenAPI document', async () => {
    const doc = (await get('/openapi.json')).json()
    for (const path of [
      '/api/experts',
      '/api/expertise/{level}',
      '/api/partners/{level}',
      '/api/partners/{level}/backtest',
    ])
      expect(Object.keys(doc.paths)).toContain(path)
  })
})
