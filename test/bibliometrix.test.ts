import { readFileSync } from 'node:fs'
import { evaluate, indicator } from '@meridian/indicators'
import { ingestFiles } from '@meridian/io'
import { Store } from '@meridian/store'
import { describe, expect, it } from 'vitest'
import { HAVE_SHARED_DATA, shared } from './shared-data.js'

// bibliometrix 5.4's answers for the Web of Science plain-text files (bibliometrix-groundtruth/README.md).
const FILES: Readonly<Record<string, string>> = {
  joi: 'wos-joi-and-savedrecs174/joi_JournalOfInformetrics_2007-2017.txt',
  savedrecs174: 'wos-joi-and-savedrecs174/savedrecs.174.txt',
  savedrecs370: 'wos-joi-and-savedrecs174/savedrecs.370.txt',
  manyauthors: 'metaknowledge-tests/ManyAuthors.isi',
  'legacy-rpt': 'bibliometrix-legacy-2017/RPT_papers.txt',
  'legacy-mgmt-txt': 'bibliometrix-legacy-2017/bibliometric_in_management.txt',
  'legacy-soccer': 'bibliometrix-legacy-2017/performance_soccer.txt',
  'legacy-valuecreation': 'bibliometrix-legacy-2017/valuecreation2_96_records.txt',
}

const tsv = (path: string) =>
  readFileSync(shared(path), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t').map((cell) => cell.trim()))

async function ingest(file: string): Promise<Store> {
  const store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  const report = await ingestFiles([shared(file)], run, { onError: 'fail' })
  await run.commit({ files: [file], problems: report.problems.length, now: new Date(0) })
  return store
}

describe.skipIf(!HAVE_SHARED_DATA)(
  'bibliometrix ground truth, through the store, --country-policy bibliometrix',
  () => {
    for (const [label, file] of Object.entries(FILES)) {
      it(`${label}: documents, international co-authorship and the corresponding-author country table`, async () => {
        const store = await ingest(file)
        try {
          const info = Object.fromEntries(
            tsv(`bibliometrix-groundtruth/${label}/main_information.tsv`).map((r) => [r[0], r[1]]),
          )
          const status = await store.status({ policy: 'bibliometrix' })
          expect(status.works).toBe(Number(info.Documents))
          // bibliometrix prints two decimals, rounding half to even (28.125 -> 28.12).
          const international = (100 * status.internationalWorks) / status.works
          expect(
            Math.abs(international - Number(info['International co-authorships %'])),
          ).toBeLessThanOrEqual(0.005 + 1e-9)

          const expected = tsv(`bibliometrix-groundtruth/${label}/corresponding_author_countries.iso.tsv`)
            .map(([country, articles, scp, mcp]) => ({
              country,
              articles: Number(articles),
              scp: Number(scp),
              mcp: Number(mcp),
            }))
            .sort((a, b) => (a.country ?? '').localeCompare(b.country ?? ''))
          const result = await evaluate(store.runner, indicator('corresponding-author-countries'), {
            countryPolicy: 'bibliometrix',
          })
          const ours = result.rows
            .map((r) => ({ country: r.country, articles: r.articles, scp: r.scp, mcp: r.mcp }))
            .sort((a, b) => String(a.country).localeCompare(String(b.country)))
          expect(ours).toEqual(expected)
          expect(result.method.countryPolicy).toBe('bibliometrix')
        } finally {
          store.close()
        }
      })
    }
  },
)
