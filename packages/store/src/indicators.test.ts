import {
  describe as describeMethod,
  evaluate,
  indicator,
  type IndicatorOptionsInput,
} from '@meridian/indicators'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inst, work } from './fixtures.test-util.js'
import { Store } from './store.js'

// Hand-computed corpus (iso policy unless said):
//   w1 2019: Tsinghua (CN) ; MIT (US) + Acme (US, company)   reprint US   -> international, bilateral
//   w2 2020: Tsinghua (CN) ; PKU (CN), author 1 flagged      -> domestic
//   w3 2020: Oxford (GB) ; Oxford (GB)                       -> single institution
//   w4 2021: HKU (HK) ; Tsinghua (CN)                        -> international (iso), domestic (hk-mo-cn)
const [tsinghua, pku, mit, oxford, hku, acme] = [
  inst('I1', 'CN'),
  inst('I2', 'CN'),
  inst('I3', 'US'),
  inst('I4', 'GB'),
  inst('I5', 'HK'),
  inst('I6', 'US', 'company'),
]
const corpus = [
  work('10.1000/w1', [[tsinghua], [mit, acme]], { reprint: 'US', year: 2019 }),
  work('10.1000/w2', [[tsinghua], [pku]], { corresponding: [1], year: 2020 }),
  work('10.1000/w3', [[oxford], [oxford]], { year: 2020 }),
  work('10.1000/w4', [[hku], [tsinghua]], { year: 2021 }),
]

/** Results carry 12 significant digits (see evaluate.ts). */
const r12 = (x: number) => Number(x.toPrecision(12))

let store: Store
beforeAll(async () => {
  store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  for (const w of corpus) run.add(w)
  await run.commit({ files: ['fixture'], problems: 0, now: new Date(0) })
})
afterAll(() => store.close())

const rows = async (id: string, options: IndicatorOptionsInput = {}) =>
  (await evaluate(store.runner, indicator(id), { intervals: false, ...options })).rows

