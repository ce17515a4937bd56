import { generateCorpus } from '@meridian/demo'
import { evaluate, indicator } from '@meridian/indicators'
import { COUNTRY_CODES, type FunderId, type Work } from '@meridian/model'
import { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, member, operator, SAMPLE, steerFixture } from './engines.test-util.js'
import { outputSelection } from './output-selection.js'

const FUNDER = 'F4320306076'
/** The demo corpus with funding of our own: every 5th work by award AW-1, every 7th by AW-2 (of one funder). */
const corpus: Work[] = [...generateCorpus({ works: 300, seed: 11 })].map((work, i) => ({
  ...work,
  funding: [...(i % 5 === 0 ? ['AW-1'] : []), ...(i % 7 === 0 ? ['AW-2'] : [])].map((award) => ({
    funderId: FUNDER as FunderId,
    funderName: 'Synthetic funder',
    funderRor: null,
    award,
    source: 'openalex-grants' as const,
    note: null,
  })),
}))
const doiOf = (i: number) => corpus[i]?.ids.doi ?? ''
// Two works no award names, and one (index 0) that AW-1 names too.
const DOIS = [doiOf(1), doiOf(2), doiOf(0)]

let store: Store
beforeAll(async () => {
  store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  for (const work of corpus) run.add(work)
  await run.commit({ files: ['demo'], problems: 0, now: new Date(0) })
})
afterAll(() => store.close())

const source = async () => ({ runner: store.runner, dataVersion: await store.dataVersion() })
const byAward = (award: string) =>
  corpus.filter((w) => w.funding.some((f) => f.award === award)).map((w) => w.ids.doi)
const AWARD_LINK = { method: 'funder-award', funder: FUNDER, awardIds: ['aw-1'], note: 'grant AW-1' }
const DOI_LINK = { method: 'doi-list', dois: DOIS }

