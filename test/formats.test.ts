import { detectFile, ingestFiles } from '@meridian/io'
import type { Work } from '@meridian/model'
import { describe, expect, it } from 'vitest'
import { HAVE_SHARED_DATA, shared } from './shared-data.js'

// Every real file of ../shared/data that Meridian reads: the format recognised from content, and the number of
// works read with no problem (counts explained in each reader's conformance tests).
const FILES: readonly (readonly [string, string, number])[] = [
  ['wos-joi-and-savedrecs174/joi_JournalOfInformetrics_2007-2017.txt', 'wos-plaintext', 770],
  ['wos-joi-and-savedrecs174/savedrecs.400.bib', 'wos-bibtex', 400],
  ['wos-tabdelim-scientopy-ble/wos_2026_04_02_4071.txt', 'wos-tabdelimited', 71],
  ['bibliometrix-legacy-2017/DISES.bib', 'wos-bibtex', 321],
  ['bibliometrix-legacy-2017/DISESscopus.bib', 'scopus-bibtex', 425],
  ['bibliometrix-legacy-2017/garfield.bib', 'scopus-bibtex', 219],
  ['pybibx-bibs/scopus.bib', 'scopus-bibtex', 263],
  ['pybibx-bibs/wos.bib', 'wos-bibtex', 236],
  ['pybibx-bibs/pubmed.txt', 'pubmed-medline', 335],
  ['metaknowledge-tests/medline_test.medline', 'pubmed-medline', 175],
  ['metaknowledge-tests/scopus_testing.csv.scopus', 'scopus-csv', 220],
  ['litstudy-exports/scopus.csv', 'scopus-csv', 58],
  ['litstudy-exports/example.ris', 'ris', 25],
  ['bibliometrix-fixtures/scopus_sample.csv', 'scopus-csv', 8],
  ['bibliometrix-fixtures/lens_sample.csv', 'lens-csv', 8],
  ['bibliometrix-fixtures/openalex_sample.csv', 'openalex-csv', 8],
  ['bibliometrix-fixtures/wos_sample.txt', 'wos-plaintext', 8],
  ['openalex-openalexpro-fixtures/openalex_works_340.jsonl', 'openalex-jsonl', 340],
  [
    'openalex-openalexpro-fixtures/api_page_search_biodiversity_AND_finance_page1.json',
    'openalex-api-page',
    200,
  ],
]

describe.skipIf(!HAVE_SHARED_DATA)('every real file: format by content, read without problems', () => {
  for (const [file, format, works] of FILES) {
    it(`${file}: ${format}, ${works} works`, async () => {
      expect(await detectFile(shared(file))).toBe(format)
      const read: Work[] = []
      const report = await ingestFiles([shared(file)], { add: (w) => void read.push(w) })
      expect(report.problems).toEqual([])
      expect(read.length).toBe(works)
      expect(new Set(read.map((w) => w.provenance.format))).toEqual(new Set([format]))
    })
  }
})
