import { evaluate, indicator, type IndicatorOptionsInput } from '@meridian/indicators'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inst, work } from './fixtures.test-util.js'
import { Store } from './store.js'

// Hand-computed corpus for the full suite (iso policy):
//   a 2019 Medicine, 10 cites: Berlin Univ (DE) ; Paris Univ (FR) ; Acme (DE, company)      DE+FR, industry
//   b 2019 Medicine,  4 cites: Paris Univ (FR) ; Lyon Univ (FR)                              FR domestic
//   c 2019 Medicine,  4 cites: Berlin Univ (DE) ; Beijing Univ (CN)                          DE+CN
//   d 2019 Medicine,  2 cites: Beijing Univ (CN)                                              CN single institution
//   e 2020 Physics,   6 cites: Paris Univ (FR) ; Berlin Univ (DE) ; Madrid Univ (ES)         FR+DE+ES, corr. author 2 (ES)
// Coordinates: Berlin (52.52, 13.405), Paris (48.8566, 2.3522), Lyon (45.764, 4.8357), Beijing (39.9042, 116.4074),
// Madrid (40.4168, -3.7038); Acme has none.
const berlin = inst('I1', 'DE', 'education', [52.52, 13.405])
const paris = inst('I2', 'FR', 'education', [48.8566, 2.3522])
const lyon = inst('I3', 'FR', 'education', [45.764, 4.8357])
const beijing = inst('I4', 'CN', 'education', [39.9042, 116.4074])
const madrid = inst('I5', 'ES', 'education', [40.4168, -3.7038])
const acme = inst('I6', 'DE', 'company')
const cited = (w: ReturnType<typeof work>, citedBy: number, field: string) => ({
  ...w,
  citedBy,
  fields: [field],
})
const corpus = [
  cited(work('10.1000/a', [[berlin], [paris], [acme]], { year: 2019 }), 10, 'Medicine'),
  cited(work('10.1000/b', [[paris], [lyon]], { year: 2019 }), 4, 'Medicine'),
  cited(work('10.1000/c', [[berlin], [beijing]], { year: 2019 }), 4, 'Medicine'),
  cited(work('10.1000/d', [[beijing]], { year: 2019 }), 2, 'Medicine'),
  cited(work('10.1000/e', [[paris], [berlin], [madrid]], { year: 2020, corresponding: [2] }), 6, 'Physics'),
]

/** Results carry 12 significant digits (see evaluate.ts). */
const r12 = (x: number) => Number(x.toPrecision(12))

let store: Store
beforeAll(async () => {
  store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  for (const w of corpus) run.add(w)
  await run.commit({ files: ['suite'], problems: 0, now: new Date(0) })
})
afterAll(() => store.close())

const rows = async (id: string, options: IndicatorOptionsInput = {}) =>
  (await evaluate(store.runner, indicator(id), { intervals: false, ...options })).rows
const byKey = (list: readonly Record<string, unknown>[], key = 'country') =>
  Object.fromEntries(list.map((r) => [String(r[key]), r]))

describe('counting methods', () => {
  it('first-, last-, corresponding-author and author-appearance output', async () => {
    // First authors: a DE, b FR, c DE, d CN, e FR.  Last authors: a DE (Acme), b FR, c CN, d CN, e ES.
    // Corresponding (reprint, else flagged, else first address): a DE, b FR, c DE, d CN, e ES.
    // Author appearances: DE a2 c1 e1 = 4; FR a1 b2 e1 = 4; CN c1 d1 = 2; ES 1.
    const value = async (counting: string) =>
      Object.fromEntries((await rows('output', { counting })).map((r) => [r.country, r.value]))
    expect(await value('first-author')).toEqual({ DE: 2, FR: 2, CN: 1 })
    expect(await value('last-author')).toEqual({ DE: 1, FR: 1, CN: 2, ES: 1 })
    expect(await value('corresponding-author')).toEqual({ DE: 2, FR: 1, CN: 1, ES: 1 })
    expect(await value('author-appearance')).toEqual({ DE: 4, FR: 4, CN: 2, ES: 1 })
  })

  it('fractional weights: full >= fractional, and fractional sums to the works with a country', async () => {
    const full = byKey(await rows('output'))
    const fractional = await rows('output', { counting: 'fractional' })
    // a: DE 1/3 + 1/3, FR 1/3; b: FR 1; c: DE 1/2, CN 1/2; d: CN 1; e: FR, DE, ES 1/3 each
    expect(byKey(fractional).DE?.value).toBeCloseTo(2 / 3 + 1 / 2 + 1 / 3, 9)
    expect(fractional.reduce((s, r) => s + Number(r.value), 0)).toBeCloseTo(5, 9)
    for (const r of fractional)
      expect(Number(full[String(r.country)]?.value)).toBeGreaterThanOrEqual(Number(r.value))
  })
})

