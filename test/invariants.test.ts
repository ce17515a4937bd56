import { generateCorpus } from '@meridian/demo'
import { evaluate, indicator, INDICATORS, sql, type IndicatorRow } from '@meridian/indicators'
import { ingestFiles } from '@meridian/io'
import { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HAVE_SHARED_DATA, shared } from './shared-data.js'

// Invariants that hold for any corpus, checked on the demo corpus and on a real Web of Science file.
async function demoStore(): Promise<Store> {
  const store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  for (const work of generateCorpus({ works: 4000, seed: 9 })) run.add(work)
  await run.commit({ files: ['demo'], problems: 0, now: new Date(0) })
  return store
}

async function realStore(): Promise<Store> {
  const store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  await ingestFiles([shared('wos-joi-and-savedrecs174/joi_JournalOfInformetrics_2007-2017.txt')], run)
  await run.commit({ files: ['joi'], problems: 0, now: new Date(0) })
  return store
}

function invariants(name: string, open: () => Promise<Store>, skip = false) {
  describe.skipIf(skip)(`invariants on ${name}`, () => {
    let store: Store
    beforeAll(async () => void (store = await open()))
    afterAll(() => store.close())
    const rows = async (id: string, options = {}): Promise<readonly IndicatorRow[]> =>
      (await evaluate(store.runner, indicator(id), { intervals: false, ...options })).rows
    const byCountry = (list: readonly IndicatorRow[]) => new Map(list.map((r) => [String(r.country), r]))

    it('fractional weights of each work sum to 1, under every policy', async () => {
      const off = await store.runner
        .all(sql`SELECT policy, work_id, sum(fractional) AS total FROM work_countries
        GROUP BY policy, work_id HAVING abs(sum(fractional) - 1) > 1e-9`)
      expect(off).toEqual([])
    })

    it('full >= fractional for every country, and fractional totals the works with a country', async () => {
      const full = byCountry(await rows('output'))
      const fractional = await rows('output', { counting: 'fractional' })
      for (const r of fractional)
        expect(Number(full.get(String(r.country))?.value)).toBeGreaterThanOrEqual(Number(r.value) - 1e-9)
      const status = await store.status()
      expect(fractional.reduce((s, r) => s + Number(r.value), 0)).toBeCloseTo(status.worksWithCountry, 6)
    })

    it('the matrix is symmetric and its diagonal is the output', async () => {
      const cells = await rows('bilateral-matrix')
      const value = new Map(cells.map((r) => [`${r.country} ${r.partner}`, r.value]))
      for (const r of cells) expect(value.get(`${r.partner} ${r.country}`)).toBe(r.value)
      for (const [country, r] of byCountry(await rows('output')))
        expect(value.get(`${country} ${country}`)).toBe(r.value)
    })

    it('every share and rate lies in [0, 1]', async () => {
      const shares: readonly (readonly [string, readonly string[]])[] = [
        ['output', ['share']],
        ['international-share', ['value']],
        ['leadership', ['firstRate', 'correspondingRate', 'lastRate']],
        ['industry', ['value', 'academiaIndustry']],
        ['highly-cited', ['value', 'internationalTopShare']],
        ['corresponding-author-countries', ['freq', 'mcpRatio']],
      ]
      for (const [id, fields] of shares)
        for (const r of await rows(id))
          for (const f of fields) {
            const v = r[f]
            if (v !== null) expect(Number(v), `${id} ${f}`).toBeGreaterThanOrEqual(0)
            if (v !== null) expect(Number(v), `${id} ${f}`).toBeLessThanOrEqual(1)
          }
    })

    it('country totals reconcile with the works, and works without a country are reported, not hidden', async () => {
      const result = await evaluate(store.runner, indicator('output'), { intervals: false })
      const status = await store.status()
      expect(result.coverage.works).toBe(status.works)
      expect(result.coverage.worksWithCountry + result.coverage.worksWithoutCountry).toBe(status.works)
      const corresponding = await rows('corresponding-author-countries')
      expect(corresponding.reduce((s, r) => s + Number(r.articles), 0)).toBeLessThanOrEqual(status.works)
    })

    it('every indicator runs, at every level it offers', async () => {
      const groups = { G: ['US', 'CN', 'DE', 'GB'] }
      for (const d of INDICATORS)
        for (const level of d.levels) {
          const options = { level, groups, years: '2000-2024', intervals: false }
          if (d.id === 'pair-trend') continue
          await expect(evaluate(store.runner, d, options), `${d.id} ${level}`).resolves.toBeTruthy()
        }
      await expect(
        evaluate(store.runner, indicator('pair-trend'), { years: '2010-2017', intervals: false }),
      ).resolves.toBeTruthy()
    })
  })
}

invariants('the demo corpus', demoStore)
invariants('the Journal of Informetrics file', realStore, !HAVE_SHARED_DATA)
