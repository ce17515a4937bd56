import {
  describe as describeMethod,
  evaluate,
  indicator,
  type IndicatorOptionsInput,
  type WorkSelection,
} from '@meridian/indicators'
import type { Funding, FunderId, Institution, RorId, Work } from '@meridian/model'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inst, work } from './fixtures.test-util.js'
import { Store } from './store.js'

const ror = (id: string, country: string): Institution => ({
  ...inst(id, country),
  ror: `https://ror.org/${id}` as RorId,
})
const tsinghua = ror('0abcdef12', 'CN')
const mit = inst('I3', 'US')
const oxford = inst('I4', 'GB')
const fund = (funderId: string, award: string | null): Funding => ({
  funderId: funderId as FunderId,
  funderName: funderId,
  funderRor: null,
  award,
  source: 'openalex-grants',
  note: null,
})
const withFunding = (w: Work, funding: readonly Funding[]): Work => ({ ...w, funding })

const corpus: Work[] = [
  withFunding(work('10.1000/s1', [[tsinghua], [mit]], { year: 2019 }), [fund('F1', 'G\u20102017\u20109800')]),
  withFunding(work('10.1000/s2', [[oxford], [mit]], { year: 2020 }), [fund('F1', 'X-1'), fund('F2', null)]),
  withFunding(work('10.1000/s3', [[oxford]], { year: 2021 }), [fund('10.13039/100000001', '7')]),
  work('10.1000/s4', [[tsinghua]], { year: 2022 }),
  work('10.1000/s5', [[mit], [oxford]], { year: 2018 }),
]

async function storeOf(works: readonly Work[]): Promise<Store> {
  const store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  for (const w of works) run.add(w)
  await run.commit({ files: ['fixture'], problems: 0, now: new Date(0) })
  return store
}

let all: Store
beforeAll(async () => {
  all = await storeOf(corpus)
})
afterAll(() => all.close())

const CASES: readonly [string, WorkSelection, readonly string[]][] = [
  ['a funder', { any: [{ by: 'funding', funder: 'F1' as FunderId }] }, ['10.1000/s1', '10.1000/s2']],
  [
    'a funder and an award written with other hyphens and case',
    { any: [{ by: 'funding', funder: 'F1' as FunderId, awards: ['g-2017-9800 '] }] },
    ['10.1000/s1'],
  ],
  [
    'a Crossref funder DOI, institutions in a period, and DOIs',
    {
      any: [
        { by: 'funding', funder: 'https://doi.org/10.13039/100000001' as FunderId },
        { by: 'institutions', institutions: [tsinghua.ror!], from: 2020, to: 2022 },
        { by: 'dois', dois: ['https://doi.org/10.1000/S5'] },
      ],
    },
    ['10.1000/s3', '10.1000/s4', '10.1000/s5'],
  ],
]
const INDICATORS: readonly [string, IndicatorOptionsInput][] = [
  ['output', {}],
  ['output', { counting: 'fractional', byYear: true }],
  ['output', { level: 'institution' }],
  ['international-share', {}],
  ['collaboration-types', {}],
  ['corresponding-author-countries', {}],
  ['citations', {}],
  ['bilateral-matrix', {}],
]

describe('options.works: an indicator over selected works equals it over a store of only those works', () => {
  for (const [name, selection, dois] of CASES)
    it(name, async () => {
      const only = await storeOf(corpus.filter((w) => dois.includes(w.ids.doi ?? '')))
      try {
        for (const [id, options] of INDICATORS) {
          const base = { intervals: false, ...options }
          const selected = await evaluate(all.runner, indicator(id), { ...base, works: selection })
          const alone = await evaluate(only.runner, indicator(id), base)
          expect([id, selected.rows]).toEqual([id, alone.rows])
          expect([id, selected.coverage]).toEqual([id, alone.coverage])
        }
      } finally {
        only.close()
      }
    })

  it('names the selection in the method and refuses bad rules', async () => {
    const works = { any: [{ by: 'dois', dois: ["10.1000/x'--"] }] } as WorkSelection
    const method = describeMethod(indicator('output'), { works })
    expect(method.works).toEqual(works)
    // A quote in a value is bound, not spliced: the query runs and finds nothing.
    expect((await evaluate(all.runner, indicator('output'), { intervals: false, works })).rows).toEqual([])
    for (const bad of [{ any: [] }, { any: [{ by: 'funding', funder: 'W1' }] }, { any: [{ by: 'x' }] }])
      expect(() => describeMethod(indicator('output'), { works: bad as unknown as WorkSelection })).toThrow(
        expect.objectContaining({ code: 'BAD_OPTION' }),
      )
  })
})

describe('options.fields: an indicator over works of some fields equals it over a store of only those works', () => {
  const FIELDS = [['Physics', 'Medicine'], ['Medicine'], ['Physics'], [], ['Chemistry']]
  const fielded = corpus.map((w, i) => ({ ...w, fields: FIELDS[i] ?? [] }))
  it('matches a field at any position, names as stored, combined with a selection of works', async () => {
    const every = await storeOf(fielded)
    const cases: readonly [IndicatorOptionsInput, readonly string[]][] = [
      [{ fields: ['Medicine'] }, ['10.1000/s1', '10.1000/s2']],
      [{ fields: ['Physics', 'Chemistry'] }, ['10.1000/s1', '10.1000/s3', '10.1000/s5']],
      [
        { fields: ['Physics'], works: { any: [{ by: 'dois', dois: ['10.1000/s1', '10.1000/s2'] }] } },
        ['10.1000/s1'],
      ],
    ]
    try {
      for (const [narrowing, dois] of cases) {
        const only = await storeOf(fielded.filter((w) => dois.includes(w.ids.doi ?? '')))
        try {
          for (const [id, options] of INDICATORS) {
            const base = { intervals: false, ...options }
            const narrowed = await evaluate(every.runner, indicator(id), { ...base, ...narrowing })
            const alone = await evaluate(only.runner, indicator(id), base)
            expect([id, narrowed.rows]).toEqual([id, alone.rows])
            expect([id, narrowed.coverage]).toEqual([id, alone.coverage])
            expect(narrowed.method.fields).toEqual(narrowing.fields)
          }
        } finally {
          only.close()
        }
      }
      expect((await evaluate(every.runner, indicator('output'), { fields: ['physics'] })).rows).toEqual([])
      for (const fields of [[], [''], Array.from({ length: 51 }, (_, i) => `F${i}`)])
        expect(() => describeMethod(indicator('output'), { fields })).toThrow(
          expect.objectContaining({ code: 'BAD_OPTION' }),
        )
    } finally {
      every.close()
    }
  })
})
