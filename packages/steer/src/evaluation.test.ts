import type { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, member, steerFixture } from './engines.test-util.js'
import { EVALUATED_PROGRAMME, openEvaluationStore, ROR } from './evaluation.test-util.js'

let store: Store
beforeAll(async () => {
  store = await openEvaluationStore()
})
afterAll(() => store.close())

const source = async () => ({ runner: store.runner, dataVersion: await store.dataVersion() })

describe.each(ENGINES)('programme evaluation on $name', (engineOf) => {
  it('matches C and D to A and B and gives the known differences in differences', async () => {
    const { steer, mine } = await steerFixture(engineOf)
    const pm = member('programme-manager', mine)
    const programme = await steer.createProgramme(pm, EVALUATED_PROGRAMME)
    const viewer = member('viewer', null)
    const matched = await steer.evaluateProgramme(viewer, programme.id, await source(), { k: 1 })
    expect(matched.pre).toEqual({ from: 2015, to: 2018 })
    expect(matched.post).toEqual({ from: 2019, to: 2022 })
    expect(matched.participants.map((p) => [p.institution, p.inData])).toEqual([
      [ROR.a, true],
      [ROR.b, true],
    ])
    expect(matched.comparison.mode).toBe('matched')
    expect(matched.comparison.institutions.map((c) => [c.institution, c.nearest, c.distance])).toEqual([
      [ROR.c, ROR.a, 0],
      [ROR.d, ROR.b, 0],
    ])
    const [output, share] = matched.indicators
    expect(output).toMatchObject({
      indicator: 'output',
      treated: { n: 2, pre: 10, post: 22, change: 12, preTrend: 0 },
      comparison: { n: 2, pre: 10, post: 14, change: 4 },
      did: 8,
      interval: { low: 8, high: 8 },
      preTrendDifference: 0,
    })
    expect(output?.series[0]).toEqual({ year: 2015, treated: 2.5, comparison: 2.5 })
    expect(share).toMatchObject({ indicator: 'international-share', did: 0.5 })
    expect(share?.interval.low).toBeGreaterThanOrEqual(0)
    expect(share?.interval.high).toBeLessThanOrEqual(1)
    expect(matched.assumptions.map((a) => a.key)).toContain('parallel-trends')

    const given = await steer.evaluateProgramme(viewer, programme.id, await source(), {
      comparison: [ROR.c.slice(-9), ROR.d],
      indicators: ['output'],
      pre: '2015-2018',
      post: '2019-2022',
    })
    expect(given.comparison).toMatchObject({ mode: 'given', k: null })
    expect(given.indicators[0]?.did).toBe(8)
  })

  it('refuses a period that overlaps, an unknown indicator and a participant as its own comparison', async () => {
    const { steer, mine } = await steerFixture(engineOf)
    const programme = await steer.createProgramme(member('programme-manager', mine), EVALUATED_PROGRAMME)
    const evaluate = async (input: object) =>
      steer.evaluateProgramme(member('viewer', null), programme.id, await source(), input)
    await expect(evaluate({ pre: '2015-2019', post: '2019-2022' })).rejects.toMatchObject({
      code: 'BAD_OPTION',
    })
    await expect(evaluate({ indicators: ['nope'] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(evaluate({ comparison: [ROR.a] })).rejects.toMatchObject({ code: 'BAD_OPTION' })
  })
})
