import { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, member, operator, SAMPLE, steerFixture } from './engines.test-util.js'
import { milestoneBaseline, milestoneFigure } from './milestone-kpi.js'

let store: Store
beforeAll(async () => {
  store = await Store.open({ path: ':memory:' })
})
afterAll(() => store.close())

const source = async () => ({ runner: store.runner, dataVersion: await store.dataVersion() })

describe('milestone figures', () => {
  const milestones = [
    { id: 1, status: 'done', dueDate: '2022-06-30' },
    { id: 2, status: 'planned', dueDate: '2023-03-31' },
    { id: 3, status: 'dropped', dueDate: '2023-06-30' },
    { id: 4, status: 'in-progress', dueDate: '2027-01-31' },
    { id: 5, status: 'late', dueDate: '2028-01-31' },
  ]
  it('done: share of the milestones not dropped; late: marked late or past due while open', () => {
    expect(milestoneFigure('milestones-done', milestones, '2026-01-05')).toBe(0.25)
    expect(milestoneFigure('milestones-late', milestones, '2026-01-05')).toBe(2)
    expect(milestoneFigure('milestones-late', milestones, '2027-02-01')).toBe(3)
    expect(milestoneFigure('milestones-done', [milestones[2] ?? milestones[0]!], '2026-01-05')).toBeNull()
  })
  it('a computed baseline counts the milestones due by the end of the period, on that day', () => {
    expect(milestoneBaseline('milestones-done', milestones, '2022-12-31')).toBe(1)
    expect(milestoneBaseline('milestones-done', milestones, '2023-12-31')).toBe(0.5)
    expect(milestoneBaseline('milestones-late', milestones, '2023-12-31')).toBe(1)
    expect(milestoneBaseline('milestones-done', milestones, '2021-12-31')).toBeNull()
  })
})

describe.each(ENGINES)('milestone KPIs on $name', (engineOf) => {
  it('count the programme milestones and are recomputed when their statuses change', async () => {
    const { steer, mine, auditCount } = await steerFixture(engineOf)
    const pm = member('programme-manager', mine)
    const [programme] = await steer.createProgrammes(pm, [SAMPLE])
    const programmeId = programme?.id ?? 0
    const kpi = (indicator: string) => ({
      programmeId,
      indicator,
      scope: { kind: 'programme' },
      baseline: { period: '2022' },
      target: { value: indicator === 'milestones-done' ? 1 : 0, date: '2026-12-31' },
      owner: 'Lead',
    })
    // On 2026-01-05 (the test clock): "Lab opens" done, "First joint call" planned and past due.
    const done = await steer.addKpi(pm, kpi('milestones-done'), await source())
    expect(done).toMatchObject({
      actual: 0.5,
      baseline: { period: '2022', value: 1, source: 'computed' },
      coverage: null,
      scope: { kind: 'programme' },
      method: { level: 'programme', sql: '', references: [] },
    })
    expect(done.method.definition).toMatch(/milestones/)
    const late = await steer.addKpi(pm, kpi('milestones-late'), await source())
    expect(late).toMatchObject({ actual: 1, baseline: { value: 0 } })
    expect(await steer.refreshKpis(operator, await source())).toEqual({ refreshed: 0, unchanged: 2 })

    const view = await steer.getProgramme(pm, programmeId)
    const call = view.milestones.find((m) => m.title === 'First joint call')
    await steer.setMilestoneStatus(pm, call?.id ?? 0, { status: 'done' })
    expect(await steer.refreshKpis(pm, await source(), { programmeId })).toEqual({
      refreshed: 2,
      unchanged: 0,
    })
    const [doneNow, lateNow] = await steer.listKpis(pm, programmeId)
    expect(doneNow?.history.map((h) => h.value)).toEqual([0.5, 1])
    expect(doneNow?.status).toBe('on-track')
    expect(lateNow?.history.map((h) => h.value)).toEqual([1, 0])

    await steer.addMilestone(pm, programmeId, {
      title: 'Dropped idea',
      dueDate: '2025-01-01',
      status: 'dropped',
    })
    // Any change of the milestones is a new actual, even one that leaves the figures as they were.
    expect(await steer.refreshKpis(operator, await source())).toEqual({ refreshed: 2, unchanged: 0 })
    await steer.addMilestone(pm, programmeId, { title: 'Report', dueDate: '2026-06-30' })
    expect(await steer.refreshKpis(operator, await source())).toEqual({ refreshed: 2, unchanged: 0 })
    expect(await steer.refreshKpis(operator, await source())).toEqual({ refreshed: 0, unchanged: 2 })
    expect((await steer.listKpis(pm, programmeId))[0]?.actual).toBeCloseTo(2 / 3)
    const audits = await auditCount()

    const refused = [
      { ...kpi('milestones-done'), scope: { kind: 'country', country: 'DE' } },
      { ...kpi('milestones-late'), scope: { kind: 'outputs' } },
      { ...kpi('milestones-done'), options: { counting: 'fractional' } },
      { ...kpi('milestones-done'), measure: 'count' },
      { ...kpi('output') },
    ]
    for (const bad of refused)
      await expect(steer.addKpi(pm, bad, await source()), JSON.stringify(bad)).rejects.toMatchObject({
        code: 'INVALID_VALUE',
        location: { field: expect.stringMatching(/^kpi\.(scope\.kind|options\.counting|measure)$/) },
      })
    expect(await auditCount()).toBe(audits)
  })
})
