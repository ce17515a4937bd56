import { sql } from '@meridian/indicators'
import { afterEach, describe, expect, it } from 'vitest'
import { Store } from './store.js'
import { inst, work } from './fixtures.test-util.js'

const tsinghua = inst('I1', 'CN')
const pku = inst('I2', 'CN')
const mit = inst('I3', 'US')
const oxford = inst('I4', 'GB')
const hku = inst('I5', 'HK')
const acme = inst('I6', 'US', 'company')
const now = new Date('2026-01-01T00:00:00Z')

// w1: CN + US, reprint in US; w2: two CN institutions; w3: one GB institution; w4: CN + HK (one country under hk-mo-cn)
const corpus = [
  work('10.1000/w1', [[tsinghua], [mit, acme]], { reprint: 'US' }),
  work('10.1000/w2', [[tsinghua], [pku]], { corresponding: [1] }),
  work('10.1000/w3', [[oxford], [oxford]]),
  work('10.1000/w4', [[hku], [tsinghua]]),
]

async function ingest(store: Store, works = corpus) {
  const run = await store.beginIngest()
  for (const w of works) run.add(w)
  return run.commit({ files: ['test.jsonl'], problems: 0, now })
}

let store: Store | undefined
afterEach(() => store?.close())

describe('Store', () => {
  it('stores works and computes per-policy facts', async () => {
    store = await Store.open({ path: ':memory:' })
    expect(await ingest(store)).toMatchObject({
      added: 4,
      duplicatesOfStore: 0,
      duplicatesInRun: 0,
      recordsRead: 4,
    })
    const facts = await store.runner.all(sql`SELECT w.doi, f.collab_type, f.n_countries, f.n_institutions,
      f.industry, f.corresponding_country, f.corresponding_basis FROM work_facts f JOIN works w USING (work_id)
      WHERE f.policy = 'iso' ORDER BY w.doi`)
    expect(facts).toEqual([
      {
        doi: '10.1000/w1',
        collab_type: 'international',
        n_countries: 2,
        n_institutions: 3,
        industry: true,
        corresponding_country: 'US',
        corresponding_basis: 'reprint',
      },
      {
        doi: '10.1000/w2',
        collab_type: 'domestic',
        n_countries: 1,
        n_institutions: 2,
        industry: false,
        corresponding_country: 'CN',
        corresponding_basis: 'flagged',
      },
      {
        doi: '10.1000/w3',
        collab_type: 'single-institution',
        n_countries: 1,
        n_institutions: 1,
        industry: false,
        corresponding_country: 'GB',
        corresponding_basis: 'first-address',
      },
      {
        doi: '10.1000/w4',
        collab_type: 'international',
        n_countries: 2,
        n_institutions: 2,
        industry: false,
        corresponding_country: 'HK',
        corresponding_basis: 'first-address',
      },
    ])
    const w4 = await store.runner.all(sql`SELECT f.policy, f.n_countries, f.collab_type FROM work_facts f
      JOIN works w USING (work_id) WHERE w.doi = '10.1000/w4' ORDER BY f.policy`)
    expect(w4).toEqual([
      { policy: 'bibliometrix', n_countries: 2, collab_type: 'international' },
      { policy: 'hk-mo-cn', n_countries: 1, collab_type: 'domestic' },
      { policy: 'iso', n_countries: 2, collab_type: 'international' },
    ])
  })

  it('splits author-level fractional weights so each work sums to 1', async () => {
    store = await Store.open({ path: ':memory:' })
    await ingest(store)
    // w1: author 0 (CN) gets 1/2; author 1 splits 1/2 over MIT and Acme, both US: US 1/2.
    const rows = await store.runner.all(sql`SELECT w.doi, c.country, c.fractional, c.is_first, c.is_last,
      c.is_corresponding FROM work_countries c JOIN works w USING (work_id)
      WHERE c.policy = 'iso' AND w.doi = '10.1000/w1' ORDER BY c.country`)
    expect(rows).toEqual([
      {
        doi: '10.1000/w1',
        country: 'CN',
        fractional: 0.5,
        is_first: true,
        is_last: false,
        is_corresponding: false,
      },
      {
        doi: '10.1000/w1',
        country: 'US',
        fractional: 0.5,
        is_first: false,
        is_last: true,
        is_corresponding: true,
      },
    ])
    const sums = await store.runner
      .all(sql`SELECT work_id, round(sum(fractional), 9) AS total FROM work_countries
      WHERE policy = 'iso' GROUP BY work_id HAVING round(sum(fractional), 9) <> 1`)
    expect(sums).toEqual([])
  })

  it('adds nothing when the same records are ingested again, or repeated within a run', async () => {
    store = await Store.open({ path: ':memory:' })
    await ingest(store)
    expect(await ingest(store)).toMatchObject({ added: 0, duplicatesOfStore: 4 })
    expect(await ingest(store, [work('10.1000/w9', [[mit]]), work('10.1000/W9', [[oxford]])])).toMatchObject({
      added: 1,
      duplicatesInRun: 1,
    })
    expect((await store.status()).works).toBe(5)
  })

  it('leaves the store exactly as it was when a run is rolled back', async () => {
    store = await Store.open({ path: ':memory:' })
    await ingest(store)
    const before = await store.status()
    const run = await store.beginIngest()
    run.add(work('10.1000/w8', [[mit]]))
    await run.rollback()
    expect(await store.status()).toEqual(before)
    expect(await ingest(store, [work('10.1000/w8', [[mit]])])).toMatchObject({ added: 1 })
  })

  it('summarises the store', async () => {
    store = await Store.open({ path: ':memory:' })
    await ingest(store)
    expect(await store.status()).toMatchObject({ works: 4, worksWithCountry: 4, internationalWorks: 2 })
    expect((await store.status({ policy: 'hk-mo-cn' })).internationalWorks).toBe(1)
    expect(await store.dataVersion()).toEqual({
      ingests: 1,
      lastIngestAt: now.toISOString(),
      works: 4,
      patents: 0,
      registry: null,
      synthetic: false,
      revision: 1,
      overrides: null,
    })
  })
})

