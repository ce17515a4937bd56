import { describe, expect, it } from 'vitest'
import type { Work } from '@meridian/model'
import {
  bibliometrixCountry,
  distanceToGroundTruth,
  emulatedTable,
  groundTruth,
  HAVE_SHARED_DATA,
  readAll,
  warnIfNoSharedData,
} from '../shared-data.test-util.js'
import { readPubmedMedline } from './pubmed-medline.js'

warnIfNoSharedData('PubMed conformance tests')

describe.skipIf(!HAVE_SHARED_DATA)('readPubmedMedline on real exports', () => {
  it.each([
    ['metaknowledge-tests/medline_test.medline', 175, '26524502'],
    ['pybibx-bibs/pubmed.txt', 335, null],
    ['pybibx-bibs/mcda_pubmed.txt', 10, null],
  ])('%s: %i works, no problems', async (path, count, first) => {
    const { works, problems } = await readAll(readPubmedMedline, path)
    expect(problems).toEqual([])
    expect(works).toHaveLength(count)
    if (first) expect(works[0]?.ids.pmid).toBe(first)
  })

  it('pybibx pubmed.txt: documents and corresponding-author country table as bibliometrix', async () => {
    const { works } = await readAll(readPubmedMedline, 'pybibx-bibs/pubmed.txt')
    const truth = groundTruth('pybibx-pubmed')
    expect(works).toHaveLength(truth.documents)
    expect(emulatedTable(works)).toEqual(truth.countries)
  })

  it('pybibx pubmed.txt: where bibliometrix finds no country, our first address often does', async () => {
    const { works } = await readAll(readPubmedMedline, 'pybibx-bibs/pubmed.txt')
    const first = (w: Work) => bibliometrixCountry(w.authorships[0]?.affiliations[0]?.country ?? null)
    expect(distanceToGroundTruth('pybibx-pubmed', works, first).distance).toBe(79)
    // bibliometrix reads the first address up to its first period, and only names of its list: `UK` is not
    // one (24 first addresses), and it drops the non-ASCII letters of `México` (2).
    const missed = works.filter((w) => w.bibliometrix?.corresponding === null && first(w) !== null)
    const count = (code: string) => missed.filter((w) => first(w) === code).length
    expect({ GB: count('GB'), MX: count('MX') }).toEqual({ GB: 24, MX: 2 })
    const mexico = works.find((w) => w.ids.pmid === '34076264')
    expect({ ours: first(mexico!), bibliometrix: mexico?.bibliometrix?.corresponding }).toEqual({
      ours: 'MX',
      bibliometrix: null,
    })
  })
})
