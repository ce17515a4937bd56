import { sql } from '@meridian/indicators'
import type { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildExpertiseIndex, indexCorpus, type ExpertiseIndex } from './build-index.js'
import type { SearchWork, WorkText } from './corpus.js'
import { fixtureStore, INST } from './fixture.test-util.js'
import { MAX_SCORED_WORKS, searchExperts } from './search-experts.js'

let store: Store
let index: ExpertiseIndex
beforeAll(async () => {
  store = await fixtureStore()
  // A store from before work_abstracts and work_keywords (schema version 3).
  await store.runner.all(sql`DROP TABLE work_abstracts`)
  await store.runner.all(sql`DROP TABLE work_keywords`)
  index = await buildExpertiseIndex(store.runner)
})
afterAll(() => store.close())

const ids = (result: ReturnType<typeof searchExperts>) => result.rows.map((r) => r.id)
const titles = (result: ReturnType<typeof searchExperts>) =>
  new Set(result.rows.flatMap((r) => r.evidence.map((e) => e.title)))
// The store keys an institution by its ROR id when it has one, else by its OpenAlex id.
const key = (inst: { id: string; ror?: string }) => (inst.ror ? `https://ror.org/${inst.ror}` : inst.id)

describe('searchExperts', () => {
  it('reads an older store through the runner and says which texts it could not index', () => {
    expect(index.indexed).toBe(9)
    const { method } = searchExperts(index, 'graphene')
    expect(method.texts).toEqual({ title: true, fields: true, keywords: false, abstracts: false })
    expect(method.notes.join(' ')).toMatch(/work_abstracts/)
  })

  it('finds Chinese titles from a Chinese query segmented into words', () => {
    const found = searchExperts(index, '石墨烯电池')
    expect(titles(found)).toEqual(new Set(['石墨烯储能材料的研究', '石墨烯电池电极的制备']))
    // The work that has 石墨烯 and 电池 both ranks first.
    expect(found.rows[0]?.evidence[0]?.title).toBe('石墨烯电池电极的制备')
    expect(new Set(ids(found))).toEqual(new Set([INST.peking, INST.tsinghua].map(key)))
  })

  it('finds Japanese titles', () => {
    expect(titles(searchExperts(index, 'グラフェン'))).toEqual(new Set(['グラフェン電池の研究']))
  })

  it('"knowledge" does not match "acknowledgement"', () => {
    const found = searchExperts(index, 'knowledge', { kind: 'author' })
    expect(titles(found)).toEqual(
      new Set([
        'Knowledge graphs for research evaluation',
        'Knowledge transfer between universities and industry',
      ]),
    )
  })

  it('matches plurals to singulars', () => {
    expect(titles(searchExperts(index, 'battery electrode'))).toEqual(
      new Set(['Lithium battery electrodes from graphene', 'Graphene batteries: a review']),
    )
  })

  it('ranks institutions with their matching works as evidence', () => {
    const found = searchExperts(index, 'graphene batteries')
    const berlin = found.rows.find((r) => r.id === key(INST.berlin))
    expect(berlin).toMatchObject({
      label: INST.berlin.name,
      country: 'DE',
      type: 'education',
      key: 'institution',
    })
    expect(berlin?.evidence.map((e) => e.title)).toEqual([
      'Graphene batteries: a review',
      'Co-authorship networks of graphene research',
    ])
    for (const row of found.rows) {
      expect(row.evidence.length).toBe(row.matchingWorks)
      for (const e of row.evidence)
        expect(e).toMatchObject({ id: expect.any(Number), year: expect.any(Number) })
    }
    const scores = found.rows.map((r) => r.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  it('keys researchers by ORCID, else by name and institution, never by name alone', () => {
    const found = searchExperts(index, 'graphene 石墨烯', { kind: 'author' })
    const li = found.rows.find((r) => r.label === 'Li Wei')
    expect(li).toMatchObject({ id: 'orcid:0000-0002-1825-0097', key: 'orcid' })
    expect(li?.matchingWorks).toBe(2)
    const wangs = found.rows.filter((r) => r.label === 'Wang Fang')
    expect(wangs.map((r) => [r.key, r.institution]).sort()).toEqual([
      ['name+institution', INST.peking.name],
      ['name+institution', INST.tsinghua.name],
    ])
  })

  it('ranks countries', () => {
    const found = searchExperts(index, 'graphene', { kind: 'country' })
    expect(new Set(ids(found))).toEqual(new Set(['CN', 'DE', 'JP']))
    expect(found.rows.find((r) => r.id === 'DE')?.label).toBe('Germany')
  })

  it('filters by country, type, field, years and minimum output', () => {
    expect(ids(searchExperts(index, 'graphene', { country: 'de' }))).toEqual([key(INST.berlin)])
    expect(ids(searchExperts(index, 'knowledge', { type: 'company' }))).toEqual([key(INST.acme)])
    expect(ids(searchExperts(index, 'knowledge', { kind: 'author', type: 'company' }))).toHaveLength(1)
    expect(titles(searchExperts(index, 'graphene', { field: 'computer science' }))).toEqual(
      new Set(['Co-authorship networks of graphene research']),
    )
    expect(titles(searchExperts(index, 'graphene', { years: '2016-2021' }))).toEqual(
      new Set(['Lithium battery electrodes from graphene']),
    )
    // Kyoto has three works, Peking one: minWorks counts output, not matches.
    const min3 = searchExperts(index, 'graphene 石墨烯', { minWorks: 3 })
    expect(new Set(ids(min3))).toEqual(new Set([INST.berlin, INST.kyoto, INST.tsinghua].map(key)))
    expect(min3.method.notes.join(' ')).toMatch(/fewer than 3 works/)
  })

  it('pages through every unit with the total of all pages and no cap', () => {
    const all = searchExperts(index, 'graphene research 石墨烯 knowledge', { kind: 'author', pageSize: 1000 })
    expect(all.total).toBe(all.rows.length)
    expect(all.total).toBeGreaterThan(4)
    const paged = [1, 2, 3].flatMap((page) => {
      const p = searchExperts(index, 'graphene research 石墨烯 knowledge', {
        kind: 'author',
        page,
        pageSize: 2,
      })
      expect(p.total).toBe(all.total)
      return p.rows
    })
    expect(paged.map((r) => [r.rank, r.id])).toEqual(all.rows.slice(0, 6).map((r) => [r.rank, r.id]))
    expect(searchExperts(index, 'graphene', { page: 99 }).rows).toEqual([])
  })

  it('refuses bad options with BAD_OPTION', () => {
    for (const input of [
      { kind: 'planet' },
      { page: 0 },
      { pageSize: 1.5 },
      { years: '20-21' },
      { country: 'XX1' },
      { type: 'castle' },
      { kind: 'country', type: 'company' },
    ])
      expect(() => searchExperts(index, 'graphene', input)).toThrow(
        expect.objectContaining({ code: 'BAD_OPTION' }),
      )
  })

  it('leaves out excluded works as if they were not indexed', () => {
    const found = searchExperts(index, '石墨烯电池', {
      excludeWorks: searchExperts(index, '电池').rows[0]?.evidence.map((e) => e.id) ?? [],
    })
    expect(titles(found)).toEqual(new Set(['石墨烯储能材料的研究']))
  })
})

describe('searchExperts on a store with keywords, abstracts and an institution roll-up', () => {
  let store2: Store
  let full: ExpertiseIndex
  beforeAll(async () => {
    store2 = await fixtureStore()
    const run = (q: ReturnType<typeof sql>) => store2.runner.all(q)
    const work = async (title: string) =>
      Number((await run(sql`SELECT work_id FROM works WHERE title = ${title}`))[0]?.work_id)
    await run(
      sql`INSERT INTO work_keywords VALUES (${await work('Graphene batteries: a review')}, ${'储能'}, ${'author'}, ${1})`,
    )
    await run(
      sql`INSERT INTO work_abstracts VALUES (${await work('Knowledge graphs for research evaluation')}, ${'We study scientometric indicators.'})`,
    )
    await run(sql`INSERT INTO institution_rollup VALUES (${'I2'}, ${key(INST.tsinghua)})`)
    full = await buildExpertiseIndex(store2.runner)
  })
  afterAll(() => store2.close())

  it('indexes keywords (Chinese too) and abstracts once the store has them', () => {
    expect(searchExperts(full, 'graphene').method.texts).toEqual({
      title: true,
      fields: true,
      keywords: true,
      abstracts: true,
    })
    expect(titles(searchExperts(full, '储能'))).toEqual(
      new Set(['石墨烯储能材料的研究', 'Graphene batteries: a review']),
    )
    expect(titles(searchExperts(full, 'scientometric'))).toEqual(
      new Set(['Knowledge graphs for research evaluation']),
    )
  })

  it('rolls institutions up to their top-level organisation when asked', () => {
    const rolled = searchExperts(full, '石墨烯电池', { rollUp: true })
    expect(rolled.rows.map((r) => [r.id, r.key, r.matchingWorks])).toEqual([
      [key(INST.tsinghua), 'organisation', 2],
    ])
    expect(rolled.method.notes.join(' ')).toMatch(/institution_rollup/)
  })
})

describe('searchExperts on more matching works than it scores', () => {
  it('scores units from the best-matching works only, and says so', () => {
    const n = MAX_SCORED_WORKS + 50
    const works = new Map<number, SearchWork>()
    const texts: WorkText[] = []
    const workInstitutions = new Map<number, string[]>()
    for (let id = 1; id <= n; id++) {
      works.set(id, { id, title: null, year: 2020, citedBy: 0, doi: null, fields: [] })
      // The last 50 works match best (the query twice), each the only work of its institution; of the others (all
      // tied), the last 50 in index order fall beyond the works scored, each the only work of its institution.
      texts.push({
        id,
        title: id > MAX_SCORED_WORKS ? 'battery battery' : 'battery cell',
        keywords: '',
        abstract: '',
      })
      workInstitutions.set(id, [
        id > MAX_SCORED_WORKS ? `best-${id}` : id > MAX_SCORED_WORKS - 50 ? `cut-${id}` : `weak-${id % 7}`,
      ])
    }
    const index = indexCorpus({
      works,
      texts,
      institutions: new Map(),
      workInstitutions,
      workCountries: new Map(),
      workAuthors: new Map(),
      has: { abstracts: true, keywords: true },
      latestYear: 2020,
    })
    const found = searchExperts(index, 'battery', { kind: 'institution', pageSize: 100 })
    expect(found.matchingWorks).toBe(n)
    expect(found.total).toBe(50 + 7)
    expect(found.rows.filter((r) => r.id.startsWith('best-'))).toHaveLength(50)
    expect(found.rows.some((r) => r.id.startsWith('cut-'))).toBe(false)
    expect(found.method.notes.join(' ')).toContain(`from the ${MAX_SCORED_WORKS} works that match best`)
    // Below the limit nothing is said.
    expect(searchExperts(index, 'battery', { kind: 'institution', years: '1999' }).method.notes).toEqual([])
  }, 60_000)
})
