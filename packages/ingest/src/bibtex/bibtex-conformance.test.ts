import { createReadStream, existsSync, readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  applyCountryPolicy,
  COUNTRY_POLICIES,
  type CountryCode,
  type ReadItem,
  type ReadOptions,
  type RecordProblem,
  type Work,
} from '@meridian/model'
import { readScopusBibtex } from './scopus-bibtex.js'
import { readWosBibtex } from './wos-bibtex.js'

const DATA =
  process.env['MERIDIAN_SHARED_DATA'] ?? fileURLToPath(new URL('../../../../../shared/data', import.meta.url))
const MISSING = !existsSync(DATA)
if (MISSING) console.warn(`BibTeX conformance tests skipped: shared data folder ${DATA} is absent`)

type Reader = (lines: AsyncIterable<string>, options: ReadOptions) => AsyncIterable<ReadItem>

async function readAll(reader: Reader, path: string): Promise<{ works: Work[]; problems: RecordProblem[] }> {
  const lines = createInterface({ input: createReadStream(`${DATA}/${path}`), crlfDelay: Infinity })
  const works: Work[] = []
  const problems: RecordProblem[] = []
  for await (const item of reader(lines, { file: path })) {
    if (item.kind === 'work') works.push(item.work)
    else problems.push(item.problem)
  }
  return { works, problems }
}

const policy = COUNTRY_POLICIES.bibliometrix
const mapped = (code: CountryCode | null): CountryCode | null =>
  code ? applyCountryPolicy(policy, code) : null

/** Corresponding-author country under our extraction: the reprint address, else the first address. */
const corresponding = (work: Work): CountryCode | null =>
  mapped(work.correspondingAddress?.country ?? work.authorships[0]?.affiliations[0]?.country ?? null)

function articles(works: readonly Work[], country: (w: Work) => CountryCode | null): Map<string, number> {
  const table = new Map<string, number>()
  for (const work of works) {
    const c = country(work)
    if (c) table.set(c, (table.get(c) ?? 0) + 1)
  }
  return table
}

function groundTruth(label: string): { documents: number; articles: Map<string, number> } {
  const dir = `${DATA}/bibliometrix-groundtruth/${label}`
  const info = readFileSync(`${dir}/main_information.tsv`, 'utf8')
  const documents = Number(/^Documents\t(\d+)/m.exec(info)?.[1])
  const rows = readFileSync(`${dir}/corresponding_author_countries.iso.tsv`, 'utf8').trim().split('\n')
  return {
    documents,
    articles: new Map(rows.map((r) => r.split('\t')).map(([c, n]) => [c ?? '', Number(n)])),
  }
}

/** Sum over countries of |ours - theirs|: 0 is row-for-row agreement on articles. */
function distance(ours: Map<string, number>, theirs: Map<string, number>): number {
  let d = 0
  for (const c of new Set([...ours.keys(), ...theirs.keys()]))
    d += Math.abs((ours.get(c) ?? 0) - (theirs.get(c) ?? 0))
  return d
}

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

describe.skipIf(MISSING)('BibTeX readers on real exports', () => {
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
      const truth = groundTruth(label)
      expect(works.length).toBe(truth.documents)
      expect({
        ours: distance(articles(works, corresponding), truth.articles),
        emulated: distance(
          articles(works, (w) => mapped(w.bibliometrix?.corresponding ?? null)),
          truth.articles,
        ),
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
      const truth = groundTruth(label)
      expect(works.length - repeated).toBe(truth.documents)
      const d = distance(
        articles(works, (w) => mapped(w.bibliometrix?.corresponding ?? null)),
        truth.articles,
      )
      expect(d).toBe(emulated)
    },
  )
})
