import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { evaluate, indicator, selectionWorks, sql } from '@meridian/indicators'
import { readOpenAlexJsonl } from '@meridian/ingest'
import { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, member, steerFixture } from './engines.test-util.js'
import { outputSelection, type OutputLinkRule } from './output-selection.js'

const FILE = fileURLToPath(
  new URL('../../../../shared/data/openalex-openalexpro-fixtures/openalex_works_340.jsonl', import.meta.url),
)
const HAVE = existsSync(FILE)
if (!HAVE) console.warn(`skipped: output linking on real OpenAlex works needs ${FILE} (../shared/data)`)

const link = (funder: string, awardIds: readonly string[] = []): OutputLinkRule => ({
  method: 'funder-award',
  funder,
  awardIds,
  institutions: [],
  fromYear: null,
  toYear: null,
  dois: [],
})

type Json = Record<string, unknown>
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : [])
const short = (id: unknown) => String(id ?? '').replace('https://openalex.org/', '')
// Our own plain normalisation for the check: any dash-like character as "-", no spaces, lower case.
const plain = (award: string) =>
  award
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s/g, '')
    .toLowerCase()

/** Work ids carrying the funder (and, when given, one of the awards), by a plain scan of the JSON. */
function scan(lines: readonly string[], funder: string, awards: readonly string[] = []): string[] {
  const wanted = new Set(awards.map(plain))
  const out = new Set<string>()
  for (const line of lines) {
    const w = JSON.parse(line) as Json
    const grants = arr(w.grants).filter((g) => short(g.funder) === funder)
    const awarded = arr(w.awards).filter((a) => short(a.funder_id) === funder)
    const hit =
      wanted.size === 0
        ? arr(w.funders).some((f) => short(f.id) === funder) || grants.length > 0 || awarded.length > 0
        : grants.some((g) =>
            String(g.award_id ?? '')
              .split(/[,;]/)
              .some((a) => wanted.has(plain(a))),
          ) || awarded.some((a) => wanted.has(plain(String(a.funder_award_id ?? ''))))
    if (hit) out.add(short(w.id))
  }
  return [...out].sort()
}

describe.skipIf(!HAVE)('output links on the real OpenAlex works in ../shared/data', () => {
  let store: Store
  let lines: string[]
  beforeAll(async () => {
    lines = readFileSync(FILE, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
    store = await Store.open({ path: ':memory:' })
    const run = await store.beginIngest()
    async function* source() {
      yield* lines
    }
    for await (const item of readOpenAlexJsonl(source(), { file: 'openalex_works_340.jsonl' }))
      if (item.kind === 'work') run.add(item.work)
    await run.commit({ files: [FILE], problems: 0, now: new Date(0) })
  }, 60_000)
  afterAll(() => store?.close())

  const linked = async (links: readonly OutputLinkRule[]): Promise<string[]> => {
    const selection = outputSelection(links)
    if (selection === null) return []
    const rows = await store.runner.all(sql`SELECT openalex_id FROM works
      WHERE work_id IN (${selectionWorks(selection)}) ORDER BY openalex_id`)
    return rows.map((r) => String(r.openalex_id))
  }

  const PROGRAMMES: readonly [string, string, readonly string[]][] = [
    ['National Science Foundation', 'F4320306076', []],
    ['Nature Conservancy', 'F4320315140', []],
    ['Global Environment Facility', 'F4320312592', []],
    // The file writes G‐2017‐9800 with U+2010 hyphens; the programme writes ASCII ones.
    ['Alfred P. Sloan Foundation, one award', 'F4320306151', ['G-2017-9800']],
    ['JSPS, the second of an award list', 'F4320334764', ['20k20132']],
  ]
  for (const [name, funder, awards] of PROGRAMMES)
    it(`${name}: links exactly the works that carry it`, async () => {
      const expected = scan(lines, funder, awards)
      expect(expected.length).toBeGreaterThan(0)
      expect(await linked([link(funder, awards)])).toEqual(expected)
    })

  it('a programme of several links gets the union, each work once', async () => {
    const expected = [...new Set([...scan(lines, 'F4320306076'), ...scan(lines, 'F4320315140')])].sort()
    expect(await linked([link('F4320306076'), link('F4320315140')])).toEqual(expected)
  })

  it('indicators over the linked outputs equal them over a store of only those works', async () => {
    const links = [link('F4320306076'), link('F4320315140'), link('F4320306151', ['G-2017-9800'])]
    const ids = new Set(await linked(links))
    const only = await Store.open({ path: ':memory:' })
    try {
      const run = await only.beginIngest()
      async function* source() {
        yield* lines.filter((l) => ids.has(short((JSON.parse(l) as Json).id)))
      }
      for await (const item of readOpenAlexJsonl(source(), { file: 'linked.jsonl' }))
        if (item.kind === 'work') run.add(item.work)
      await run.commit({ files: ['linked'], problems: 0, now: new Date(0) })
      const works = outputSelection(links)!
      for (const id of ['output', 'international-share', 'collaboration-types']) {
        const selected = await evaluate(store.runner, indicator(id), { intervals: false, works })
        const alone = await evaluate(only.runner, indicator(id), { intervals: false })
        expect([id, selected.rows, selected.coverage.works]).toEqual([id, alone.rows, alone.coverage.works])
      }
    } finally {
      only.close()
    }
  })

  it('the services: links added to a programme list, per link and in total, the works a plain scan finds', async () => {
    const [engine] = ENGINES
    if (!engine) throw new Error('no state engine')
    const { steer, mine } = await steerFixture(engine)
    const pm = member('programme-manager', mine)
    const programme = await steer.createProgramme(pm, { title: 'Real funders (test)' })
    const funders: readonly [string, readonly string[]][] = [
      ['https://openalex.org/F4320306076', []],
      ['F4320306151', ['G-2017-9800']],
    ]
    for (const [funder, awardIds] of funders)
      await steer.addOutputLink(pm, programme.id, { method: 'funder-award', funder, awardIds })
    const listed = await steer.listOutputs(pm, programme.id, store, { limit: 500 })
    const expected = funders.map(([funder, awards]) => scan(lines, short(funder), awards))
    expect(listed.links.map((l) => l.matched)).toEqual(expected.map((ids) => ids.length))
    const all = [...new Set(expected.flat())].sort()
    expect(listed.total).toBe(all.length)
    const ids = await store.runner.all(sql`SELECT work_id, openalex_id FROM works`)
    const openalex = new Map(ids.map((r) => [Number(r.work_id), String(r.openalex_id)]))
    expect(listed.works.map((w) => openalex.get(w.id)).sort()).toEqual(all)
  })

  it('an award the funder never gave links nothing', async () => {
    expect(await linked([link('F4320306151', ['G-1999-0000'])])).toEqual([])
  })
})
