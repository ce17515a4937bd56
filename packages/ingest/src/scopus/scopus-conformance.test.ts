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
import { readScopusCsv } from './scopus-csv.js'

const DATA =
  process.env['MERIDIAN_SHARED_DATA'] ?? fileURLToPath(new URL('../../../../../shared/data', import.meta.url))
const MISSING = !existsSync(DATA)
if (MISSING) console.warn(`Scopus CSV conformance tests skipped: shared data folder ${DATA} is absent`)

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

const mapped = (code: CountryCode | null): CountryCode | null =>
  code ? applyCountryPolicy(COUNTRY_POLICIES.bibliometrix, code) : null

/** Sum over countries of |ours - bibliometrix's| articles by corresponding-author country. */
function distanceToGroundTruth(
  label: string,
  works: readonly Work[],
): { documents: number; distance: number } {
  const dir = `${DATA}/bibliometrix-groundtruth/${label}`
  const documents = Number(
    /^Documents\t(\d+)/m.exec(readFileSync(`${dir}/main_information.tsv`, 'utf8'))?.[1],
  )
  const theirs = new Map(
    readFileSync(`${dir}/corresponding_author_countries.iso.tsv`, 'utf8')
      .trim()
      .split('\n')
      .map((row) => row.split('\t'))
      .map(([code, n]) => [code ?? '', Number(n)]),
  )
  const ours = new Map<string, number>()
  for (const work of works) {
    const code = mapped(work.bibliometrix?.corresponding ?? null)
    if (code) ours.set(code, (ours.get(code) ?? 0) + 1)
  }
  let distance = 0
  for (const code of new Set([...ours.keys(), ...theirs.keys()]))
    distance += Math.abs((ours.get(code) ?? 0) - (theirs.get(code) ?? 0))
  return { documents, distance }
}

describe.skipIf(MISSING)('readScopusCsv on real exports', () => {
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
      const { documents, distance } = distanceToGroundTruth(label, works)
      expect(works).toHaveLength(documents)
      expect(distance).toBe(apart)
    },
  )
})
