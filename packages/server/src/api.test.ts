import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { generateCorpus } from '@meridian/demo'
import { describe as explain, evaluate, indicator, INDICATORS, raw } from '@meridian/indicators'
import { toRorId, type RorId, type Work } from '@meridian/model'
import { Store } from '@meridian/store'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createServer } from './create-server.js'

let store: Store
let app: FastifyInstance

/** The JSON a value becomes on the wire. */
const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value))
/** Deep equality, numbers to 12 significant digits: engines may sum floats in any order. */
function expectSame(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number' && !Number.isInteger(expected)) {
    expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)))
    return
  }
  if (expected === null || typeof expected !== 'object') {
    expect(actual, path).toEqual(expected)
    return
  }
  expect(typeof actual, path).toBe('object')
  expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort())
  for (const [key, value] of Object.entries(expected))
    expectSame((actual as Record<string, unknown>)[key], value, `${path}.${key}`)
}
/** Rows in key order: float noise may swap rows whose figures tie. */
function byKeys(result: unknown): unknown {
  const r = result as { rows: Record<string, unknown>[] }
  const key = (row: Record<string, unknown>) =>
    ['country', 'institution', 'group', 'partner', 'year', 'period']
      .map((k) => String(row[k] ?? ''))
      .join('|')
  return { ...r, rows: [...r.rows].sort((a, b) => key(a).localeCompare(key(b))) }
}
const get = async (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers })

beforeAll(async () => {
  store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  for (const work of generateCorpus({ works: 1500, seed: 7 })) run.add(work)
  await run.commit({ files: ['demo'], problems: 0, now: new Date(0) })
  app = await createServer({ store, versionTtlMs: 0 })
})
afterAll(async () => {
  await app.close()
  store.close()
})

