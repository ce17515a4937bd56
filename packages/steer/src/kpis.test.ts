import { generateCorpus } from '@meridian/demo'
import { evaluate, indicator } from '@meridian/indicators'
import { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, member, operator, SAMPLE, steerFixture } from './engines.test-util.js'

let store: Store
beforeAll(async () => {
  store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  for (const work of generateCorpus({ works: 400, seed: 7 })) run.add(work)
  await run.commit({ files: ['demo'], problems: 0, now: new Date(0) })
})
afterAll(() => store.close())

const source = async () => ({ runner: store.runner, dataVersion: await store.dataVersion() })

/** The engine's own answer for the same options: the row of the unit, its `value`. */
async function engine(
  id: string,
  options: Record<string, unknown>,
  pick: (row: Record<string, unknown>) => boolean,
) {
  const result = await evaluate(store.runner, indicator(id), { ...options, intervals: false })
  const row = result.rows.find(pick)
  return typeof row?.value === 'number' ? row.value : null
}

describe.each(ENGINES)('KPIs on $name', (engineOf) => {
  it("a KPI's actual and computed baseline are the indicator engine's results for the same options", async () => {
    const { steer, mine } = await steerFixture(engineOf)
    const pm = member('programme-manager', mine)
    const [programme] = await steer.createProgrammes(pm, [SAMPLE])
    const programmeId = programme?.id ?? 0
    const countries = (await evaluate(store.runner, indicator('output'), { intervals: false })).rows
    const [a, b] = countries.map((r) => String(r.country))
    const institution = (
      await evaluate(store.runner, indicator('output'), { level: 'institution', intervals: false })
    ).rows[0]?.institution
    const cases = [
      {
        indicator: 'output',
        options: { counting: 'fractional', years: '2019-2022' },
        scope: { kind: 'country', country: a },
      },
      {
        indicator: 'international-share',
        options: { years: '2018-2023' },
        scope: { kind: 'country', country: b },
      },
      {
        indicator: 'bilateral-matrix',
        options: { years: '2015-2024' },
        scope: { kind: 'country-pair', country: a, partner: b },
      },
      { indicator: 'output', options: {}, scope: { kind: 'institution', institution } },
      {
        indicator: 'output',
        options: { years: '2020-2024' },
        scope: { kind: 'countries', name: 'Partners', countries: [a, b] },
      },
    ]
    for (const kpi of cases) {
      const view = await steer.addKpi(
        pm,
        {
          programmeId,
          ...kpi,
          baseline: { period: '2015-2017' },
          target: { value: 1000, date: '2030-12-31' },
          owner: 'Univ A',
        },
        await source(),
      )
      const level =
        kpi.scope.kind === 'institution'
          ? 'institution'
          : kpi.scope.kind === 'countries'
            ? 'group'
            : 'country'
      const groups = kpi.scope.kind === 'countries' ? { Partners: [a, b] } : null
      const pick = (row: Record<string, unknown>) =>
        kpi.scope.kind === 'institution'
          ? row.institution === institution
          : kpi.scope.kind === 'countries'
            ? row.group === 'Partners'
            : row.country === a || row.country === b
              ? kpi.scope.kind === 'country-pair'
                ? row.country === a && row.partner === b
                : row.country === (kpi.scope as { country: string }).country
              : false
      const expected = await engine(kpi.indicator, { ...kpi.options, level, groups }, pick)
      expect(view.actual, JSON.stringify(kpi)).toBe(expected)
      expect(view.actual, JSON.stringify(kpi)).not.toBeNull()
      expect(view.baseline.value).toBe(
        await engine(kpi.indicator, { ...kpi.options, years: '2015-2017', level, groups }, pick),
      )
      expect(view.baseline.source).toBe('computed')
      expect(view.method.formula).toBe(indicator(kpi.indicator).formula)
      expect(view.coverage).toMatchObject({ works: expect.any(Number) })
    }
    const listed = await steer.listKpis(member('viewer', null), programmeId)
    expect(listed.map((k) => k.indicator)).toEqual(cases.map((c) => c.indicator))
    expect(listed.every((k) => ['on-track', 'at-risk', 'off-track'].includes(k.status))).toBe(true)
  })

  it('refresh adds history only when the data version changed, audited; options are checked by the engine', async () => {
    const { steer, mine, theirs, auditCount, count } = await steerFixture(engineOf)
    const pm = member('programme-manager', mine)
    const [programme] = await steer.createProgrammes(pm, [SAMPLE])
    const programmeId = programme?.id ?? 0
    const kpi = {
      programmeId,
      indicator: 'international-share',
      options: { years: '2018-2023' },
      scope: { kind: 'country', country: 'DE' },
      baseline: { period: '2017', value: 0.2 },
      target: { value: 0.5, date: '2026-12-31' },
      owner: 'Lead',
    }
    const added = await steer.addKpi(pm, kpi, await source())
    expect(added.baseline).toEqual({ period: '2017', value: 0.2, source: 'entered' })
    expect(await auditCount()).toBe(2)
    expect(await steer.refreshKpis(operator, await source())).toEqual({ refreshed: 0, unchanged: 1 })
    const changed = { runner: store.runner, dataVersion: { ...(await store.dataVersion()), revision: 99 } }
    expect(await steer.refreshKpis(operator, changed)).toEqual({ refreshed: 1, unchanged: 0 })
    expect(await steer.refreshKpis(pm, changed, { programmeId })).toEqual({ refreshed: 0, unchanged: 1 })
    expect(await count('kpi_actuals')).toBe(2)
    expect(await auditCount()).toBe(3)
    const [listed] = await steer.listKpis(pm, programmeId)
    expect(listed?.history.map((h) => (h.dataVersion as { revision: number }).revision)).toEqual([
      (await store.dataVersion()).revision,
      99,
    ])
    await expect(steer.refreshKpis(pm, changed)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(
      steer.addKpi(member('programme-manager', theirs), kpi, await source()),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    const refused = [
      { ...kpi, indicator: 'outptu' },
      { ...kpi, options: { counting: 'tally' } },
      { ...kpi, options: { level: 'institution' } },
      { ...kpi, measure: 'nonsense' },
      { ...kpi, scope: { kind: 'country-pair', country: 'DE', partner: 'DE' } },
      { ...kpi, target: { value: 1, date: '2026-13-01' } },
      { ...kpi, scope: { kind: 'country-pair', country: 'DE', partner: 'FR' } },
    ]
    for (const bad of refused)
      await expect(steer.addKpi(pm, bad, await source()), JSON.stringify(bad)).rejects.toMatchObject({
        code: expect.stringMatching(/INVALID_VALUE|BAD_OPTION|NOT_FOUND/),
      })
    expect(await count('kpis')).toBe(1)
    expect(await auditCount()).toBe(3)
  })
})