describe('levels', () => {
  it('institutions, with names', async () => {
    const result = byKey(await rows('output', { level: 'institution' }), 'institution')
    expect(result.I1).toMatchObject({ value: 3, name: 'I1' })
    expect(Object.keys(result).sort()).toEqual(['I1', 'I2', 'I3', 'I4', 'I5', 'I6'])
  })

  it('groups count a work once; international can mean crossing the group border', async () => {
    const groups = { EU: ['DE', 'FR', 'ES'] }
    // EU works: a, b, c, e (4). Two or more countries: a, c, e. Crossing the EU border: c only.
    expect(await rows('international-share', { level: 'group', groups })).toEqual([
      { group: 'EU', works: 4, internationalWorks: 3, value: 0.75 },
    ])
    expect(await rows('international-share', { level: 'group', groups, international: 'border' })).toEqual([
      { group: 'EU', works: 4, internationalWorks: 1, value: 0.25 },
    ])
  })
})

describe('matrices', () => {
  it('is symmetric with the diagonal equal to output, and normalises as defined', async () => {
    const cells = await rows('bilateral-matrix')
    const m = (i: string, j: string) => cells.find((r) => r.country === i && r.partner === j)?.value
    const output = byKey(await rows('output'))
    for (const r of cells) expect(m(String(r.partner), String(r.country))).toBe(r.value)
    for (const c of ['DE', 'FR', 'CN', 'ES']) expect(m(c, c)).toBe(output[c]?.value)
    // DE-FR = 2 (a, e); DE 3, FR 3, N = 5 works.
    const norm = async (normalization: string) =>
      (await rows('bilateral-matrix', { normalization })).find(
        (r) => r.country === 'DE' && r.partner === 'FR',
      )?.value
    expect(await norm('salton')).toBeCloseTo(2 / 3, 9)
    expect(await norm('jaccard')).toBeCloseTo(2 / (3 + 3 - 2), 9)
    expect(await norm('association')).toBeCloseTo((2 * 5) / 9, 9)
  })

  it('fractional (Perianes-Rodriguez et al.): each author pair on a work with n authors gets 1/(n-1)', async () => {
    // DE-FR: a (3 authors: DE 2, FR 1) 2*1/2 = 1; e (3 authors, one each) 1/2 -> 1.5.
    const cells = await rows('bilateral-matrix', { counting: 'fractional' })
    expect(cells.find((r) => r.country === 'DE' && r.partner === 'FR')?.value).toBeCloseTo(1.5, 9)
    // DE-DE: a 2*1/2 = 1.
    expect(cells.find((r) => r.country === 'DE' && r.partner === 'DE')?.value).toBeCloseTo(1, 9)
  })
})