describe('endpoints', () => {
  test('status: store status and data version', async () => {
    const r = await get('/api/status?countryPolicy=hk-mo-cn')
    expect(r.statusCode).toBe(200)
    expect(r.json()).toEqual(
      wire({ ...(await store.status({ policy: 'hk-mo-cn' })), data: await store.dataVersion() }),
    )
  })

  test('catalogue lists every indicator', async () => {
    const body = (await get('/api/indicators')).json()
    expect(body.indicators.map((d: { id: string }) => d.id)).toEqual(INDICATORS.map((d) => d.id))
    expect(body.indicators[0]).toMatchObject({ countings: INDICATORS[0]?.countings })
  })

  test.each(INDICATORS.map((d) => d.id))('%s equals evaluate()', async (id) => {
    const r = await get(`/api/indicators/${id}?years=2010-2020`)
    expect(r.statusCode).toBe(200)
    const direct = await evaluate(
      store.runner,
      indicator(id),
      { years: '2010-2020' },
      await store.dataVersion(),
    )
    expectSame(byKeys(r.json()), byKeys(wire(direct)))
  })

  test('options as the CLI takes them', async () => {
    const url =
      '/api/indicators/leadership?years=2012-2020&byYear=true&role=first&countryPolicy=hk-mo-cn&counting=full'
    const direct = await evaluate(
      store.runner,
      indicator('leadership'),
      { years: '2012-2020', byYear: true, role: 'first', countryPolicy: 'hk-mo-cn', counting: 'full' },
      await store.dataVersion(),
    )
    expectSame((await get(url)).json(), wire(direct))
    const partners = (await get('/api/indicators/partners?minCopublications=3')).json()
    expect(partners.method.options.minCopublications).toBe(3)
  })

  test('method card: explain plus the CLI command', async () => {
    const body = (await get('/api/indicators/partners/method?years=2015-2020&minCopublications=2')).json()
    const definition = indicator('partners')
    expect(body.method).toEqual(wire(explain(definition, { years: '2015-2020', minCopublications: 2 })))
    expect(body.method.sql).toContain('SELECT')
    expect(body.cli).toBe(
      'meridian indicators partners --years 2015-2020 --counting full --country-policy iso --min-copublications 2 --format json',
    )
  })

  test('matrix: counts from bilateral-matrix, normalised', async () => {
    const m = (await get('/api/indicators/bilateral-matrix')).json().rows as {
      country: string
      partner: string
      count?: number
      value: number
    }[]
    const count = (i: string, j: string) => {
      const row = m.find((r) => r.country === i && r.partner === j)
      return row?.count ?? row?.value ?? 0
    }
    const counts = (await get('/api/matrix?countries=CN,US,DE')).json()
    expect(counts.countries).toEqual(['CN', 'US', 'DE'])
    expect(counts.cells).toHaveLength(9)
    expect(counts.cells[1]).toEqual({ country: 'CN', partner: 'US', value: count('CN', 'US') })
    const salton = (await get('/api/matrix?countries=CN,US&normalization=salton')).json()
    const expected = count('CN', 'US') / Math.sqrt(count('CN', 'CN') * count('US', 'US'))
    expect(salton.cells[1].value).toBeCloseTo(expected, 12)
    // Fractional: the indicator's author-level counting (Perianes-Rodriguez et al. 2016), as PRODUCT.md defines it.
    const fractional = (await get('/api/matrix?countries=CN,US&normalization=fractional')).json()
    const direct = (await get('/api/indicators/bilateral-matrix?counting=fractional')).json()
    const cnUs = direct.rows.find(
      (r: { country: string; partner: string }) => r.country === 'CN' && r.partner === 'US',
    )
    expect(fractional.cells[1].value).toBe(cnUs.value)
    expect(fractional.method.counting).toBe('fractional')
    const top = (await get('/api/matrix')).json()
    expect(top.countries).toHaveLength(12)
  })

  test('country profile from the indicators', async () => {
    const r = await get('/api/countries/cn/profile?years=2010-2020')
    expect(r.statusCode).toBe(200)
    const body = r.json()
    const output = await evaluate(store.runner, indicator('output'), { years: '2010-2020', byYear: true })
    const rows = output.rows.filter((row) => row.country === 'CN')
    expect(body.country).toBe('CN')
    expect(body.name).toBe('China')
    expect(body.output.map((o: { value: number }) => o.value).sort()).toEqual(rows.map((o) => o.value).sort())
    expect(body.partners.top.length).toBeGreaterThan(0)
    expect(body.partners.top[0].byYear.length).toBe(body.output.length)
    expect(body.method.cli.length).toBeGreaterThan(3)
    expect((await get('/api/countries/ZZ/profile')).json().error.code).toBe('NOT_FOUND')
    expect((await get('/api/countries/ZZ/profile')).statusCode).toBe(404)
  })

  test('country profile: industry co-publication and highly cited share equal evaluate()', async () => {
    const body = (await get('/api/countries/US/profile?years=2010-2020&countryPolicy=hk-mo-cn')).json()
    const options = { years: '2010-2020', countryPolicy: 'hk-mo-cn' }
    for (const [part, id] of [
      ['industry', 'industry'],
      ['highlyCited', 'highly-cited'],
    ] as const) {
      const direct = await evaluate(store.runner, indicator(id), options)
      expectSame(body[part], wire(direct.rows.find((row) => row.country === 'US')))
    }
    expect(body.industry.academiaIndustry).toEqual(expect.any(Number))
    expect(body.highlyCited.internationalTopShare).toEqual(expect.any(Number))
    expect(body.method.indicators).toEqual(expect.arrayContaining(['industry', 'highly-cited']))
    expect(body.method.cli).toContain(
      'meridian indicators highly-cited --years 2010-2020 --counting full --country-policy hk-mo-cn --top 10 --format json',
    )
  })

  test('network: nodes laid out and clustered, links by node id', async () => {
    const r = await get('/api/networks/country?years=2010-2020&seed=3')
    expect(r.statusCode).toBe(200)
    const body = r.json()
    const ids = new Set(body.nodes.map((n: { id: string }) => n.id))
    expect(ids.size).toBeGreaterThan(5)
    for (const link of body.links) expect(ids.has(link.source) && ids.has(link.target)).toBe(true)
    expect(body.nodes[0]).toEqual(
      expect.objectContaining({
        x: expect.any(Number),
        cluster: expect.any(Number),
        weight: expect.any(Number),
      }),
    )
    expect((await get('/api/networks/planet')).json().error.field).toBe('level')
  })

  test('works: search, filter and paginate', async () => {
    const page1 = (await get('/api/works?country=US&pageSize=7')).json()
    expect(page1.works).toHaveLength(7)
    for (const w of page1.works) expect(w.countries).toContain('US')
    const page2 = (await get('/api/works?country=US&pageSize=7&page=2')).json()
    expect(page2.total).toBe(page1.total)
    expect(page2.works[0].id).not.toBe(page1.works[0].id)
    const title = String(page1.works[0].title).split(':')[0] ?? ''
    const found = (await get(`/api/works?q=${encodeURIComponent(title.toUpperCase())}`)).json()
    expect(found.works.map((w: { id: number }) => w.id)).toContain(page1.works[0].id)
    const year = (await get('/api/works?year=2015&pageSize=200')).json()
    for (const w of year.works) expect(w.year).toBe(2015)
  })
})

