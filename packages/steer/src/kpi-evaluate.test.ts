import { generateCorpus } from '@meridian/demo'
import { indicator, type SqlRunner } from '@meridian/indicators'
import { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateKpi, type EvaluationMemo } from './kpi-evaluate.js'

let store: Store
beforeAll(async () => {
  store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  for (const work of generateCorpus({ works: 300, seed: 4 })) run.add(work)
  await run.commit({ files: ['demo'], problems: 0, now: new Date(0) })
})
afterAll(() => store.close())

describe('evaluateKpi with a memo (one refresh)', () => {
  it('asks the engine once for KPIs that differ only in their scope, with the figures of separate evaluations', async () => {
    let queries = 0
    const counting: SqlRunner = { all: (q) => (queries++, store.runner.all(q)) }
    const output = indicator('output')
    const spec = (country: string) => ({
      options: { counting: 'fractional', years: '2015-2024' },
      scope: { kind: 'country' as const, country },
      measure: 'value',
    })
    const alone = await Promise.all(['DE', 'CN', 'US'].map((c) => evaluateKpi(store.runner, output, spec(c))))
    const memo: EvaluationMemo = new Map()
    await evaluateKpi(counting, output, spec('DE'), undefined, undefined, memo)
    const once = queries
    const shared = await Promise.all(
      ['DE', 'CN', 'US'].map((c) => evaluateKpi(counting, output, spec(c), undefined, undefined, memo)),
    )
    expect(queries).toBe(once)
    expect(shared).toEqual(alone)
    expect(memo.size).toBe(1)
    // Another period is another question.
    await evaluateKpi(counting, output, spec('DE'), '2015-2018', undefined, memo)
    expect(memo.size).toBe(2)
  })

  it('does not remember a failed evaluation', async () => {
    let fail = true
    const flaky: SqlRunner = {
      all: (q) => (fail ? Promise.reject(new Error('engine down')) : store.runner.all(q)),
    }
    const memo: EvaluationMemo = new Map()
    const spec = { options: {}, scope: { kind: 'country' as const, country: 'DE' }, measure: 'value' }
    await expect(evaluateKpi(flaky, indicator('output'), spec, undefined, undefined, memo)).rejects.toThrow(
      'engine down',
    )
    expect(memo.size).toBe(0)
    fail = false
    expect((await evaluateKpi(flaky, indicator('output'), spec, undefined, undefined, memo)).value).toEqual(
      expect.any(Number),
    )
  })
})
