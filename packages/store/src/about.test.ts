import { sql } from '@meridian/indicators'
import { NO_IDS, type SourceName, type Work, type WorkKeyword } from '@meridian/model'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ingestWorks as ingest, inst, work } from './fixtures.test-util.js'
import { Store } from './store.js'

const kw = (keyword: string, kind: WorkKeyword['kind'] = 'author', score: number | null = null) => ({
  keyword,
  kind,
  score,
})
const about = (
  source: SourceName,
  abstract: string | null,
  keywords: readonly WorkKeyword[],
  file = `${source}.txt`,
): Work => {
  const w = work('10.1000/k1', [[inst('I1', 'NL')]], { file })
  return { ...w, abstract, keywords, provenance: { ...w.provenance, source } }
}

let store: Store | undefined
afterEach(() => store?.close())

describe('work_abstracts and work_keywords', () => {
  it('keeps a work’s abstract by precedence and the union of its records’ keywords', async () => {
    store = await Store.open({ path: ':memory:' })
    await ingest(store, [
      about('openalex', 'Rebuilt from an index.', [
        kw('Bibliometrics', 'topic', 0.98),
        kw('citation', 'index', 0.4),
      ]),
    ])
    // The same work from Scopus (first for abstracts) and, in the same run, PubMed (after Scopus).
    const counts = await ingest(store, [
      about('scopus', 'The verbatim abstract.', [
        kw('citation', 'index', 0.4),
        kw('h-index'),
        kw('Bibliometrics'),
      ]),
      about('pubmed', 'A third abstract.', [kw('h-index'), kw('Citation Analysis', 'index')]),
    ])
    expect(counts.merges.map((m) => [m.source, m.took])).toEqual([
      ['pubmed', []],
      ['scopus', ['abstract']],
    ])
    // A record read again adds nothing; one lower in the precedence does not replace the abstract.
    await ingest(store, [about('openalex', 'Rebuilt again.', [kw('citation', 'index', 0.7)], 'b.jsonl')])
    const rows = await store.runner.all(
      sql`SELECT keyword, kind, score FROM work_keywords ORDER BY kind, keyword`,
    )
    expect(rows).toEqual([
      kw('Bibliometrics'),
      kw('h-index'),
      kw('Citation Analysis', 'index'),
      kw('citation', 'index', 0.4),
      kw('Bibliometrics', 'topic', 0.98),
    ])
    const abstracts = await store.runner.all(sql`SELECT a.abstract, f.source FROM work_abstracts a
      JOIN work_field_sources f ON f.work_id = a.work_id AND f.field = 'abstract'`)
    expect(abstracts).toEqual([{ abstract: 'The verbatim abstract.', source: 'scopus' }])
  })

  it('gives a new work the abstract of the first record with one, and none when no record has one', async () => {
    store = await Store.open({ path: ':memory:' })
    const other: Work = { ...about('wos', null, []), ids: NO_IDS }
    await ingest(store, [about('lens', null, []), about('crossref', 'Deposited.', []), other])
    const rows = await store.runner.all(sql`SELECT w.doi, a.abstract, f.source FROM works w
      LEFT JOIN work_abstracts a ON a.work_id = w.work_id
      LEFT JOIN work_field_sources f ON f.work_id = w.work_id AND f.field = 'abstract' ORDER BY w.work_id`)
    expect(rows).toEqual([
      { doi: '10.1000/k1', abstract: 'Deposited.', source: 'crossref' },
      { doi: null, abstract: null, source: null },
    ])
  })

  it('upgrades a store of schema version 3 when opened for writing; refuses it read-only before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meridian-about-'))
    try {
      const path = join(dir, 'store.duckdb')
      const old = await Store.open({ path })
      await old.runner.all(sql`UPDATE meta SET value = '3' WHERE key = 'schema_version'`)
      await old.runner.all(sql`DROP TABLE work_abstracts`)
      await old.runner.all(sql`DROP TABLE work_keywords`)
      old.close()
      await expect(Store.open({ path, readOnly: true })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' })
      ;(await Store.open({ path })).close()
      const upgraded = await Store.open({ path, readOnly: true })
      const [n] = await upgraded.runner.all(sql`SELECT
        (SELECT count(*) FROM work_abstracts) + (SELECT count(*) FROM work_keywords) AS n`)
      expect(Number(n?.n)).toBe(0)
      upgraded.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
