import { existsSync } from 'node:fs'
import { DEFAULT_CHROMIUM, formatNumber, MESSAGES } from '@meridian/report'
import { closeTestEngines, ENGINES } from '@meridian/state/testing'
import type { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from './create-server.js'
import { openDemoStore } from './demo-store.test-util.js'
import { steerApiFixture } from './steer-api.test-util.js'

const CHROMIUM = process.env.MERIDIAN_CHROMIUM ?? DEFAULT_CHROMIUM
/** A synthetic ROR id: the participant has no works in the demo store, the comparison group is matched. */
const participant = 'https://ror.org/0aaaaaa11'
const HAVE_CHROMIUM = existsSync(CHROMIUM)
if (!HAVE_CHROMIUM) console.warn(`report API: PDF checks skipped, no Chromium at ${CHROMIUM}`)
let store: Store
let country: string

beforeAll(async () => {
  store = await openDemoStore(300, 3)
  const app = await createServer({ store })
  const output = await app.inject('/api/indicators/output?intervals=false')
  country = output.json<{ rows: { country: string }[] }>().rows[0]?.country ?? ''
  await app.close()
})
afterAll(async () => {
  store.close()
  await closeTestEngines()
})

async function fixture(engine: (typeof ENGINES)[number], chromium?: string) {
  const { app, as, auditCount } = await steerApiFixture(engine, store, chromium ? { chromium } : {})
  const programme = (
    await as('pm', {
      method: 'POST',
      url: '/api/programmes',
      payload: {
        title: 'Report API programme (synthetic)',
        startDate: '2019-01-01',
        countries: ['DE'],
        entities: [{ key: 'a', name: 'Participant A', role: 'lead', rorId: participant }],
        milestones: [{ title: 'Review', dueDate: '2020-06-30', responsible: 'a', status: 'late' }],
      },
    })
  ).json<{ id: number; entities: { id: number }[] }>()
  const kpi = await as('pm', {
    method: 'POST',
    url: `/api/programmes/${programme.id}/kpis`,
    payload: {
      indicator: 'output',
      options: { years: '2019-2022', counting: 'fractional' },
      scope: { kind: 'country', country },
      baseline: { period: '2015-2018' },
      target: { value: 1000, date: '2030-12-31' },
      owner: 'Participant A',
    },
  })
  expect(kpi.statusCode, kpi.body).toBe(201)
  return { app, as, programme, auditCount }
}

/** The cells of a table of the HTML report, row by row. */
const cells = (html: string, key: string) =>
  [
    ...(new RegExp(`<table data-table="${key}">(.*?)</table>`).exec(html)?.[1] ?? '').matchAll(
      /<tr>(.*?)<\/tr>/g,
    ),
  ]
    .slice(1)
    .map((r) => [...(r[1] ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]))

describe.each(ENGINES)('report and milestone API on $name', (engine) => {
  it('reports the KPI figures of the KPI route in HTML and CSV, uncached, in the OpenAPI document', async () => {
    const { app, as, programme } = await fixture(engine)
    const paths = Object.keys((await app.inject('/openapi.json')).json().paths as object)
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/programmes/{id}/report',
        '/api/programmes/{id}/evaluation',
        '/api/programmes/{id}/milestones',
      ]),
    )
    const url = `/api/programmes/${programme.id}/report`
    for (const path of [url, `/api/programmes/${programme.id}/evaluation`])
      expect((await app.inject(path)).statusCode).toBe(401)
    const [kpi] = (await as('viewer', { url: `/api/programmes/${programme.id}/kpis` })).json<
      { baseline: { value: number }; actual: number; target: { value: number } }[]
    >()
    const html = await as('viewer', { url })
    expect(html.statusCode, html.body).toBe(200)
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(html.headers['content-disposition']).toMatch(/^inline;/)
    expect(html.headers.etag).toBeUndefined()
    expect(html.headers['cache-control']).toBe('private, no-store')
    // The dashboard frames it (same origin, sandboxed): inline styles allowed, framing by the page itself.
    expect(html.headers['content-security-policy']).toMatch(/style-src 'self' 'unsafe-inline'/)
    expect(html.headers['content-security-policy']).toMatch(/frame-ancestors 'self'/)
    expect(html.headers['x-frame-options']).toBe('SAMEORIGIN')
    const [row] = cells(html.body, 'kpis')
    expect([row?.[3], row?.[4], row?.[6]]).toEqual(
      [kpi?.baseline.value, kpi?.target.value, kpi?.actual].map((v) => formatNumber(v)),
    )
    const csv = await as('viewer', { url: `${url}?format=csv` })
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="programme-${programme.id}-report-en.csv"`,
    )
    const kpiRow = /# KPIs\r\n[^\r]*\r\n([^\r]*)\r\n/.exec(csv.body)?.[1]?.split(',') ?? []
    expect(kpiRow.slice(3, 7).map(Number)).toEqual([kpi?.baseline.value, kpi?.target.value, NaN, kpi?.actual])
    const xlsx = await as('viewer', { url: `${url}?format=xlsx&lang=zh` })
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK')
    expect((await as('viewer', { url: `${url}?format=doc` })).statusCode).toBe(400)
    expect((await as('viewer', { url: '/api/programmes/999/report' })).statusCode).toBe(404)
  })

  it('writes the Chinese report with no English label left', async () => {
    const { as, programme } = await fixture(engine)
    const html = (await as('viewer', { url: `/api/programmes/${programme.id}/report?lang=zh` })).body
    const visible = html
      .replace(/<style>.*?<\/style>/s, ' ')
      .replace(/<[^>]+>/g, ' ')
      .split(/Report API programme \(synthetic\)|Participant A/)
      .join(' ')
    const zh = MESSAGES.zh as Record<string, string>
    const left = Object.entries(MESSAGES.en).flatMap(([key, text]) => {
      const fixed = text.split(/\{\w+\}/).map((part) => part.trim())
      return zh[key] !== text && fixed.some((part) => part.length > 3 && visible.includes(part)) ? [key] : []
    })
    expect(left).toEqual([])
    expect(visible).toContain('关键绩效指标')
  })

  it.skipIf(!HAVE_CHROMIUM)('prints the PDF (five pages) as an attachment; no Chromium is 503', async () => {
    const { as, programme } = await fixture(engine, CHROMIUM)
    const pdf = await as('viewer', { url: `/api/programmes/${programme.id}/report?format=pdf&lang=zh` })
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.headers['content-disposition']).toBe(
      `attachment; filename="programme-${programme.id}-report-zh.pdf"`,
    )
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.rawPayload.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(5)
    const missing = await fixture(engine, '/nonexistent/chromium')
    const refused = await missing.as('pm', {
      url: `/api/programmes/${missing.programme.id}/report?format=pdf`,
    })
    expect([refused.statusCode, refused.json().error.code]).toEqual([503, 'RENDERER_UNAVAILABLE'])
  })

  it("evaluates the programme's participants with the options of the query", async () => {
    const { as, programme } = await fixture(engine)
    const url = `/api/programmes/${programme.id}/evaluation`
    const evaluation = await as('viewer', { url: `${url}?indicators=output&k=2&resamples=200&seed=3` })
    expect(evaluation.statusCode, evaluation.body).toBe(200)
    expect(evaluation.json()).toMatchObject({
      programmeId: programme.id,
      pre: { from: 2015, to: 2018 },
      participants: [{ institution: participant }],
      comparison: { mode: 'matched', k: 2 },
      indicators: [{ indicator: 'output', method: { counting: expect.any(String) } }],
      bootstrap: { resamples: 200, seed: 3 },
    })
    const refused = await Promise.all(
      [`${url}?k=0`, `${url}?pre=2020-2015`, `${url}?comparison=${encodeURIComponent(participant)}`].map(
        (u) => as('viewer', { url: u }),
      ),
    )
    expect(refused.map((r) => r.statusCode)).toEqual([400, 400, 400])
  })

  it("adds milestones to its owner's programmes only, each with one audit row", async () => {
    const { app, as, programme, auditCount } = await fixture(engine)
    const url = `/api/programmes/${programme.id}/milestones`
    const payload = {
      title: 'Joint call',
      dueDate: '2027-03-31',
      responsibleEntityId: programme.entities[0]?.id,
    }
    const before = await auditCount()
    const refused = [
      await app.inject({ method: 'POST', url, payload }),
      await as('other', { method: 'POST', url, payload }),
      await as('viewer', { method: 'POST', url, payload }),
      await as('pm', { method: 'POST', url, payload: { ...payload, dueDate: '2027-02-30' } }),
      await as('pm', { method: 'POST', url, payload: { ...payload, responsibleEntityId: 99_999 } }),
      await as('pm', { method: 'POST', url: '/api/programmes/999/milestones', payload }),
    ]
    expect(refused.map((r) => r.statusCode)).toEqual([401, 403, 403, 422, 422, 404])
    expect(await auditCount()).toBe(before)
    const added = await as('pm', { method: 'POST', url, payload })
    expect(added.statusCode, added.body).toBe(201)
    expect(added.json()).toMatchObject({
      title: 'Joint call',
      status: 'planned',
      history: [{ to: 'planned' }],
    })
    expect(await auditCount()).toBe(before + 1)
    const read = await as('viewer', { url: `/api/programmes/${programme.id}` })
    expect(read.json<{ milestones: { title: string }[] }>().milestones.map((m) => m.title)).toEqual([
      'Review',
      'Joint call',
    ])
  })
})
