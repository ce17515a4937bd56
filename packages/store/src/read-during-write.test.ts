import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from '@meridian/indicators'
import { afterEach, describe, expect, it } from 'vitest'
import { inst, work } from './fixtures.test-util.js'
import { Store } from './store.js'

const tsinghua = inst('I1', 'CN')
const mit = inst('I2', 'US')
const count = async (store: Store) =>
  Number((await store.runner.all(sql`SELECT count(*) AS n FROM works`))[0]?.n)

describe('a writable store with reading connections (a server that takes new data)', () => {
  let dir = ''
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('answers reads during an ingest from the data as it was, and sees the new data once it commits', async () => {
    dir = mkdtempSync(join(tmpdir(), 'meridian-rw-'))
    const store = await Store.open({ path: join(dir, 'store.duckdb'), readers: 2 })
    try {
      const first = await store.beginIngest()
      first.add(work('10.1000/a', [[tsinghua], [mit]]))
      await first.commit({ files: ['a.jsonl'], problems: 0, now: new Date(0) })
      const before = await store.dataVersion()

      const run = await store.beginIngest()
      run.add(work('10.1000/b', [[tsinghua]]))
      run.add(work('10.1000/c', [[mit]]))
      // The write's transaction is open: reads run on other connections and see one work.
      expect(await count(store)).toBe(1)
      expect(await store.dataVersion()).toEqual(before)
      const [status] = await Promise.all([store.status(), count(store), count(store)])
      expect(status.works).toBe(1)

      await run.commit({ files: ['b.jsonl'], problems: 0, now: new Date(0) })
      expect(await count(store)).toBe(3)
      expect((await store.dataVersion()).ingests).toBe(before.ingests + 1)
    } finally {
      store.close()
    }
  })

  it('keeps the old data for reads when an ingest is rolled back', async () => {
    dir = mkdtempSync(join(tmpdir(), 'meridian-rw-'))
    const store = await Store.open({ path: join(dir, 'store.duckdb'), readers: 1 })
    try {
      const run = await store.beginIngest()
      run.add(work('10.1000/d', [[mit]]))
      await run.rollback()
      expect(await count(store)).toBe(0)
    } finally {
      store.close()
    }
  })
})
