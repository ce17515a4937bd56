import { evaluate, indicator } from '@meridian/indicators'
import { MeridianError } from '@meridian/model'
import { buildNetwork } from '@meridian/networks'
import type { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildProfile, buildProfiles, type ProfileSource } from './build.js'
import { createProfileCache } from './cache.js'
import { INST, SMITH, profileStore } from './profile.test-util.js'

let store: Store
let source: ProfileSource
beforeAll(async () => {
  store = await profileStore()
  source = { all: (q) => store.runner.all(q), dataVersion: () => store.dataVersion() }
})
afterAll(() => store.close())

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof MeridianError ? error.code : String(error)),
  )

describe('country profile (hand-computed on the fixture)', () => {
  it('counts output by year, fields with shares and trends, and partners with leadership', async () => {
    const p = await buildProfile(source, { level: 'country', unit: 'us' })
    expect(p).toMatchObject({ kind: 'profile', unit: 'US', name: 'United States', keyBasis: null })
    expect(p.production).toMatchObject({ works: 5, industryShare: 0.2, mncs: expect.any(Number) })
    expect(p.production.byYear.map((y) => [y.year, y.full])).toEqual([
      [2015, 1],
      [2016, 1],
      [2018, 1],
      [2019, 1],
      [2020, 1],
    ])
    expect(p.fields.map((f) => [f.name, f.works, f.share])).toEqual([
      ['Physics', 3, 0.6],
      ['Chemistry', 2, 0.4],
      ['Medicine', 1, 0.2],
    ])
    // Physics: 1 of the 3 works of 2018-2020, 2 of the 2 of 2015-2017.
    expect(p.fields[0]?.trend).toEqual({ recent: 1 / 3, previous: 1, change: 1 / 3 - 1 })
    expect(p.partners.count).toBe(3)
    expect(p.partners.countries.map((c) => [c.id, c.works])).toEqual([
      ['FR', 2],
      ['DE', 1],
      ['GB', 1],
    ])
    const fr = p.partners.countries[0]
    expect(fr?.trend).toEqual({ recent: 1, previous: 1, change: 0 })
    expect(fr?.leadership?.firstAuthor).toEqual({ known: 2, led: 1, partnerLed: 1 })
    // Institutions of other countries only.
    expect(p.partners.institutions.map((i) => i.name)).toEqual([
      'Institut F (synthetic)',
      'Institut D (synthetic)',
      'Acme Labs (synthetic)',
    ])
    expect(p.method).toMatchObject({
      countryPolicy: 'iso',
      trendWindows: { recent: { from: 2018, to: 2020 }, previous: { from: 2015, to: 2017 } },
      coverage: { works: 5, worksWithField: 5 },
      dataVersion: { works: 6 },
    })
  })

  it('weights keyword terms by TF-IDF with recency and citations when the store has keywords', async () => {
    const p = await buildProfile(source, { level: 'country', unit: 'US' })
    if (p.method.topics === 'fields') return expect(p.terms).toEqual([])
    // graphene: w1 (2015, 10 citations) and w4 (2019, 2); idf ln(6 / 2). spin: w4 only; idf ln(6 / 1).
    const tf = (age: number, cites: number) => 0.5 ** (age / 5) * Math.log(2 + cites)
    const weights = Object.fromEntries(p.terms.map((t) => [t.term, t.weight]))
    expect(weights.graphene).toBeCloseTo((tf(5, 10) + tf(1, 2)) * Math.log(3), 9)
    expect(weights.spin).toBeCloseTo(tf(1, 2) * Math.log(6), 9)
    expect(Object.keys(weights)).not.toContain('catalysis')
    expect(p.keywords.find((k) => k.name === 'graphene')).toMatchObject({ works: 2, share: 0.4 })
  })

  it('restricts every part to the period asked for', async () => {
    const p = await buildProfile(source, { level: 'country', unit: 'US', years: '2018-2020' })
    expect(p.production.works).toBe(3)
    expect(p.partners.countries.map((c) => [c.id, c.works])).toEqual([
      ['FR', 1],
      ['GB', 1],
    ])
    expect(p.method.trendWindows?.recent).toEqual({ from: 2018, to: 2020 })
  })
})

