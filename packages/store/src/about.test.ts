import { sql } from '@meridian/indicators'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Store } from './store.js'

describe('work_abstracts and work_keywords', () => {
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