describe('Store identity', () => {
  it('keeps two records apart when they share a DOI but have different WoS UTs', async () => {
    store = await Store.open({ path: ':memory:' })
    const a = work('10.1000/review', [[mit]])
    const b = work('10.1000/review', [[oxford]])
    const withUt = (w: typeof a, ut: string) => ({ ...w, ids: { ...w.ids, wos: ut as never } })
    expect(await ingest(store, [withUt(a, 'A1'), withUt(b, 'A2')])).toMatchObject({
      added: 2,
      duplicatesInRun: 0,
    })
    expect(await ingest(store, [withUt(a, 'A1')])).toMatchObject({ added: 0, duplicatesOfStore: 1 })
  })
})

describe('Store facts for institutions and distance', () => {
  it('computes institution weights and the largest great-circle distance between geocoded institutions', async () => {
    store = await Store.open({ path: ':memory:' })
    // Haversine, R = 6371.01 km, checked with Python's math: Beijing-Boston 10836.8, Beijing-Oxford 8177.6,
    // Boston-Oxford 5181.6 km; the largest is Beijing-Boston.
    const beijing = inst('I10', 'CN', 'education', [39.9042, 116.4074])
    const boston = inst('I11', 'US', 'education', [42.3601, -71.0589])
    const oxfordGeo = inst('I12', 'GB', 'education', [51.752, -1.2577])
    await ingest(store, [
      work('10.1000/far', [[beijing], [boston, oxfordGeo]]),
      work('10.1000/one', [[oxfordGeo], [oxfordGeo]]),
      work('10.1000/none', [[mit]]),
    ])
    const rows = await store.runner.all(sql`SELECT w.doi, f.geocoded, round(f.max_distance_km) AS km
      FROM work_facts f JOIN works w USING (work_id) WHERE f.policy = 'iso' ORDER BY w.doi`)
    expect(rows).toEqual([
      { doi: '10.1000/far', geocoded: 3, km: 10837 },
      { doi: '10.1000/none', geocoded: 0, km: null },
      { doi: '10.1000/one', geocoded: 1, km: null },
    ])
    const weights = await store.runner.all(sql`SELECT i.institution_key, i.fractional, i.is_first, i.is_last
      FROM work_institutions i JOIN works w USING (work_id) WHERE w.doi = '10.1000/far' ORDER BY 1`)
    expect(weights).toEqual([
      { institution_key: 'I10', fractional: 0.5, is_first: true, is_last: false },
      { institution_key: 'I11', fractional: 0.25, is_first: false, is_last: true },
      { institution_key: 'I12', fractional: 0.25, is_first: false, is_last: true },
    ])
  })
})
