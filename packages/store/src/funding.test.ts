import { sql } from '@meridian/indicators'
import type { Funding, FunderId, Work } from '@meridian/model'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Store } from './store.js'
import { ingestWorks as ingest, inst, work } from './fixtures.test-util.js'

const row = (funderId: string | null, award: string | null, source: Funding['source']): Funding => ({
  funderId: funderId as FunderId | null,
  funderName: funderId === null ? 'Someone' : `Funder ${funderId}`,
  funderRor: null,
  award,
  source,
  note: null,
})
const funded = (doi: string, funding: readonly Funding[], file = 'a.jsonl'): Work => ({
  ...work(doi, [[inst('I1', 'CN')]], { file }),
  funding,
})

let store: Store | undefined
afterEach(() => store?.close())

describe('work_funding', () => {
  it('keeps each record’s funding, normalises award keys and adds a merged record’s rows once', async () => {
    store = await Store.open({ path: ':memory:' })
    await ingest(store, [
      funded('10.1000/f1', [
        row('F1', 'G\u20102017\u20109800', 'openalex-grants'),
        row('F2', null, 'openalex-funders'),
      ]),
      funded('10.1000/f2', []),
    ])
    // The same work again from another file: same rows add nothing, a new row joins.
    await ingest(store, [
      funded(
        '10.1000/f1',
        [row('F1', 'G\u20102017\u20109800', 'openalex-grants'), row('10.13039/1', '7', 'crossref')],
        'b',
      ),
    ])
    const rows = await store.runner.all(sql`SELECT w.doi, f.funder_id, f.award_id, f.award_key, f.source
      FROM work_funding f JOIN works w ON w.work_id = f.work_id ORDER BY f.source, f.funder_id`)
    expect(rows.map((r) => Object.values(r))).toEqual([
      ['10.1000/f1', '10.13039/1', '7', '7', 'crossref'],
      ['10.1000/f1', 'F2', null, null, 'openalex-funders'],
      ['10.1000/f1', 'F1', 'G\u20102017\u20109800', 'g-2017-9800', 'openalex-grants'],
    ])
  })

  it('upgrades a store of schema version 2 when opened for writing; refuses it read-only before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meridian-funding-'))
    try {
      const path = join(dir, 'store.duckdb')
      const old = await Store.open({ path })
      await old.runner.all(sql`UPDATE meta SET value = '2' WHERE key = 'schema_version'`)
      await old.runner.all(sql`DROP TABLE work_funding`)
      old.close()
      await expect(Store.open({ path, readOnly: true })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' })
      const upgraded = await Store.open({ path })
      await ingest(upgraded, [funded('10.1000/f3', [row('F9', null, 'openalex-funders')])])
      const [n] = await upgraded.runner.all(sql`SELECT count(*) AS n FROM work_funding`)
      expect(Number(n?.n)).toBe(1)
      upgraded.close()
      ;(await Store.open({ path, readOnly: true })).close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