describe('institutions', () => {
  const at = { level: 'institution' } as const
  const row = (result: { rows: readonly Record<string, unknown>[] }, key: string) =>
    result.rows.find((r) => r.institution === key)

  test('listing: most works first, search by name or key, filter by country, paginate', async () => {
    const page1 = (await get('/api/institutions?pageSize=5')).json()
    expect(page1.institutions).toHaveLength(5)
    const [count] = await store.runner.all(raw('SELECT count(*) AS n FROM institutions'))
    expect(page1.total).toBe(Number(count?.n))
    const works = page1.institutions.map((i: { works: number }) => i.works)
    expect(works).toEqual([...works].sort((a, b) => b - a))
    const page2 = (await get('/api/institutions?pageSize=5&page=2')).json()
    expect(page2.institutions[0].institution).not.toBe(page1.institutions[0].institution)
    const first = page1.institutions[0]
    const byName = (await get(`/api/institutions?q=${encodeURIComponent(first.name.toUpperCase())}`)).json()
    expect(byName.institutions.map((i: { institution: string }) => i.institution)).toContain(
      first.institution,
    )
    const byKey = (await get(`/api/institutions?q=${first.institution}`)).json()
    expect(byKey.institutions[0].institution).toBe(first.institution)
    const inCountry = (
      await get(`/api/institutions?country=${first.country.toLowerCase()}&pageSize=200`)
    ).json()
    expect(inCountry.total).toBeGreaterThan(0)
    for (const i of inCountry.institutions) expect(i.country).toBe(first.country)
  })

  test('profile: every part equals evaluate() at institution level', async () => {
    const key = (await get('/api/institutions?pageSize=1')).json().institutions[0].institution as string
    const r = await get(`/api/institutions/${encodeURIComponent(key)}/profile?years=2010-2020`)
    expect(r.statusCode).toBe(200)
    const body = r.json()
    const options = { ...at, years: '2010-2020' }
    const run = (id: string, byYear = false) =>
      evaluate(store.runner, indicator(id), { ...options, byYear, intervals: !byYear })
    expect(body.institution).toBe(key)
    expect(body.method.level).toBe('institution')
    const output = (await run('output', true)).rows.filter((o) => o.institution === key)
    expect(body.output.map((o: { year: number; value: number }) => [o.year, o.value])).toEqual(
      output.map((o) => [o.year, o.value]).sort((a, b) => Number(a[0]) - Number(b[0])),
    )
    for (const [part, id] of [
      ['collaborationTypes', 'collaboration-types'],
      ['leadership', 'leadership'],
      ['industry', 'industry'],
      ['highlyCited', 'highly-cited'],
    ] as const)
      expectSame(body[part], wire(row(await run(id), key) ?? null), part)
    expect(body.industry.academiaIndustry).toEqual(expect.any(Number))
    const portfolio = row(await run('partners'), key)
    expect(body.partners.partners).toBe(portfolio?.value)
    const matrix = (await run('bilateral-matrix')).rows
      .filter((m) => m.institution === key && m.partner !== key)
      .sort((a, b) => Number(b.value) - Number(a.value) || String(a.partner).localeCompare(String(b.partner)))
      .slice(0, 10)
    expect(body.partners.top.map((p: { partner: string; works: number }) => [p.partner, p.works])).toEqual(
      matrix.map((m) => [m.partner, m.value]),
    )
    expect(body.partners.top[0].name).not.toBe(body.partners.top[0].partner)
    expect(body.method.cli).toContain(
      'meridian indicators industry --level institution --years 2010-2020 --counting full --country-policy iso --format json',
    )
  })

  test('profile of a ROR-keyed institution, its id URL-encoded in the path', async () => {
    const ror = toRorId('https://ror.org/05abcde12')
    const keyed = await Store.open({ path: ':memory:' })
    const run = await keyed.beginIngest()
    let openalex: string | null = null
    for (const work of generateCorpus({ works: 60, seed: 3 })) {
      openalex ??= work.authorships[0]?.affiliations[0]?.institution?.openalex ?? null
      run.add(withRor(work, openalex, ror))
    }
    await run.commit({ files: ['demo'], problems: 0, now: new Date(0) })
    const served = await createServer({ store: keyed })
    const r = await served.inject(`/api/institutions/${encodeURIComponent(String(ror))}/profile`)
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({ institution: ror, ror })
    expect(r.json().output.length).toBeGreaterThan(0)
    await served.close()
    keyed.close()
  })

  test('unknown or hostile ids -> 404 NOT_FOUND; bad listing options -> 400', async () => {
    const before = (await get('/api/status')).json().works
    for (const id of ['I0', 'https://ror.org/000000000', "I1' OR '1'='1", "'; DROP TABLE institutions;--"]) {
      const r = await get(`/api/institutions/${encodeURIComponent(id)}/profile`)
      expect(r.statusCode, id).toBe(404)
      expect(r.json().error.code).toBe('NOT_FOUND')
    }
    expect((await get('/api/institutions?q=' + encodeURIComponent("%' OR '1'='1"))).json().total).toBe(0)
    expect((await get('/api/status')).json().works).toBe(before)
    for (const [url, field] of [
      ['/api/institutions?pageSize=201', 'pageSize'],
      ['/api/institutions?page=0', 'page'],
      ['/api/institutions?country=U%27S', 'country'],
      ['/api/institutions?country=XX', 'country'],
      ['/api/institutions?q=' + 'x'.repeat(500), 'q'],
      [`/api/institutions/${'I'.repeat(400)}/profile`, 'id'],
    ] as const) {
      const r = await get(url)
      expect(r.statusCode, url).toBe(400)
      expect(r.json().error).toMatchObject({ code: 'BAD_OPTION', field })
    }
  })
})