describe.each(ENGINES)('output links on $name', (engineOf) => {
  it('adds and removes links by the programme rule, each with one audit row; refusals write nothing', async () => {
    const { steer, mine, theirs, auditCount, count } = await steerFixture(engineOf)
    const pm = member('programme-manager', mine)
    const programme = await steer.createProgramme(pm, { ...SAMPLE, outputLinks: [] })
    const before = await auditCount()
    const link = await steer.addOutputLink(pm, programme.id, AWARD_LINK)
    expect(link).toMatchObject({ method: 'funder-award', funder: FUNDER, awardIds: ['aw-1'] })
    expect(link.createdBy).toBe('programme-manager@example.org')
    expect(await auditCount()).toBe(before + 1)
    expect((await steer.getProgramme(pm, programme.id)).outputLinks.map((l) => l.id)).toEqual([link.id])
    const refusals: [() => Promise<unknown>, string][] = [
      [() => steer.addOutputLink(member('programme-manager', theirs), programme.id, DOI_LINK), 'FORBIDDEN'],
      [() => steer.addOutputLink(member('analyst', mine), programme.id, DOI_LINK), 'FORBIDDEN'],
      [() => steer.addOutputLink(pm, 999, DOI_LINK), 'NOT_FOUND'],
      [() => steer.addOutputLink(pm, programme.id, { method: 'doi-list', dois: [] }), 'INVALID_VALUE'],
      [() => steer.addOutputLink(pm, programme.id, { method: 'funder-award' }), 'INVALID_VALUE'],
      [
        () => steer.addOutputLink(pm, programme.id, { ...AWARD_LINK, funder: 'Some Agency' }),
        'INVALID_VALUE',
      ],
      [() => steer.addOutputLink(pm, programme.id, { method: 'by-magic' }), 'INVALID_VALUE'],
      [() => steer.removeOutputLink(member('programme-manager', theirs), link.id), 'FORBIDDEN'],
      [() => steer.removeOutputLink(pm, 999), 'NOT_FOUND'],
    ]
    for (const [refused, code] of refusals) await expect(refused()).rejects.toMatchObject({ code })
    await expect(
      steer.addOutputLink(pm, programme.id, { method: 'funder-award', funder: 'Some Agency' }),
    ).rejects.toMatchObject({ location: { field: 'link.funder' } })
    const many = Array.from({ length: 10_001 }, (_, i) => `10.5555/many.${i}`)
    await expect(
      steer.addOutputLink(pm, programme.id, { method: 'doi-list', dois: many }),
    ).rejects.toMatchObject({ code: 'INVALID_VALUE', location: { field: 'link.dois' } })
    expect(await count('output_links')).toBe(1)
    expect(await auditCount()).toBe(before + 1)
    await steer.removeOutputLink(operator, link.id)
    expect(await count('output_links')).toBe(0)
    expect(await auditCount()).toBe(before + 2)
  })

  it('lists the works each link names and the distinct total, a page at a time, as a plain scan finds them', async () => {
    const { steer, mine } = await steerFixture(engineOf)
    const pm = member('programme-manager', mine)
    // A link stored before links were checked (a funder that is no funder id) names no works.
    const programme = await steer.createProgramme(pm, SAMPLE)
    const empty = await steer.listOutputs(member('viewer', null), programme.id, await source())
    expect(empty.total).toBe(0)
    expect(empty.links.map((l) => [l.method, l.matched, l.problem === null])).toEqual([
      ['funder-award', 0, false],
      ['doi-list', 0, true],
    ])
    await steer.addOutputLink(pm, programme.id, AWARD_LINK)
    await steer.addOutputLink(pm, programme.id, DOI_LINK)
    const linked = new Set([...byAward('AW-1'), ...DOIS])
    const first = await steer.listOutputs(member('analyst', null), programme.id, await source(), {
      limit: 10,
    })
    expect(first.links.slice(2).map((l) => [l.method, l.matched, l.problem])).toEqual([
      ['funder-award', byAward('AW-1').length, null],
      ['doi-list', 3, null],
    ])
    expect(first.total).toBe(linked.size)
    expect(first.works).toHaveLength(10)
    const pages = [first]
    for (let offset = 10; offset < first.total; offset += 10)
      pages.push(await steer.listOutputs(pm, programme.id, await source(), { limit: 10, offset }))
    const works = pages.flatMap((p) => p.works)
    expect(new Set(works.map((w) => w.doi))).toEqual(linked)
    expect(works.map((w) => w.year)).toEqual(
      [...works.map((w) => w.year)].sort((a, b) => (b ?? 0) - (a ?? 0)),
    )
    expect(works[0]).toMatchObject({ id: expect.any(Number), title: expect.any(String), source: 'synthetic' })
    await expect(steer.listOutputs(pm, programme.id, await source(), { limit: 0 })).rejects.toMatchObject({
      code: 'BAD_OPTION',
    })
    await expect(steer.listOutputs(pm, 999, await source())).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it("an outputs KPI's actual is the indicator engine's result with works: outputSelection(links)", async () => {
    const { steer, mine } = await steerFixture(engineOf)
    const pm = member('programme-manager', mine)
    const programme = await steer.createProgramme(pm, { ...SAMPLE, outputLinks: [AWARD_LINK] })
    const kpi = (indicatorId: string, options: Record<string, unknown>) => ({
      programmeId: programme.id,
      indicator: indicatorId,
      options,
      scope: { kind: 'outputs' },
      baseline: { period: '2015-2017' },
      target: { value: 1000, date: '2030-12-31' },
      owner: 'Univ A',
    })
    const engine = async (indicatorId: string, options: Record<string, unknown>) => {
      const works = outputSelection((await steer.getProgramme(pm, programme.id)).outputLinks)
      const result = await evaluate(store.runner, indicator(indicatorId), {
        ...options,
        level: 'group',
        groups: { outputs: COUNTRY_CODES },
        works,
        intervals: false,
      })
      const value = result.rows.find((r) => r.group === 'outputs')?.value
      return typeof value === 'number' ? value : null
    }
    const cases = [
      ['output', { counting: 'full' }],
      ['output', { counting: 'fractional', years: '2018-2024' }],
      ['international-share', {}],
    ] as const
    for (const [id, options] of cases) {
      const view = await steer.addKpi(pm, kpi(id, options), await source())
      expect(view.actual, id).toBe(await engine(id, options))
      expect(view.actual, id).not.toBeNull()
      expect(view.baseline.value).toBe(await engine(id, { ...options, years: '2015-2017' }))
    }
    const [full] = await steer.listKpis(pm, programme.id)
    // Every demo work has a country, so the full count of the linked outputs is the number of linked works.
    expect(full?.actual).toBe(byAward('AW-1').length)
    // A new link changes the outputs: refresh recomputes though the data version is the same.
    expect(await steer.refreshKpis(operator, await source())).toEqual({ refreshed: 0, unchanged: 3 })
    await steer.addOutputLink(pm, programme.id, DOI_LINK)
    expect(await steer.refreshKpis(operator, await source())).toEqual({ refreshed: 3, unchanged: 0 })
    const [after] = await steer.listKpis(pm, programme.id)
    expect(after?.actual).toBe(new Set([...byAward('AW-1'), ...DOIS]).size)
    expect(after?.actual).toBe(await engine('output', { counting: 'full' }))
  })
})
