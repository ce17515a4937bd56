import { readFileSync } from 'node:fs'
import { sql } from '@meridian/indicators'
import { ingestFiles } from '@meridian/io'
import { Store } from '@meridian/store'
import { describe, expect, it } from 'vitest'
import { HAVE_SHARED_DATA, shared } from './shared-data.js'

const FILE = 'openalex-openalexpro-fixtures/openalex_works_340.jsonl'

describe.skipIf(!HAVE_SHARED_DATA)('OpenAlex works, through the store', () => {
  it('gives every work the number of countries OpenAlex counts (countries_distinct_count)', async () => {
    const expected = new Map<string, number>()
    for (const line of readFileSync(shared(FILE), 'utf8').split('\n')) {
      if (!line.trim()) continue
      const work = JSON.parse(line) as { id: string; countries_distinct_count: number }
      expected.set(work.id.replace('https://openalex.org/', ''), work.countries_distinct_count)
    }
    const store = await Store.open({ path: ':memory:' })
    try {
      const run = await store.beginIngest()
      const report = await ingestFiles([shared(FILE)], run, { onError: 'fail' })
      const counts = await run.commit({ files: [FILE], problems: 0, now: new Date(0) })
      expect(report.records).toBe(340)
      // Works are keyed by their identifiers: the file repeats none.
      expect(counts.added).toBe(340)
      const rows = await store.runner.all(sql`SELECT w.openalex_id, f.n_countries FROM works w
        JOIN work_facts f ON f.work_id = w.work_id AND f.policy = 'iso'`)
      const ours = new Map(rows.map((r) => [String(r.openalex_id), Number(r.n_countries)]))
      expect(ours).toEqual(expected)
      const status = await store.status()
      expect(status.works).toBe(340)
      expect(status.worksWithCountry).toBe([...expected.values()].filter((n) => n > 0).length)
      expect(status.internationalWorks).toBe([...expected.values()].filter((n) => n >= 2).length)
    } finally {
      store.close()
    }
  })
})
