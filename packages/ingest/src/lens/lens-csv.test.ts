import { createReadStream, existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { ReadItem } from '@meridian/model'
import { detectLensCsv, readLensCsv } from './lens-csv.js'

const DATA =
  process.env['MERIDIAN_SHARED_DATA'] ?? fileURLToPath(new URL('../../../../../shared/data', import.meta.url))
const MISSING = !existsSync(DATA)
if (MISSING) console.warn(`Lens conformance test skipped: shared data folder ${DATA} is absent`)

describe('readLensCsv', () => {
  it('detects a Lens header', () => {
    expect(detectLensCsv('"Lens ID","Title","Date Published","Author/s"')).toBe(true)
    expect(detectLensCsv('"Authors","Title"')).toBe(false)
  })

  it.skipIf(MISSING)('bibliometrix lens_sample.csv: 8 works with authors and no affiliations', async () => {
    const path = 'bibliometrix-fixtures/lens_sample.csv'
    const lines = createInterface({ input: createReadStream(`${DATA}/${path}`), crlfDelay: Infinity })
    const items: ReadItem[] = []
    for await (const item of readLensCsv(lines, { file: path })) items.push(item)
    expect(items.filter((i) => i.kind === 'problem')).toEqual([])
    const works = items.flatMap((i) => (i.kind === 'work' ? [i.work] : []))
    expect(works).toHaveLength(8)
    expect(works[0]?.ids.doi).toBe('10.1007/s10669-020-09792-x')
    expect(works[0]?.authorships).toHaveLength(10)
    // The export carries no affiliations at all.
    expect(works.every((w) => w.authorships.every((a) => a.affiliations.length === 0))).toBe(true)
  })
})
