import { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectFigure, connectMethod, type CountedIntroduction } from './connect-kpi.js'
import { ENGINES, member, SAMPLE, steerFixture } from './engines.test-util.js'

// The figures from what the KPI reads; the reading itself, over CONNECT's own services on both engines, is
// tested in test/steer-connect-kpi.test.ts (STEER's tests do not migrate CONNECT's tables).
const introduction = (
  id: number,
  acceptedOn: string | null,
  agreedOn: string | null,
  ownerCountry: string | null = 'DE',
  partnerCountry: string | null = 'CN',
): CountedIntroduction => ({ id, acceptedOn, agreedOn, ownerCountry, partnerCountry })

const INTRODUCTIONS = [
  introduction(1, '2022-03-01', '2022-11-30'),
  introduction(2, '2023-01-10', '2024-02-01', 'CN', 'DE'),
  introduction(3, '2023-05-05', null, 'DE', 'FR'),
  introduction(4, '2024-06-30', '2024-07-01', 'FR', null),
  introduction(5, null, null),
]
const PROGRAMME = { kind: 'programme' } as const
const PAIR = { kind: 'country-pair', country: 'CN', partner: 'DE' } as const

describe('CONNECT figures', () => {
  it('count agreements by their date and introductions by the day they were accepted, up to the day', () => {
    expect(connectFigure('connect-agreements', INTRODUCTIONS, PROGRAMME, '2026-01-05')).toBe(3)
    expect(connectFigure('connect-agreements', INTRODUCTIONS, PROGRAMME, '2024-02-01')).toBe(2)
    expect(connectFigure('connect-agreements', INTRODUCTIONS, PROGRAMME, '2022-12-31')).toBe(1)
    expect(connectFigure('connect-introductions', INTRODUCTIONS, PROGRAMME, '2026-01-05')).toBe(4)
    expect(connectFigure('connect-introductions', INTRODUCTIONS, PROGRAMME, '2023-01-09')).toBe(1)
    expect(connectFigure('connect-agreements', [], PROGRAMME, '2026-01-05')).toBe(0)
  })
  it('a country pair counts introductions between its two countries in either order, none with one unknown', () => {
    expect(connectFigure('connect-agreements', INTRODUCTIONS, PAIR, '2026-01-05')).toBe(2)
    const reversed = { kind: 'country-pair', country: 'DE', partner: 'CN' } as const
    expect(connectFigure('connect-agreements', INTRODUCTIONS, reversed, '2026-01-05')).toBe(2)
    expect(connectFigure('connect-introductions', INTRODUCTIONS, reversed, '2022-12-31')).toBe(1)
    const fr = { kind: 'country-pair', country: 'FR', partner: 'DE' } as const
    expect(connectFigure('connect-introductions', INTRODUCTIONS, fr, '2026-01-05')).toBe(1)
    expect(connectFigure('connect-agreements', INTRODUCTIONS, fr, '2026-01-05')).toBe(0)
  })
  it('have a method card that says where they come from', () => {
    for (const id of ['connect-agreements', 'connect-introductions'] as const)
      expect(connectMethod(id)).toMatchObject({
        counting: 'not-applicable',
        level: 'programme',
        sql: '',
        definition: expect.stringMatching(/state database.*not from publications/),
        formula: expect.stringMatching(/R\(p\)/),
      })
  })
})

let store: Store
beforeAll(async () => {
  store = await Store.open({ path: ':memory:' })
})
afterAll(() => store.close())

describe.each(ENGINES)('CONNECT KPIs on $name', (engineOf) => {
  it('take the programme or a country-pair scope, no options and no other measure', async () => {
    const { steer, mine, auditCount } = await steerFixture(engineOf)
    const pm = member('programme-manager', mine)
    const [programme] = await steer.createProgrammes(pm, [SAMPLE])
    const source = { runner: store.runner, dataVersion: await store.dataVersion() }
    const kpi = {
      programmeId: programme?.id ?? 0,
      indicator: 'connect-agreements',
      scope: { kind: 'programme' },
      baseline: { period: '2022' },
      target: { value: 3, date: '2026-12-31' },
      owner: 'Lead',
    }
    const audits = await auditCount()
    const refused = [
      { ...kpi, scope: { kind: 'country', country: 'DE' } },
      { ...kpi, indicator: 'connect-introductions', scope: { kind: 'outputs' } },
      { ...kpi, scope: { kind: 'country-pair', country: 'DE', partner: 'DE' } },
      { ...kpi, options: { years: '2020-2024' } },
      { ...kpi, measure: 'count' },
    ]
    for (const bad of refused)
      await expect(steer.addKpi(pm, bad, source), JSON.stringify(bad)).rejects.toMatchObject({
        code: 'INVALID_VALUE',
        location: {
          field: expect.stringMatching(/^kpi\.(scope\.kind|scope\.partner|options\.years|measure)$/),
        },
      })
    // STEER's own tables only: the marketplace is missing, said as such rather than as an SQL error.
    await expect(steer.addKpi(pm, kpi, source)).rejects.toMatchObject({ code: 'INVALID_VALUE' })
    expect(await auditCount()).toBe(audits)
  })
})