/** The work with one institution (by OpenAlex id) given a ROR id, as a registry-matched source would have it. */
function withRor(work: Work, openalex: string | null, ror: RorId | null): Work {
  return {
    ...work,
    authorships: work.authorships.map((a) => ({
      ...a,
      affiliations: a.affiliations.map((f) =>
        f.institution && f.institution.openalex === openalex
          ? { ...f, institution: { ...f.institution, ror } }
          : f,
      ),
    })),
  }
}

describe('errors and hostile input', () => {
  test.each([
    ['/api/indicators/output?countryPolicy=iso%27%20OR%201=1--', 'countryPolicy'],
    ['/api/indicators/output?years=0-99999', 'years'],
    ['/api/indicators/output?years=2020-2010', 'years'],
    ['/api/indicators/output?byYear=yes', 'byYear'],
    ['/api/indicators/partners?minCopublications=abc', 'minCopublications'],
    ['/api/indicators/partners?minCopublications=1e99', 'minCopublications'],
    ['/api/matrix?countries=CN,XX', 'countries'],
    ['/api/matrix?countries=CN%27);DROP%20TABLE%20works;--', 'countries'],
    ['/api/matrix?normalization=cosine', 'normalization'],
    ['/api/works?pageSize=1000000000', 'pageSize'],
    ['/api/works?page=0', 'page'],
    ['/api/works?country=U%27S', 'country'],
    ['/api/works?q=' + 'x'.repeat(5000), 'q'],
  ])('%s -> 400 BAD_OPTION naming %s', async (url, field) => {
    const r = await get(url)
    expect(r.statusCode).toBe(400)
    expect(r.json().error).toMatchObject({ code: 'BAD_OPTION', field })
  })

  test('a counting the indicator does not offer -> 400 naming counting', async () => {
    const definition = INDICATORS.find((d) => !d.countings.includes('author-appearance'))
    const r = await get(`/api/indicators/${definition?.id}?counting=author-appearance`)
    expect(r.statusCode).toBe(400)
    expect(r.json().error).toMatchObject({ code: 'BAD_OPTION', field: 'counting' })
  })

  test('SQL in the search text is only text', async () => {
    const before = (await get('/api/status')).json().works
    const r = await get(`/api/works?q=${encodeURIComponent("'; DROP TABLE works;--")}`)
    expect(r.statusCode).toBe(200)
    expect(r.json().total).toBe(0)
    expect((await get(`/api/works?q=${encodeURIComponent("%' OR '1'='1")}`)).json().total).toBe(0)
    expect((await get('/api/status')).json().works).toBe(before)
  })

  test('unknown indicator and route -> 404 NOT_FOUND', async () => {
    for (const url of ['/api/indicators/nope', '/api/indicators/nope/method', '/api/nothing']) {
      const r = await get(url)
      expect(r.statusCode).toBe(404)
      expect(r.json().error.code).toBe('NOT_FOUND')
    }
  })

  test('a store that fails -> 503 STORE_UNAVAILABLE', async () => {
    const broken = await Store.open({ path: ':memory:' })
    const failing = await createServer({ store: broken })
    broken.close()
    const r = await failing.inject('/api/indicators/output')
    expect(r.statusCode).toBe(503)
    expect(r.json().error.code).toBe('STORE_UNAVAILABLE')
    expect(r.headers['cache-control']).toBe('no-store')
    await failing.close()
  })
})

