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
import { readPubmedMedline } from './pubmed-medline.js'

const DATA =
  process.env['MERIDIAN_SHARED_DATA'] ?? fileURLToPath(new URL('../../../../../shared/data', import.meta.url))
const MISSING = !existsSync(DATA)
if (MISSING) console.warn(`PubMed conformance tests skipped: shared data folder ${DATA} is absent`)

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

function articlesByFirstAddress(works: readonly Work[]): Map<string, number> {
  const table = new Map<string, number>()
  for (const work of works) {
    const c = mapped(work.authorships[0]?.affiliations[0]?.country ?? null)
    if (c) table.set(c, (table.get(c) ?? 0) + 1)
  }
  return table
}

describe.skipIf(MISSING)('readPubmedMedline on real exports', () => {
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

  it('pybibx pubmed.txt: documents as bibliometrix; first-address countries 79 articles apart', async () => {
    const { works } = await readAll(readPubmedMedline, 'pybibx-bibs/pubmed.txt')
    const dir = `${DATA}/bibliometrix-groundtruth/pybibx-pubmed`
    const info = readFileSync(`${dir}/main_information.tsv`, 'utf8')
    expect(works).toHaveLength(Number(/^Documents\t(\d+)/m.exec(info)?.[1]))
    const truth = new Map(
      readFileSync(`${dir}/corresponding_author_countries.iso.tsv`, 'utf8')
        .trim()
        .split('\n')
        .map((r) => r.split('\t'))
        .map(([c, n]) => [c ?? '', Number(n)]),
    )
    const ours = articlesByFirstAddress(works)
    let d = 0
    for (const c of new Set([...ours.keys(), ...truth.keys()]))
      d += Math.abs((ours.get(c) ?? 0) - (truth.get(c) ?? 0))
    // Not yet explained record by record. The largest gap is GB (31 here, 7 there): PubMed writes `UK`,
    // which bibliometrix's country list does not hold; the rest are first addresses it reads otherwise.
    expect(d).toBe(79)
  })
})
