import { readFileSync } from 'node:fs'
import { evaluate, indicator, sql } from '@meridian/indicators'
import { ingestFiles } from '@meridian/io'
import { Store } from '@meridian/store'
import { describe, expect, it } from 'vitest'
import { HAVE_SHARED_DATA, shared } from './shared-data.js'

// bibliometrix 5.4's answers for the files of bibliometrix-groundtruth/README.md: WoS plain text and BibTeX,
// Scopus BibTeX and CSV, PubMed.
const FILES: Readonly<Record<string, string>> = {
  joi: 'wos-joi-and-savedrecs174/joi_JournalOfInformetrics_2007-2017.txt',
  savedrecs174: 'wos-joi-and-savedrecs174/savedrecs.174.txt',
  savedrecs370: 'wos-joi-and-savedrecs174/savedrecs.370.txt',
  manyauthors: 'metaknowledge-tests/ManyAuthors.isi',
  'legacy-rpt': 'bibliometrix-legacy-2017/RPT_papers.txt',
  'legacy-mgmt-txt': 'bibliometrix-legacy-2017/bibliometric_in_management.txt',
  'legacy-soccer': 'bibliometrix-legacy-2017/performance_soccer.txt',
  'legacy-valuecreation': 'bibliometrix-legacy-2017/valuecreation2_96_records.txt',
  'savedrecs400-bib': 'wos-joi-and-savedrecs174/savedrecs.400.bib',
  'legacy-dises-bib': 'bibliometrix-legacy-2017/DISES.bib',
  'legacy-mgmt-bib': 'bibliometrix-legacy-2017/bibliometric_in_management.bib',
  'legacy-savedrecs-bib': 'bibliometrix-legacy-2017/savedrecs.bib',
  'pybibx-wos-bib': 'pybibx-bibs/wos.bib',
  'pybibx-mcda-wos-bib': 'pybibx-bibs/mcda_wos.bib',
  'legacy-disesscopus-bib': 'bibliometrix-legacy-2017/DISESscopus.bib',
  'legacy-scopus-bib': 'bibliometrix-legacy-2017/scopus.bib',
  'legacy-garfield-bib': 'bibliometrix-legacy-2017/garfield.bib',
  'pybibx-scopus-bib': 'pybibx-bibs/scopus.bib',
  'pybibx-mcda-scopus-bib': 'pybibx-bibs/mcda_scopus.bib',
  'litstudy-scopus-csv': 'litstudy-exports/scopus.csv',
  'fixtures-scopus-csv': 'bibliometrix-fixtures/scopus_sample.csv',
  'pybibx-pubmed': 'pybibx-bibs/pubmed.txt',
}

/**
 * Records bibliometrix drops because their title repeats an earlier one's (Scopus BibTeX): we keep the works,
 * with nothing in `Work.bibliometrix`, so they are in no row but in our count of works.
 */
const REPEATED_TITLES: Readonly<Record<string, number>> = {
  'legacy-disesscopus-bib': 8,
  'legacy-scopus-bib': 1,
  'legacy-garfield-bib': 4,
  'pybibx-scopus-bib': 2,
  'pybibx-mcda-scopus-bib': 2,
}

/**
 * Under `--country-policy bibliometrix` these count MCP, as bibliometrix does; under `iso` SCP.
 * Works whose corresponding country bibliometrix finds (`AU1_CO`, ` NAME ` anywhere in the first address) but
 * no country at all (`AU_CO` wants `NAME.` or `NAME;`): its `countryCollaboration` counts them MCP (SCP only
 * with exactly one country), our indicator SCP (fewer than two countries). By label, country and record:
 * PubMed 30586119 (first address ends `Brazil (` two names `);`), 24245524 (`United States of America.`),
 * 24147898 (`Iran and.`); Scopus 2-s2.0-85114747924 (`<city> Greece (e-mail: <address>).`, no comma).
 */
const NO_COUNTRIES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'pybibx-pubmed': { BR: 1, US: 1, IR: 1 },
  'pybibx-mcda-scopus-bib': { GR: 1 },
}

const tsv = (path: string) =>
  readFileSync(shared(path), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t').map((cell) => cell.trim()))

async function ingest(file: string): Promise<Store> {
  const store = await Store.open({ path: ':memory:' })
  const run = await store.beginIngest()
  // Three legacy exports stop without EF: their records are intact, the file is reported as truncated.
  const report = await ingestFiles([shared(file)], run, { onError: 'skip' })
  expect(report.problems.map((p) => p.field).filter((field) => field !== 'EF')).toEqual([])
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
          const documents = status.works - (REPEATED_TITLES[label] ?? 0)
          expect(documents).toBe(Number(info.Documents))
          // bibliometrix prints two decimals, rounding half to even (28.125 -> 28.12).
          const international = (100 * status.internationalWorks) / documents
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
          // The works bibliometrix counts MCP with no country are those named in NO_COUNTRIES; under `iso`
          // MCP is exactly the works with two or more countries.
          const moved = NO_COUNTRIES[label]
          if (moved) {
            const iso = await evaluate(store.runner, indicator('corresponding-author-countries'), {
              countryPolicy: 'iso',
            })
            const noCountry = await store.runner.all(sql`SELECT corresponding_country AS c, count(*) AS n
              FROM work_facts WHERE policy = 'bibliometrix' AND n_countries = 0 AND corresponding_country IS NOT NULL
              GROUP BY c ORDER BY c`)
            expect(Object.fromEntries(noCountry.map((r) => [r.c, r.n]))).toEqual(moved)
            const total = iso.rows.reduce((n, r) => n + Number(r.mcp), 0)
            const multi = await store.runner.all(sql`SELECT count(*) AS n FROM work_facts
              WHERE policy = 'iso' AND n_countries >= 2 AND corresponding_country IS NOT NULL`)
            expect(total).toBe(multi[0]?.n)
          }
        } finally {
          store.close()
        }
      })
    }
  },
)
