import { describe, expect, it } from 'vitest'
import {
  distanceToGroundTruth,
  emulatedCorresponding,
  HAVE_SHARED_DATA,
  readAll,
  warnIfNoSharedData,
} from '../shared-data.test-util.js'
import { readScopusCsv } from './scopus-csv.js'

warnIfNoSharedData('Scopus CSV conformance tests')

describe.skipIf(!HAVE_SHARED_DATA)('readScopusCsv on real exports', () => {
  // litstudy's scopus.csv: 56 of its 58 rows carry a `Funding Text 2` cell its header does not name.
  it.each([
    ['bibliometrix-fixtures/scopus_sample.csv', 8, '2-s2.0-105030721984'],
    ['litstudy-exports/scopus.csv', 58, '2-s2.0-27344436659'],
    ['metaknowledge-tests/scopus_testing.csv.scopus', 220, '2-s2.0-84963944162'],
  ])('%s: %i works, no problems, first EID %s', async (path, count, eid) => {
    const { works, problems } = await readAll(readScopusCsv, path)
    expect(problems).toEqual([])
    expect(works).toHaveLength(count)
    expect(works[0]?.ids.scopus).toBe(eid)
    expect(works.every((w) => w.ids.scopus !== null)).toBe(true)
  })

  it.each([
    ['fixtures-scopus-csv', 'bibliometrix-fixtures/scopus_sample.csv', 0],
    // bibliometrix reads litstudy's rows with the header as written, one column off after `Funding Text 1`
    // for 56 of 58 rows (its correspondence address is then another column): 28 articles get a country
    // there, 49 here.
    ['litstudy-scopus-csv', 'litstudy-exports/scopus.csv', 30],
  ])(
    '%s: documents as bibliometrix; corresponding-author countries %s articles apart',
    async (label, path, apart) => {
      const { works } = await readAll(readScopusCsv, path)
      const { documents, distance } = distanceToGroundTruth(label, works, emulatedCorresponding)
      expect(works).toHaveLength(documents)
      expect(distance).toBe(apart)
    },
  )
})
