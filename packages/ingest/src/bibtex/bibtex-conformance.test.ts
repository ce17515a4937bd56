import { describe, expect, it } from 'vitest'
import type { CountryCode, Work } from '@meridian/model'
import {
  bibliometrixCountry,
  distanceToGroundTruth,
  emulatedCorresponding,
  HAVE_SHARED_DATA,
  readAll,
  warnIfNoSharedData,
} from '../shared-data.test-util.js'
import { readScopusBibtex } from './scopus-bibtex.js'
import { readWosBibtex } from './wos-bibtex.js'

warnIfNoSharedData('BibTeX conformance tests')

/** Corresponding-author country under our extraction: the reprint address, else the first address. */
const corresponding = (work: Work): CountryCode | null =>
  bibliometrixCountry(
    work.correspondingAddress?.country ?? work.authorships[0]?.affiliations[0]?.country ?? null,
  )

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
  // Articles per corresponding-author country against bibliometrix's table: the sum of |ours - theirs| over
  // countries, for our own reading of the reprint (else first) address and for the emulation.
  it.each([
    ['savedrecs400-bib', 'wos-joi-and-savedrecs174/savedrecs.400.bib', 400, 6, 7],
    ['legacy-dises-bib', 'bibliometrix-legacy-2017/DISES.bib', 321, 6, 22],
    ['legacy-mgmt-bib', 'bibliometrix-legacy-2017/bibliometric_in_management.bib', 220, 2, 4],
    ['legacy-savedrecs-bib', 'bibliometrix-legacy-2017/savedrecs.bib', 377, 2, 0],
    ['pybibx-wos-bib', 'pybibx-bibs/wos.bib', 236, 2, 4],
    ['pybibx-mcda-wos-bib', 'pybibx-bibs/mcda_wos.bib', 210, 19, 5],
  ])(
    'WoS BibTeX %s (%s): %i works, as many as bibliometrix documents',
    async (label, path, count, ours, emulated) => {
      const { works, problems } = await readAll(readWosBibtex, path)
      expect(problems).toEqual([])
      expect(works).toHaveLength(count)
      const truth = distanceToGroundTruth(label, works, corresponding)
      expect(works.length).toBe(truth.documents)
      expect({
        ours: truth.distance,
        emulated: distanceToGroundTruth(label, works, emulatedCorresponding).distance,
      }).toEqual({ ours, emulated })
    },
  )

  // bibliometrix drops records whose title repeats an earlier one: documents = works - repeated titles.
  it.each([
    ['legacy-disesscopus-bib', 'bibliometrix-legacy-2017/DISESscopus.bib', 425, 8, 2],
    ['legacy-scopus-bib', 'bibliometrix-legacy-2017/scopus.bib', 46, 1, 1],
    ['legacy-garfield-bib', 'bibliometrix-legacy-2017/garfield.bib', 219, 4, 9],
    ['pybibx-scopus-bib', 'pybibx-bibs/scopus.bib', 263, 2, 4],
    ['pybibx-mcda-scopus-bib', 'pybibx-bibs/mcda_scopus.bib', 236, 2, 9],
  ])(
    'Scopus BibTeX %s (%s): %i works, %i repeated titles',
    async (label, path, count, repeated, emulated) => {
      const { works, problems } = await readAll(readScopusBibtex, path)
      expect(problems).toEqual([])
      expect(works).toHaveLength(count)
      expect(duplicates(works)).toBe(repeated)
      const truth = distanceToGroundTruth(label, works, emulatedCorresponding)
      expect(works.length - repeated).toBe(truth.documents)
      expect(truth.distance).toBe(emulated)
    },
  )
})