describe('indicators on DuckDB, hand-computed', () => {
  it('output: full counts and shares of the 4 works with a country', async () => {
    expect(await rows('output')).toEqual([
      { country: 'CN', value: 3, share: 0.75 },
      { country: 'GB', value: 1, share: 0.25 },
      { country: 'HK', value: 1, share: 0.25 },
      { country: 'US', value: 1, share: 0.25 },
    ])
  })

  it('output: author-level fractional counts sum to the number of works', async () => {
    // CN: w1 1/2 + w2 1 + w4 1/2 = 2; GB 1; HK 1/2; US 1/2 (Acme and MIT halves of one author)
    expect(await rows('output', { counting: 'fractional' })).toEqual([
      { country: 'CN', value: 2, share: 0.5 },
      { country: 'GB', value: 1, share: 0.25 },
      { country: 'HK', value: 0.5, share: 0.125 },
      { country: 'US', value: 0.5, share: 0.125 },
    ])
  })

  it('output by year', async () => {
    expect(await rows('output', { byYear: true })).toEqual([
      { country: 'CN', year: 2019, value: 1, share: 1 },
      { country: 'US', year: 2019, value: 1, share: 1 },
      { country: 'CN', year: 2020, value: 1, share: 0.5 },
      { country: 'GB', year: 2020, value: 1, share: 0.5 },
      { country: 'CN', year: 2021, value: 1, share: 1 },
      { country: 'HK', year: 2021, value: 1, share: 1 },
    ])
  })

  it('international share, under iso and hk-mo-cn', async () => {
    expect((await rows('international-share'))[0]).toEqual({
      country: 'CN',
      works: 3,
      internationalWorks: 2,
      value: r12(2 / 3),
    })
    expect((await rows('international-share', { countryPolicy: 'hk-mo-cn' }))[0]).toEqual({
      country: 'CN',
      works: 3,
      internationalWorks: 1,
      value: r12(1 / 3),
    })
  })

  it('international share within a period', async () => {
    expect(await rows('international-share', { years: '2020-2021' })).toEqual([
      { country: 'CN', works: 2, internationalWorks: 1, value: 0.5 },
      { country: 'GB', works: 1, internationalWorks: 0, value: 0 },
      { country: 'HK', works: 1, internationalWorks: 1, value: 1 },
    ])
  })

  it('collaboration types', async () => {
    expect((await rows('collaboration-types'))[0]).toEqual({
      country: 'CN',
      value: 3,
      singleInstitution: 0,
      domestic: 1,
      international: 2,
      bilateral: 2,
      trilateral: 0,
      quadrilateralPlus: 0,
      scivalInternational: 2,
      scivalNational: 1,
      scivalInstitutional: 0,
      scivalSingleAuthor: 0,
    })
  })

  it('leadership: rates over works where the role is known', async () => {
    // CN's international works: w1 (first CN, last US, corresponding US by reprint), w4 (first HK, last CN,
    // corresponding unknown).
    expect((await rows('leadership'))[0]).toEqual({
      country: 'CN',
      value: 0,
      internationalWorks: 2,
      firstKnown: 2,
      firstLed: 1,
      firstRate: 0.5,
      correspondingKnown: 1,
      correspondingLed: 0,
      correspondingRate: 0,
      lastKnown: 2,
      lastLed: 1,
      lastRate: 0.5,
    })
    expect((await rows('leadership', { role: 'last' }))[0]?.value).toBe(0.5)
  })

  it('partners: count, Herfindahl and Shannon', async () => {
    expect((await rows('partners'))[0]).toEqual({
      country: 'CN',
      value: 2,
      copublications: 2,
      herfindahl: 0.5,
      shannon: r12(Math.log(2)),
    })
    expect(await rows('partners', { minCopublications: 2 })).toEqual([])
  })

  it('bilateral matrix with its diagonal', async () => {
    const matrix = Object.fromEntries(
      (await rows('bilateral-matrix')).map((r) => [`${r.country}-${r.partner}`, r.value]),
    )
    expect(matrix).toEqual({
      'CN-CN': 3,
      'CN-HK': 1,
      'CN-US': 1,
      'GB-GB': 1,
      'HK-CN': 1,
      'HK-HK': 1,
      'US-CN': 1,
      'US-US': 1,
    })
  })

  it("corresponding author's countries: reprint, else flagged, else first address", async () => {
    expect(await rows('corresponding-author-countries')).toEqual([
      { country: 'CN', value: 1, articles: 1, freq: 0.25, scp: 1, mcp: 0, mcpRatio: 0 },
      { country: 'GB', value: 1, articles: 1, freq: 0.25, scp: 1, mcp: 0, mcpRatio: 0 },
      { country: 'HK', value: 1, articles: 1, freq: 0.25, scp: 0, mcp: 1, mcpRatio: 1 },
      { country: 'US', value: 1, articles: 1, freq: 0.25, scp: 0, mcp: 1, mcpRatio: 1 },
    ])
    expect((await rows('corresponding-author-countries', { countryPolicy: 'hk-mo-cn' }))[0]).toEqual({
      country: 'CN',
      value: 2,
      articles: 2,
      freq: 0.5,
      scp: 2,
      mcp: 0,
      mcpRatio: 0,
    })
  })

  it('carries method and coverage', async () => {
    const result = await evaluate(store.runner, indicator('leadership'), { years: '2019-2020' })
    expect(result.method).toMatchObject({
      counting: 'full',
      countryPolicy: 'iso',
      years: { from: 2019, to: 2020 },
    })
    expect(result.coverage).toEqual({
      works: 3,
      worksWithCountry: 3,
      worksWithoutCountry: 0,
      internationalWorks: 1,
      firstAuthorKnown: 3,
      lastAuthorKnown: 3,
      correspondingAuthorKnown: 2,
      worksWithoutYear: 0,
      worksWithAffiliations: 3,
      worksWithTruncatedAuthors: 0,
      sources: [
        {
          source: 'openalex',
          works: 3,
          worksWithAffiliations: 3,
          worksWithCountry: 3,
          correspondingAuthorKnown: 2,
          worksWithTruncatedAuthors: 0,
        },
      ],
    })
    expect(describeMethod(indicator('output'), { counting: 'fractional' }).sql).toContain('sum(u.fractional)')
  })

  it('rejects options an indicator does not offer, with a stable code', async () => {
    await expect(rows('leadership', { counting: 'fractional' })).rejects.toMatchObject({ code: 'BAD_OPTION' })
    await expect(rows('output', { level: 'group' })).rejects.toMatchObject({ code: 'BAD_OPTION' })
    await expect(rows('output', { years: '2015-2020', window: 4, byYear: true })).rejects.toMatchObject({
      code: 'BAD_OPTION',
    })
    await expect(rows('output', { groups: { EU: ['XX'] }, level: 'group' })).rejects.toMatchObject({
      code: 'BAD_OPTION',
    })
    await expect(rows('output', { years: '2020-2010' })).rejects.toMatchObject({ code: 'BAD_OPTION' })
    await expect(rows('output', { countryPolicy: 'nope' })).rejects.toMatchObject({ code: 'BAD_OPTION' })
    expect(() => indicator('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })
})