describe('OpenAPI', () => {
  test('an OpenAPI 3 document whose paths are the routes', async () => {
    const r = await get('/openapi.json')
    expect(r.statusCode).toBe(200)
    const doc = r.json()
    expect(doc.openapi).toMatch(/^3\./)
    expect(doc.info.title).toBeTruthy()
    const routes = app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((line) => line.includes('/api/'))
    expect(routes.length).toBeGreaterThan(0)
    const institution = (await get('/api/institutions?pageSize=1')).json().institutions[0].institution
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/capabilities',
      '/api/countries/{code}/profile',
      '/api/expertise/{level}',
      '/api/experts',
      '/api/indicators',
      '/api/indicators/{id}',
      '/api/indicators/{id}/method',
      '/api/institutions',
      '/api/institutions/{id}/profile',
      '/api/matrix',
      '/api/networks/{level}',
      '/api/partners/{level}',
      '/api/partners/{level}/backtest',
      '/api/status',
      '/api/works',
    ])
    for (const [path, item] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(
      doc.paths,
    )) {
      const url = path
        .replace('{code}', 'CN')
        .replace('institutions/{id}', `institutions/${institution}`)
        .replace('{id}', 'output')
        .replace('{level}', 'country')
        .replace(/^\/api\/partners\/country$/, '/api/partners/country?unit=CN&limit=3')
        .replace('/api/expertise/country', '/api/expertise/country?unit=CN')
        .replace('/api/experts', '/api/experts?q=materials')
      expect((await get(url)).statusCode, url).toBe(200)
      expect(item.get?.responses['200'], path).toBeDefined()
      expect(item.get?.responses['400'], path).toBeDefined()
    }
    expect(doc.components.schemas.IndicatorResult).toBeDefined()
    expect((await get('/docs')).statusCode).toBe(200)
  })
})

describe('caching and compression', () => {
  test('ETag from the data version and URL; 304 on If-None-Match', async () => {
    const url = '/api/indicators/output?years=2015-2020'
    const first = await get(url)
    const etag = String(first.headers.etag)
    expect(etag).toMatch(/^W\/"/)
    expect(first.headers['cache-control']).toContain('must-revalidate')
    const again = await get(url, { 'if-none-match': etag })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    const cached = await get(url)
    expect(cached.body).toBe(first.body)
    expect((await get('/api/indicators/output?years=2015-2021')).headers.etag).not.toBe(etag)
  })

  test('compressed when asked', async () => {
    const r = await get('/api/indicators/bilateral-matrix', { 'accept-encoding': 'gzip' })
    expect(r.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(gunzipSync(r.rawPayload).toString()).indicator).toBe('bilateral-matrix')
  })

  test('new data, new ETag, fresh numbers', async () => {
    const url = '/api/status'
    const before = await get(url)
    const run = await store.beginIngest()
    for (const work of generateCorpus({ works: 50, seed: 99 })) run.add(work)
    await run.commit({ files: ['more'], problems: 0, now: new Date(1) })
    const after = await get(url, { 'if-none-match': String(before.headers.etag) })
    expect(after.statusCode).toBe(200)
    expect(after.json().works).toBeGreaterThan(before.json().works)
  })
})

describe('web root', () => {
  test('serves the dashboard and its client-side routes; the API stays JSON', async () => {
    const root = mkdtempSync(join(tmpdir(), 'meridian-web-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Meridian</title>')
    const web = await createServer({ store, webRoot: root })
    expect((await web.inject('/')).body).toContain('<title>Meridian</title>')
    expect((await web.inject('/countries/CN')).body).toContain('<title>Meridian</title>')
    expect((await web.inject('/api/nothing')).json().error.code).toBe('NOT_FOUND')
    expect((await web.inject('/missing.js')).statusCode).toBe(404)
    await web.close()
  })
})
