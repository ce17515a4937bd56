import { describe, expect, it } from 'vitest'
import type { CountryCode, Work } from '@meridian/model'
import {
  bibliometrixCountry,
  distanceToGroundTruth,
  emulatedTable,
  groundTruth,
  HAVE_SHARED_DATA,
  readAll,
  warnIfNoSharedData,
} from '../shared-data.test-util.js'
import { readWosPlaintext } from '../wos/index.js'
import { readScopusBibtex } from './scopus-bibtex.js'
import { readWosBibtex } from './wos-bibtex.js'

warnIfNoSharedData('BibTeX conformance tests')

/** Corresponding-author country under our extraction: the reprint address, else the first address. */
const corresponding = (work: Work): CountryCode | null =>
  work.correspondingAddress?.country ?? work.authorships[0]?.affiliations[0]?.country ?? null

const duplicates = (works: readonly Work[]): number => {
  const seen = new Set<string>()
  let n = 0
  for (const w of works) {
    const key = w.title?.toLowerCase() ?? ''
    if (seen.has(key)) n++
    seen.add(key)
  }
  return n
}

describe.skipIf(!HAVE_SHARED_DATA)('BibTeX readers on real exports', () => {
  // `Work.bibliometrix` gives bibliometrix's corresponding-author country table row for row (articles, SCP,
  // MCP). `ours`: the distance (sum over countries of |ours - theirs| articles) of our own reading of the
  // reprint, else first, address, through the bibliometrix policy's remaps; bibliometrix's faults make it.
  it.each([
    ['savedrecs400-bib', 'wos-joi-and-savedrecs174/savedrecs.400.bib', 400, 6],
    ['legacy-dises-bib', 'bibliometrix-legacy-2017/DISES.bib', 321, 6],
    ['legacy-mgmt-bib', 'bibliometrix-legacy-2017/bibliometric_in_management.bib', 220, 2],
    ['legacy-savedrecs-bib', 'bibliometrix-legacy-2017/savedrecs.bib', 377, 2],
    ['pybibx-wos-bib', 'pybibx-bibs/wos.bib', 236, 2],
    ['pybibx-mcda-wos-bib', 'pybibx-bibs/mcda_wos.bib', 210, 19],
  ])('WoS BibTeX %s (%s): %i works, bibliometrix table exact', async (label, path, count, ours) => {
    const { works, problems } = await readAll(readWosBibtex, path)
    expect(problems).toEqual([])
    expect(works).toHaveLength(count)
    const truth = groundTruth(label)
    expect(works.length).toBe(truth.documents)
    expect(emulatedTable(works)).toEqual(truth.countries)
    const own = (w: Work) => bibliometrixCountry(corresponding(w))
    expect(distanceToGroundTruth(label, works, own).distance).toBe(ours)
  })

  // bibliometrix drops records whose title repeats an earlier one: documents = works - repeated titles. The
  // reader keeps those works but leaves their `Work.bibliometrix` empty, so they are in no country row.
  it.each([
    ['legacy-disesscopus-bib', 'bibliometrix-legacy-2017/DISESscopus.bib', 425, 8],
    ['legacy-scopus-bib', 'bibliometrix-legacy-2017/scopus.bib', 46, 1],
    ['legacy-garfield-bib', 'bibliometrix-legacy-2017/garfield.bib', 219, 4],
    ['pybibx-scopus-bib', 'pybibx-bibs/scopus.bib', 263, 2],
    ['pybibx-mcda-scopus-bib', 'pybibx-bibs/mcda_scopus.bib', 236, 2],
  ])('Scopus BibTeX %s (%s): %i works, %i repeated titles', async (label, path, count, repeated) => {
    const { works, problems } = await readAll(readScopusBibtex, path)
    expect(problems).toEqual([])
    expect(works).toHaveLength(count)
    expect(duplicates(works)).toBe(repeated)
    const truth = groundTruth(label)
    expect(works.length - repeated).toBe(truth.documents)
    expect(emulatedTable(works)).toEqual(truth.countries)
  })

  // The same records exported as BibTeX and as plain text give, under our own (`iso`) reading, the same
  // corresponding-author country and the same countries, record by record.
  it.each([
    [
      'bibliometrix-legacy-2017/bibliometric_in_management.bib',
      'bibliometrix-legacy-2017/bibliometric_in_management.txt',
      220,
    ],
    ['wos-joi-and-savedrecs174/savedrecs.400.bib', 'wos-joi-and-savedrecs174/savedrecs.174.txt', 13],
    ['wos-joi-and-savedrecs174/savedrecs.400.bib', 'wos-joi-and-savedrecs174/savedrecs.370.txt', 34],
    ['bibliometrix-legacy-2017/DISES.bib', 'bibliometrix-legacy-2017/bibliometric_in_management.txt', 1],
  ])('%s and %s: %i records in both, read alike', async (bib, txt, common) => {
    const countries = (w: Work) =>
      [...new Set(w.authorships.flatMap((a) => a.affiliations.map((f) => f.country)))].sort()
    const facts = (w: Work) => ({ corresponding: corresponding(w), countries: countries(w) })
    const plain = new Map((await readAll(readWosPlaintext, txt)).works.map((w) => [w.ids.wos, facts(w)]))
    const both = (await readAll(readWosBibtex, bib)).works.filter((w) => plain.has(w.ids.wos))
    expect(both).toHaveLength(common)
    const apart = both.filter((w) => JSON.stringify(facts(w)) !== JSON.stringify(plain.get(w.ids.wos)))
    expect(apart.map((w) => ({ ut: w.ids.wos, bib: facts(w), txt: plain.get(w.ids.wos) }))).toEqual([])
  })
})
