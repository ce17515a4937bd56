import { closeTestEngines, ENGINES } from '@meridian/state/testing'
import type { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDemoStore } from './demo-store.test-util.js'
import { steerApiFixture } from './steer-api.test-util.js'

let store: Store
beforeAll(async () => {
  store = await openDemoStore(200, 5)
})
afterAll(async () => {
  store.close()
  await closeTestEngines()
})

const PROGRAMME = { title: 'Joint lab programme (synthetic)', countries: ['DE'] }

describe.each(ENGINES)('output link API on $name', (engine) => {
  it('links a programme to outputs by its owners only, audited; lists the linked works; unlinks', async () => {
    const { app, as, auditCount } = await steerApiFixture(engine, store)
    const paths = Object.keys((await app.inject('/openapi.json')).json().paths as object)
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/programmes/{id}/outputs',
        '/api/programmes/{id}/links',
        '/api/output-links/{id}',
      ]),
    )
    const programme = (
      await as('pm', { method: 'POST', url: '/api/programmes', payload: PROGRAMME })
    ).json() as { id: number }
    const works = (await as('viewer', { url: '/api/works?pageSize=3' })).json() as {
      works: { id: number; doi: string }[]
    }
    const dois = works.works.map((w) => w.doi)
    const url = `/api/programmes/${programme.id}/links`
    const link = { method: 'doi-list', dois, note: 'the launch papers' }
    const before = await auditCount()
    const refused = [
      await as('analyst', { method: 'POST', url, payload: link }),
      await as('viewer', { method: 'POST', url, payload: link }),
      await as('other', { method: 'POST', url, payload: link }),
      await as('pm', { method: 'POST', url: '/api/programmes/999/links', payload: link }),
    ]
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403, 404])
    expect(await auditCount()).toBe(before)
    const created = await as('pm', { method: 'POST', url, payload: link })
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({ method: 'doi-list', dois, createdBy: 'pm@example.org' })
    expect(await auditCount()).toBe(before + 1)
    const outputs = await as('analyst', { url: `/api/programmes/${programme.id}/outputs?limit=2` })
    expect(outputs.statusCode, outputs.body).toBe(200)
    expect(outputs.json()).toMatchObject({
      programmeId: programme.id,
      links: [{ method: 'doi-list', matched: 3, problem: null }],
      total: 3,
      limit: 2,
      offset: 0,
    })
    const page = outputs.json() as { works: { id: number; doi: string }[] }
    expect(page.works).toHaveLength(2)
    const rest = (
      await as('viewer', { url: `/api/programmes/${programme.id}/outputs?limit=2&offset=2` })
    ).json() as { works: { id: number; doi: string }[] }
    expect(new Set([...page.works, ...rest.works].map((w) => w.id))).toEqual(
      new Set(works.works.map((w) => w.id)),
    )
    expect((await as('viewer', { url: `/api/programmes/${programme.id}/outputs?limit=0` })).statusCode).toBe(
      400,
    )
    const id = (created.json() as { id: number }).id
    expect((await as('analyst', { method: 'DELETE', url: `/api/output-links/${id}` })).statusCode).toBe(403)
    expect((await as('pm', { method: 'DELETE', url: '/api/output-links/999' })).statusCode).toBe(404)
    expect(await auditCount()).toBe(before + 1)
    expect((await as('pm', { method: 'DELETE', url: `/api/output-links/${id}` })).statusCode).toBe(204)
    expect(await auditCount()).toBe(before + 2)
    expect((await as('viewer', { url: `/api/programmes/${programme.id}/outputs` })).json()).toMatchObject({
      links: [],
      total: 0,
      works: [],
    })
  })

  it('a bad link body is 422 naming the field, and writes nothing', async () => {
    const { as, auditCount } = await steerApiFixture(engine, store)
    const programme = (
      await as('pm', { method: 'POST', url: '/api/programmes', payload: PROGRAMME })
    ).json() as { id: number }
    const url = `/api/programmes/${programme.id}/links`
    const before = await auditCount()
    const bad = async (payload: object) => {
      const response = await as('pm', { method: 'POST', url, payload })
      const { error } = response.json() as { error: { code: string; field?: string } }
      return { status: response.statusCode, code: error.code, field: error.field }
    }
    expect(await bad({ method: 'by-magic' })).toMatchObject({ status: 422, field: 'method' })
    expect(await bad({ method: 'doi-list', dois: 'not a list' })).toMatchObject({
      status: 422,
      field: 'dois',
    })
    expect(await bad({ method: 'funder-award' })).toMatchObject({
      status: 422,
      code: 'INVALID_VALUE',
      field: 'link.funder',
    })
    expect(await bad({ method: 'funder-award', funder: 'Some Agency' })).toMatchObject({
      status: 422,
      field: 'link.funder',
    })
    expect(await bad({ method: 'doi-list', dois: ['not a doi'] })).toMatchObject({
      status: 422,
      field: 'link.dois[0]',
    })
    expect(
      await bad({ method: 'institutions-period', institutions: ['https://ror.org/02mhbdp94'] }),
    ).toMatchObject({ status: 422, field: 'link.institutions' })
    expect(await auditCount()).toBe(before)
    const ok = await as('pm', {
      method: 'POST',
      url,
      payload: { method: 'funder-award', funder: 'https://openalex.org/F4320306076', awardIds: ['A-1'] },
    })
    expect(ok.statusCode, ok.body).toBe(201)
  })
})
