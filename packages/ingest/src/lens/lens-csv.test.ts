import { describe, expect, it } from 'vitest'
import { HAVE_SHARED_DATA, readAll, warnIfNoSharedData } from '../shared-data.test-util.js'
import { detectLensCsv, readLensCsv } from './lens-csv.js'

warnIfNoSharedData('Lens conformance test')

describe('readLensCsv', () => {
  it('detects a Lens header', () => {
    expect(detectLensCsv('"Lens ID","Title","Date Published","Author/s"')).toBe(true)
    expect(detectLensCsv('"Authors","Title"')).toBe(false)
  })

  it.skipIf(!HAVE_SHARED_DATA)(
    'bibliometrix lens_sample.csv: 8 works with authors and no affiliations',
    async () => {
      const { works, problems } = await readAll(readLensCsv, 'bibliometrix-fixtures/lens_sample.csv')
      expect(problems).toEqual([])
      expect(works).toHaveLength(8)
      expect(works[0]?.ids.doi).toBe('10.1007/s10669-020-09792-x')
      expect(works[0]?.authorships).toHaveLength(10)
      // The export carries no affiliations at all.
      expect(works.every((w) => w.authorships.every((a) => a.affiliations.length === 0))).toBe(true)
    },
  )
})