describe('industry, distance and impact', () => {
  it('industry co-publication', async () => {
    expect(byKey(await rows('industry')).DE).toMatchObject({
      works: 3,
      industryWorks: 1,
      academiaIndustryWorks: 1,
    })
  })

  it('distance: largest distance between geocoded institutions, short and long shares', async () => {
    // FR works: a (Berlin-Paris 877.5 km; Acme not geocoded), b (Paris-Lyon 391.5 km), e (max Berlin-Madrid
    // 1869.1 km) -> all geocoded; long (>= 1000 km): e -> 1/3; none short.
    const fr = byKey(await rows('distance')).FR
    expect(fr).toMatchObject({ works: 3, geocodedWorks: 3, shortShare: 0, value: r12(1 / 3) })
    expect(byKey(await rows('distance', { threshold: 500 })).FR?.value).toBeCloseTo(2 / 3, 9)
  })

  it('highly cited: top 10 % of field and year with fractional credit at ties', async () => {
    // Medicine 2019: cites 10, 4, 4, 2 (n = 4, k = 0.4): a gets 0.4 (above 0, tied 1: (0.4 - 0) / 1).
    // Physics 2020: e alone (n = 1, k = 0.1): 0.1. Top credit per country: DE a 0.4 + e 0.1 = 0.5.
    const de = byKey(await rows('highly-cited')).DE
    expect(de?.topWorks).toBeCloseTo(0.5, 9)
    expect(de?.value).toBeCloseTo(0.5 / 3, 9)
    expect(de?.internationalTopShare).toBeCloseTo(1, 9)
  })

  it('citations and normalised scores', async () => {
    // Medicine 2019 mean = 5: ncs a 2, b 0.8, c 0.8, d 0.4; Physics 2020: e 1. CN: c 0.8, d 0.4 -> MNCS 0.6.
    const cn = byKey(await rows('citations')).CN
    expect(cn).toMatchObject({ works: 2, citedWorks: 2, citationsPerWork: 3 })
    expect(cn?.value).toBeCloseTo(0.6, 9)
    // CN international: c 0.8; domestic: d 0.4 -> 2.
    expect(byKey(await rows('international-impact')).CN?.value).toBeCloseTo(2, 9)
  })
})

describe('trends', () => {
  it('rolling windows', async () => {
    // Windows of 1 year over 2019-2020 = by year, keyed by period.
    const windows = (await rows('output', { years: '2019-2020', window: 1 })).filter(
      (r) => r.country === 'FR',
    )
    expect(windows).toEqual([
      { country: 'FR', period: '2019-2019', value: 2, share: 0.5 },
      { country: 'FR', period: '2020-2020', value: 1, share: 1 },
    ])
    expect((await rows('output', { years: '2019-2020', window: 2 })).find((r) => r.country === 'FR')).toEqual(
      {
        country: 'FR',
        period: '2019-2020',
        value: 3,
        share: 0.6,
      },
    )
  })
})

describe('stability intervals', () => {
  it('are attached to share and mean indicators, seeded, and stated in the method', async () => {
    const a = await evaluate(store.runner, indicator('international-share'), { seed: 3 })
    const b = await evaluate(store.runner, indicator('international-share'), { seed: 3 })
    expect(a.rows).toEqual(b.rows)
    for (const row of a.rows) {
      expect(Number(row.valueLow)).toBeLessThanOrEqual(Number(row.value))
      expect(Number(row.valueHigh)).toBeGreaterThanOrEqual(Number(row.value))
    }
    expect(a.method.intervals).toMatchObject({ level: 0.95, resamples: 1000, seed: 3 })
    const off = await evaluate(store.runner, indicator('international-share'), { intervals: false })
    expect(off.method.intervals).toBeNull()
    expect(off.rows[0]).not.toHaveProperty('valueLow')
  })
})