describe('agreement with the indicator engine and the networks package', () => {
  it('outputs and partner counts of every country equal `output`, `partners` and the country network', async () => {
    const profiles = await buildProfiles(source, { level: 'country' })
    const output = await evaluate(source, indicator('output'), { intervals: false })
    const partners = await evaluate(source, indicator('partners'), { intervals: false })
    const network = await buildNetwork(source, { level: 'country' })
    for (const p of profiles) {
      expect(p.production.works).toBe(output.rows.find((r) => r.country === p.unit)?.value)
      expect(p.partners.count).toBe(partners.rows.find((r) => r.country === p.unit)?.value ?? 0)
      const index = network.nodes.findIndex((n) => n.id === p.unit)
      const links = network.links.filter((l) => l.source === index || l.target === index)
      expect(p.partners.countries.length).toBe(links.length)
      for (const link of links) {
        const other = network.nodes[link.source === index ? link.target : link.source]?.id
        expect(p.partners.countries.find((c) => c.id === other)?.works).toBe(link.strength)
      }
    }
    expect(profiles.map((p) => p.unit)).toEqual(['DE', 'FR', 'GB', 'US'])
  })

  it('a batched build gives each unit the profile it gets alone', async () => {
    const all = await buildProfiles(source, { level: 'institution' })
    for (const p of all) {
      const alone = await buildProfile(source, { level: 'institution', unit: p.unit })
      expect(alone).toEqual(p)
    }
  })
})

describe('institution and author profiles', () => {
  it('finds an institution by its ROR id and names partner countries other than its own', async () => {
    const p = await buildProfile(source, { level: 'institution', unit: '0fraaaa22' })
    expect(p).toMatchObject({ unit: INST.fr.ror, name: 'Institut F (synthetic)' })
    expect(p.production.works).toBe(3)
    expect(p.partners.countries.map((c) => [c.id, c.works])).toEqual(
      [
        ['DE', 1],
        ['US', 2],
      ].sort((a, b) => Number(b[1]) - Number(a[1])),
    )
    expect(p.partners.count).toBe(2)
  })

  it('keys an author by ORCID, and says so when a name keys one', async () => {
    const smith = await buildProfile(source, { level: 'author', unit: `https://orcid.org/${SMITH}` })
    expect(smith).toMatchObject({ unit: `orcid:${SMITH}`, name: 'Smith, Ann', keyBasis: 'orcid' })
    // The profile's own key opens the same profile (the dashboard links by it).
    const again = await buildProfile(source, { level: 'author', unit: smith.unit })
    expect(again).toEqual(smith)
    expect(smith.production).toMatchObject({ works: 3, firstAuthorWorks: 3, mncs: null })
    expect(smith.partners.count).toBeNull()
    const byName = await buildProfile(source, { level: 'author', unit: 'Smith, Ann' })
    expect(byName).toMatchObject({ unit: 'Smith, Ann', keyBasis: 'name', sameName: [`orcid:${SMITH}`] })
    expect(byName.production.works).toBe(1)
    const doe = await buildProfile(source, { level: 'author', unit: 'Doe, J' })
    expect(doe).toMatchObject({ unit: 'Doe, J', keyBasis: 'name', sameName: [] })
    const all = await buildProfiles(source, { level: 'author' })
    expect(all.find((p) => p.unit === 'Smith, Ann')).toEqual(byName)
  })

  it('refuses an unknown unit with NOT_FOUND naming it and a close match', async () => {
    expect(await codeOf(buildProfile(source, { level: 'country', unit: 'ZZ' }))).toBe('NOT_FOUND')
    const error = await buildProfile(source, { level: 'author', unit: 'Smith, An' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MeridianError)
    expect((error as MeridianError).message).toContain('"Smith, Ann"')
    expect(await codeOf(buildProfile(source, { level: 'country', unit: 'US', rollUp: true }))).toBe(
      'BAD_OPTION',
    )
  })
})

describe('cache', () => {
  it('serves a profile again until the data version changes', async () => {
    let revision = 1
    const versioned: ProfileSource = {
      all: (q) => store.runner.all(q),
      dataVersion: async () => ({ revision }),
    }
    const cache = createProfileCache(versioned)
    const first = await cache.profile({ level: 'country', unit: 'FR' })
    expect(await cache.profile({ level: 'country', unit: 'FR' })).toBe(first)
    expect(cache.builds).toBe(1)
    revision = 2
    const again = await cache.profile({ level: 'country', unit: 'FR' })
    expect(again).not.toBe(first)
    expect(again.method.dataVersion).toEqual({ revision: 2 })
    expect(cache.builds).toBe(2)
  })
})
