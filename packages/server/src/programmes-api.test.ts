import { closeTestEngines, ENGINES } from '@meridian/state/testing'
import type { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDemoStore } from './demo-store.test-util.js'
import { steerApiFixture } from './steer-api.test-util.js'

let store: Store

beforeAll(async () => {
  store = await openDemoStore(300, 3)
})
afterAll(async () => {
  store.close()
  await closeTestEngines()
})

const PROGRAMME = {
  title: 'Joint lab programme (synthetic)',
  countries: ['DE'],
  partnerCountries: ['CN'],
  entities: [{ key: 'lead', name: 'Lead agency', role: 'lead' }],
  milestones: [{ title: 'Lab opens', dueDate: '2024-06-30', responsible: 'lead' }],
  outputLinks: [{ method: 'funder-award', funder: 'Synthetic Funder', awardIds: ['A-1'] }],
}

const fixture = (engine: (typeof ENGINES)[number]) => steerApiFixture(engine, store)

describe.each(ENGINES)('programme API on $name', (engine) => {
  it('registers, reads and changes programmes by their owners only, each write with one audit row', async () => {
    const { app, as, auditCount } = await fixture(engine)
    expect((await app.inject('/api/programmes')).statusCode).toBe(401)
    const paths = Object.keys((await app.inject('/openapi.json')).json().paths as object)
    expect(paths).toEqual(expect.arrayContaining(['/api/programmes', '/api/programmes/{id}/kpis']))
    const before = await auditCount()
    const created = await as('pm', { method: 'POST', url: '/api/programmes', payload: PROGRAMME })
    expect(created.statusCode, created.body).toBe(201)
    expect(await auditCount()).toBe(before + 1)
    const programme = created.json() as { id: number; milestones: { id: number }[] }
    const listed = await as('viewer', { url: '/api/programmes' })
    expect(listed.json()).toMatchObject([{ id: programme.id, title: PROGRAMME.title }])
    expect(listed.headers.etag).toBeUndefined()
    expect((await as('viewer', { url: `/api/programmes/${programme.id}` })).json()).toMatchObject({
      outputLinks: [{ method: 'funder-award', awardIds: ['A-1'] }],
    })
    const milestone = `/api/milestones/${programme.milestones[0]?.id}`
    const change = { method: 'PATCH' as const, url: milestone, payload: { status: 'done', note: 'opened' } }
    expect((await as('other', change)).statusCode).toBe(403)
    expect((await as('viewer', change)).statusCode).toBe(403)
    const done = await as('pm', change)
    expect(done.json()).toMatchObject({
      status: 'done',
      history: [{ to: 'planned' }, { from: 'planned', to: 'done' }],
    })
    expect(await auditCount()).toBe(before + 2)
    const refused = [
      await as('pm', {
        method: 'POST',
        url: '/api/programmes',
        payload: { ...PROGRAMME, countries: ['XX'] },
      }),
      await as('pm', { method: 'POST', url: '/api/programmes', payload: { countries: ['DE'] } }),
      await as('other', { method: 'DELETE', url: `/api/programmes/${programme.id}` }),
      await as('pm', { method: 'DELETE', url: '/api/programmes/999' }),
    ]
    expect(refused.map((r) => r.statusCode)).toEqual([422, 422, 403, 404])
    expect(await auditCount()).toBe(before + 2)
    expect((await as('pm', { method: 'DELETE', url: `/api/programmes/${programme.id}` })).statusCode).toBe(
      204,
    )
    expect(await auditCount()).toBe(before + 3)
  })

  it("adds a KPI whose actual is the indicator API's value for the same options; refresh is idempotent", async () => {
    const { as } = await fixture(engine)
    const programme = (
      await as('pm', { method: 'POST', url: '/api/programmes', payload: PROGRAMME })
    ).json() as {
      id: number
    }
    const indicator = (
      await as('viewer', { url: '/api/indicators/international-share?years=2018-2024&intervals=false' })
    ).json() as { rows: { country: string; value: number }[] }
    const country = indicator.rows[0]?.country ?? ''
    const kpi = {
      indicator: 'international-share',
      options: { years: '2018-2024' },
      scope: { kind: 'country', country },
      baseline: { period: '2015-2017' },
      target: { value: 0.8, date: '2030-12-31' },
      owner: 'Lead agency',
    }
    const url = `/api/programmes/${programme.id}/kpis`
    expect((await as('other', { method: 'POST', url, payload: kpi })).statusCode).toBe(403)
    const added = await as('pm', { method: 'POST', url, payload: kpi })
    expect(added.statusCode, added.body).toBe(201)
    expect(added.json()).toMatchObject({ actual: indicator.rows[0]?.value, baseline: { source: 'computed' } })
    const listed = (await as('viewer', { url })).json() as { indicator: string; status: string }[]
    expect(listed).toMatchObject([
      { indicator: 'international-share', status: expect.stringMatching(/track|risk/) },
    ])
    expect((await as('pm', { method: 'POST', url: `${url}/refresh` })).json()).toEqual({
      refreshed: 0,
      unchanged: 1,
    })
    expect((await as('viewer', { method: 'POST', url: `${url}/refresh` })).statusCode).toBe(403)
    expect((await as('pm', { method: 'POST', url, payload: { ...kpi, indicator: 'nope' } })).statusCode).toBe(
      404,
    )
  })

  it('adds a milestone KPI (programme scope) with a method card the schema accepts; refresh follows a status change', async () => {
    const { as } = await fixture(engine)
    const created = await as('pm', {
      method: 'POST',
      url: '/api/programmes',
      payload: {
        title: 'Milestone KPI programme (synthetic)',
        entities: [{ key: 'lead', name: 'Lead agency', role: 'lead' }],
        milestones: [
          { title: 'Lab opens', dueDate: '2024-06-30', responsible: 'lead', status: 'done' },
          { title: 'First call', dueDate: '2030-06-30', responsible: 'lead' },
        ],
      },
    })
    const programme = created.json() as { id: number; milestones: { id: number }[] }
    const url = `/api/programmes/${programme.id}/kpis`
    const kpi = {
      indicator: 'milestones-done',
      scope: { kind: 'programme' },
      baseline: { period: '2024', value: 0 },
      target: { value: 1, date: '2030-12-31' },
      owner: 'Lead agency',
    }
    const added = await as('pm', { method: 'POST', url, payload: kpi })
    expect(added.statusCode, added.body).toBe(201)
    expect(added.json()).toMatchObject({
      actual: 0.5,
      coverage: null,
      method: { counting: 'not-applicable', sql: '', definition: expect.stringMatching(/milestones/) },
    })
    const wrong = await as('pm', {
      method: 'POST',
      url,
      payload: { ...kpi, scope: { kind: 'country', country: 'DE' } },
    })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_VALUE', field: 'kpi.scope.kind' } })
    const change = { status: 'done' }
    const second = `/api/milestones/${programme.milestones[1]?.id}`
    expect((await as('pm', { method: 'PATCH', url: second, payload: change })).statusCode).toBe(200)
    expect((await as('pm', { method: 'POST', url: `${url}/refresh` })).json()).toEqual({
      refreshed: 1,
      unchanged: 0,
    })
    expect((await as('viewer', { url })).json()).toMatchObject([{ actual: 1, status: 'on-track' }])
  })

  it('adds CONNECT KPIs (programme or country-pair scope) counted from the marketplace, with their method card', async () => {
    const { as } = await fixture(engine)
    const created = await as('pm', { method: 'POST', url: '/api/programmes', payload: PROGRAMME })
    const url = `/api/programmes/${(created.json() as { id: number }).id}/kpis`
    const kpi = {
      indicator: 'connect-agreements',
      scope: { kind: 'country-pair', country: 'DE', partner: 'CN' },
      baseline: { period: '2024' },
      target: { value: 3, date: '2030-12-31' },
      owner: 'Lead agency',
    }
    const added = await as('pm', { method: 'POST', url, payload: kpi })
    expect(added.statusCode, added.body).toBe(201)
    // No record names the programme yet: nothing counted, the baseline computed as 0.
    expect(added.json()).toMatchObject({
      actual: 0,
      baseline: { value: 0, source: 'computed' },
      coverage: null,
      method: { counting: 'not-applicable', sql: '', definition: expect.stringMatching(/marketplace/) },
    })
    const introductions = { ...kpi, indicator: 'connect-introductions', scope: { kind: 'programme' } }
    expect((await as('pm', { method: 'POST', url, payload: introductions })).statusCode).toBe(201)
    const wrong = await as('pm', {
      method: 'POST',
      url,
      payload: { ...kpi, scope: { kind: 'country', country: 'DE' } },
    })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json()).toMatchObject({ error: { code: 'INVALID_VALUE', field: 'kpi.scope.kind' } })
  })
})
