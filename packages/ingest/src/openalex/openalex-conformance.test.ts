import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ReadItem, Work } from '@meridian/model'
import { readAll, sharedPath } from '../shared-data.test-util.js'
import { keepMembers } from './json-skim.js'
import { readOpenAlexApiPage } from './openalex-api-page.js'
import { readOpenAlexJsonl } from './openalex-jsonl.js'
import { decodeOpenAlexText } from './openalex-text.js'
import { OPENALEX_WORK_MEMBERS, decodeOpenAlexWork } from './openalex-work.js'

// Real OpenAlex records and OpenAlex's own per-work counts, outside the repository (see ../shared/data).
const FOLDER = sharedPath('openalex-openalexpro-fixtures')
const JSONL_PATH = 'openalex-openalexpro-fixtures/openalex_works_340.jsonl'
const JSONL = sharedPath(JSONL_PATH)
const PAGE = sharedPath('openalex-openalexpro-fixtures/api_page_search_biodiversity_AND_finance_page1.json')
const present = existsSync(JSONL) && existsSync(PAGE)
if (!present) console.warn(`Skipping OpenAlex conformance: ${FOLDER} not found (set MERIDIAN_SHARED_DATA).`)

interface Counts {
  readonly countries_distinct_count?: number
  readonly institutions_distinct_count?: number
  readonly authorships?: readonly unknown[]
}

const countries = (w: Work) =>
  new Set(w.authorships.flatMap((a) => a.affiliations.map((f) => f.country)).filter((c) => c !== null)).size
const institutions = (w: Work) =>
  new Set(w.authorships.flatMap((a) => a.affiliations.map((f) => f.institution?.openalex)).filter(Boolean))
    .size

function works(items: readonly ReadItem[]): Work[] {
  return items.flatMap((item) => (item.kind === 'work' ? [item.work] : []))
}

describe.skipIf(!present)('OpenAlex conformance: openalex_works_340.jsonl', () => {
  const lines = present ? readFileSync(JSONL, 'utf8').split('\n') : []
  const records = lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Counts)

  it('reads all 340 works without a problem', async () => {
    const { works, problems } = await readAll(readOpenAlexJsonl, JSONL_PATH)
    expect(problems).toEqual([])
    expect(works).toHaveLength(340)
  })

  it("matches OpenAlex's countries_distinct_count for every work", async () => {
    const mismatches = (await readAll(readOpenAlexJsonl, JSONL_PATH)).works.flatMap((w, i) => {
      const expected = records[i]?.countries_distinct_count
      return countries(w) === expected ? [] : [{ work: w.ids.openalex, ours: countries(w), expected }]
    })
    expect(mismatches).toEqual([])
  })

  it('matches institutions_distinct_count, or the authorship count OpenAlex now puts there', async () => {
    // Newer records (those with a top-level `institutions` member) carry the number of authorships in
    // institutions_distinct_count, not the number of institutions; every record is one or the other.
    let exact = 0
    const neither = (await readAll(readOpenAlexJsonl, JSONL_PATH)).works.flatMap((w, i) => {
      const record = records[i] ?? {}
      if (institutions(w) === record.institutions_distinct_count) exact++
      else if (record.authorships?.length !== record.institutions_distinct_count) return [w.ids.openalex]
      return []
    })
    expect(neither).toEqual([])
    expect(exact).toBe(154)
  })

  it('decodes every record the same with and without skipping unread members', () => {
    for (const [index, line] of lines.entries()) {
      if (line.trim() === '') continue
      const at = { file: 'f', line: index + 1 }
      const expected = decodeOpenAlexWork(JSON.parse(line), at)
      // As stored here (spaced) and as OpenAlex snapshots write it (compact).
      for (const text of [line, JSON.stringify(JSON.parse(line))]) {
        expect(keepMembers(text, OPENALEX_WORK_MEMBERS)).toBeDefined()
        expect(decodeOpenAlexText(text, at)).toEqual(expected)
      }
    }
  })
})

describe.skipIf(!present)('OpenAlex conformance: API page', () => {
  it('decodes all 200 results of the page, countries matching OpenAlex', () => {
    const text = present ? readFileSync(PAGE, 'utf8') : '{}'
    const page = JSON.parse(text) as { results: Counts[] }
    const items = [...readOpenAlexApiPage(text, { file: 'page1.json' })]
    expect(items.filter((item) => item.kind === 'problem')).toEqual([])
    const decoded = works(items)
    expect(decoded).toHaveLength(200)
    expect(decoded.map(countries)).toEqual(page.results.map((r) => r.countries_distinct_count))
    expect(decoded.every((w) => w.provenance.format === 'openalex-api-page' && w.provenance.line === 1)).toBe(
      true,
    )
  })
})
