import { describe, expect, it } from 'vitest'
import {
  emulatedTable,
  groundTruth,
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

  // bibliometrix reads litstudy's rows with the header as written, one column off after `Funding Text 1` for
  // 56 of 58 rows: their `Correspondence Address` is the `References` cell, whose first country name in its
  // list (anywhere in the text) it takes. `Work.bibliometrix` reads them so; our own reading does not.
  it.each([
    ['fixtures-scopus-csv', 'bibliometrix-fixtures/scopus_sample.csv'],
    ['litstudy-scopus-csv', 'litstudy-exports/scopus.csv'],
  ])('%s (%s): documents and corresponding-author country table as bibliometrix', async (label, path) => {
    const { works } = await readAll(readScopusCsv, path)
    const truth = groundTruth(label)
    expect(works).toHaveLength(truth.documents)
    expect(emulatedTable(works)).toEqual(truth.countries)
  })
})