describe('pairs, leadership balance and SciVal classes', () => {
  it("SciVal's exclusive collaboration classes", async () => {
    // DE: a, c, e all international. FR: b national (Paris + Lyon). CN: d single author.
    const types = byKey(await rows('collaboration-types'))
    expect(types.DE).toMatchObject({ scivalInternational: 3, scivalNational: 0, scivalSingleAuthor: 0 })
    expect(types.FR).toMatchObject({ scivalInternational: 2, scivalNational: 1 })
    expect(types.CN).toMatchObject({ scivalInternational: 1, scivalInstitutional: 0, scivalSingleAuthor: 1 })
  })

  it('bilateral leadership balance', async () => {
    // First authors: DE-FR works a (DE leads) and e (FR leads) -> 0; DE-CN work c (DE leads) -> +1, CN-DE -1.
    const first = await rows('pair-leadership', { role: 'first' })
    const pair = (c: string, p: string) => first.find((r) => r.country === c && r.partner === p)
    expect(pair('DE', 'FR')).toMatchObject({ works: 2, known: 2, led: 1, partnerLed: 1, value: 0 })
    expect(pair('DE', 'CN')).toMatchObject({ works: 1, known: 1, led: 1, partnerLed: 0, value: 1 })
    expect(pair('CN', 'DE')?.value).toBe(-1)
    // Corresponding: only e is known (Madrid, ES): DE-FR known 1, neither leads.
    const corresponding = await rows('pair-leadership')
    expect(corresponding.find((r) => r.country === 'DE' && r.partner === 'FR')).toMatchObject({
      known: 1,
      value: 0,
    })
  })

  it('impact of led and not-led international works', async () => {
    // DE first-author-led: a (ncs 2), c (0.8) -> 1.4; not led: e (1) -> value 1.4.
    const de = byKey(await rows('leadership-impact', { role: 'first' })).DE
    expect(de).toMatchObject({ ledWorks: 2, notLedWorks: 1 })
    expect(de?.value).toBeCloseTo(1.4, 9)
  })

  it('Nature-Index-style collaboration score', async () => {
    // DE-FR: a (DE 2/3 + FR 1/3) + e (1/3 + 1/3) = 5/3.
    const cell = (await rows('bilateral-matrix')).find((r) => r.country === 'DE' && r.partner === 'FR')
    expect(cell?.collaborationScore).toBeCloseTo(5 / 3, 9)
  })

  it('convergence: the slope of the Jaccard distance over the years', async () => {
    // DE-FR 2019: J = 1/(2+2-1) -> distance 2/3; 2020: J = 1 -> 0. Slope -2/3: converging.
    const trend = await rows('pair-trend', { years: '2019-2020' })
    expect(trend.find((r) => r.country === 'DE' && r.partner === 'FR')).toMatchObject({
      years: 2,
      trend: 'converging',
    })
    expect(Number(trend.find((r) => r.country === 'DE' && r.partner === 'FR')?.value)).toBeCloseTo(-2 / 3, 9)
    await expect(rows('pair-trend')).rejects.toMatchObject({ code: 'BAD_OPTION' })
  })
})

describe('groups listing a country twice', () => {
  it('count it once', async () => {
    const once = await rows('output', {
      level: 'group',
      groups: { EU: ['DE', 'FR'] },
      counting: 'fractional',
    })
    const twice = await rows('output', {
      level: 'group',
      groups: { EU: ['DE', 'FR', 'DE'] },
      counting: 'fractional',
    })
    expect(twice).toEqual(once)
  })
})

describe('institution roll-up', () => {
  it('counts institutions under the top of their ROR parent chain, each work once', async () => {
    // Paris (I2) and Lyon (I3) roll up into one system "S": b has both and counts once; a and e count too.
    await store.replaceRollup(
      new Map([
        ['I2', 'S'],
        ['I3', 'S'],
      ]),
      { file: 'ror.json', organisations: 3, loadedAt: new Date(0) },
    )
    const rolled = byKey(await rows('output', { level: 'institution', rollUp: true }), 'institution')
    expect(rolled.S?.value).toBe(3)
    expect(rolled.I2).toBeUndefined()
    expect(byKey(await rows('output', { level: 'institution' }), 'institution').I2?.value).toBe(3)
    // Fractional: a 1/3 + b 1 (1/2 + 1/2) + e 1/3.
    const fractional = byKey(
      await rows('output', { level: 'institution', rollUp: true, counting: 'fractional' }),
      'institution',
    )
    expect(fractional.S?.value).toBeCloseTo(5 / 3, 9)
    expect((await store.dataVersion()).registry).toEqual({
      file: 'ror.json',
      organisations: 3,
      loadedAt: new Date(0).toISOString(),
    })
    await expect(rows('output', { rollUp: true })).rejects.toMatchObject({ code: 'BAD_OPTION' })
  })
})
