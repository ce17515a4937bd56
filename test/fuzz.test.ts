import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readerFor } from '@meridian/ingest'
import type { ReadItem, SourceFormat } from '@meridian/model'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'
import { seeded } from './known-item.js'

// Seeded mutations of small fixtures of our own, one per format: readers never throw, they yield works or
// located problems; the CLI exits 0, 1 or 2 and with --on-error fail leaves the store as it was. Bounded:
// a fixed number of cases per seed, a few seconds in all.

const WOS_RECORD = `PT J
AU Li, X
   Smith, J
AF Li, Xia
   Smith, John
TI A record
   over two lines
SO JOURNAL OF TESTS
C1 [Li, Xia] Tsinghua Univ, Beijing 100084, Peoples R China.
   [Smith, John] MIT, Cambridge, MA 02139 USA.
RP Li, X (corresponding author), Tsinghua Univ, Beijing 100084, Peoples R China.
TC 4
PY 2019
UT WOS:000000000000001
ER
`

const FIXTURES: Readonly<Record<Exclude<SourceFormat, 'synthetic'>, string>> = {
  'openalex-jsonl': [
    '{"id":"https://openalex.org/W1","doi":"https://doi.org/10.1/a","publication_year":2020,"cited_by_count":3,"title":"T","authorships":[{"author":{"display_name":"A"},"institutions":[{"id":"https://openalex.org/I1","country_code":"FR"}],"countries":["FR"],"raw_affiliation_strings":["Paris"]}]}',
    '{"id":"W2","publication_year":2021,"authorships":[]}',
  ].join('\n'),
  'openalex-api-page': JSON.stringify(
    {
      meta: { count: 2 },
      results: [
        { id: 'W1', publication_year: 2020 },
        { id: 'W2', title: 'x' },
      ],
    },
    null,
    2,
  ),
  'openalex-csv':
    'id,display_name,publication_year,cited_by_count,authorships.author.display_name,authorships.countries\n' +
    'https://openalex.org/W1,"A, title",2020,3,Ann|Bo,FR|US\n',
  'wos-plaintext': `FN Clarivate Analytics Web of Science\nVR 1.0\n${WOS_RECORD}\n${WOS_RECORD.replace('001', '002')}\nEF\n`,
  'wos-tabdelimited':
    'PT\tAU\tAF\tTI\tC1\tPY\tTC\tUT\n' +
    'J\tLi, X; Wu, Y\tLi, Xia; Wu, Yu\tT\t[Li, Xia] Univ X, Beijing, Peoples R China.\t2019\t2\tWOS:000000000000003\n',
  'wos-bibtex':
    '@article{ WOS:000000000000004,\nAuthor = {Li, Xia and Wu, Yu},\nTitle = {{A title}},\nYear = {2019},\n' +
    'Affiliation = {Li, Xia, Univ X, Beijing, Peoples R China.},\nUnique-ID = {WOS:000000000000004},\n}\n',
  'scopus-csv':
    'Authors,Title,Year,Source title,Cited by,DOI,Affiliations,EID\n' +
    '"Li X., Wu Y.","A title",2019,J,3,10.1/x,"Univ X, Beijing, China",2-s2.0-1\n',
  'scopus-bibtex':
    '@ARTICLE{Li2019,\nauthor={Li, X. and Wu, Y.},\ntitle={A title},\nyear={2019},\n' +
    'affiliation={Univ X, Beijing, China},\nurl={https://www.scopus.com/inward/record.uri?eid=2-s2.0-2},\nnote={cited By 4},\n}\n',
  'pubmed-medline':
    'PMID- 1\nDP  - 2019 Jan\nTI  - A title\n      over two lines\nFAU - Li, Xia\nAU  - Li X\nAD  - Univ X, Beijing, China.\n\n' +
    'PMID- 2\nDP  - 2020\nTI  - Another\n',
  ris: 'TY  - JOUR\nAU  - Li, X\nTI  - A title\nPY  - 2019\nAD  - Univ X, Beijing, China\nDO  - 10.1/y\nER  - \n',
  'crossref-json': JSON.stringify({
    'message-type': 'work-list',
    message: {
      items: [
        { DOI: '10.1/z', title: ['T'], issued: { 'date-parts': [[2019]] }, 'is-referenced-by-count': 2 },
        { DOI: '10.1/w', author: [{ given: 'A', family: 'B', affiliation: [{ name: 'Univ X, China' }] }] },
      ],
    },
  }),
  'lens-csv':
    '"Lens ID","Title","Publication Year","Author/s","Citing Works Count","DOI"\n' +
    '"000-1","A title","2019","Li X; Wu Y","3","10.1/l"\n',
  'dimensions-csv':
    '"About the data: Exported on Jan 1, 2026"\n' +
    '"Publication ID","DOI","Title","PubYear","Authors","Authors (Raw Affiliation)","Times cited"\n' +
    '"pub.1","10.1/d","A title","2019","Li, Xia; Wu, Yu","Li, Xia (Univ X, Beijing, China); Wu, Yu (MIT, USA)","5"\n',
}

/** Pieces a mutation inserts: structure characters, bad numbers, encodings gone wrong, deep nesting. */
const PIECES = [
  '"',
  '{',
  '}',
  '[',
  ']',
  ',',
  ';',
  '\t',
  '\n',
  '\r',
  '\\',
  '\u0000',
  '\uFFFD',
  '\uFEFF',
  'ER\n',
  'PT J\n',
  'EF\n',
  '   ',
  '2147483648',
  '-5',
  '1e308',
  '"many"',
  'NaN',
  '[['.repeat(2000),
  '{"a":'.repeat(500),
  'x'.repeat(5000),
  'é',
  '@article{',
  'TY  - ',
  'PMID- ',
]

/** One mutation of `text`, chosen by `rng`. */
function mutate(text: string, rng: () => number): string {
  const at = Math.floor(rng() * (text.length + 1))
  const to = Math.min(text.length, at + Math.floor(rng() * 40))
  const piece = PIECES[Math.floor(rng() * PIECES.length)] ?? ''
  switch (Math.floor(rng() * 6)) {
    case 0:
      return text.slice(0, at) + text.slice(to)
    case 1:
      return text.slice(0, at) + piece + text.slice(at)
    case 2:
      return text.slice(0, at) + piece + text.slice(to)
    case 3:
      return text.slice(0, at)
    case 4: {
      const lines = text.split('\n')
      const i = Math.floor(rng() * lines.length)
      lines.splice(i, 0, lines[Math.floor(rng() * lines.length)] ?? '')
      return lines.join('\n')
    }
    default:
      return text.slice(at) + text.slice(0, at)
  }
}

async function* linesOf(text: string): AsyncIterable<string> {
  yield* text.split(/\r\n|\r|\n/)
}

describe('fuzz: every reader on seeded mutations of its fixture', () => {
  for (const [format, fixture] of Object.entries(FIXTURES)) {
    it(`${format} never throws; it yields works or located problems`, async () => {
      const rng = seeded(format.length * 7919 + fixture.length)
      const reader = readerFor(format as SourceFormat)
      for (let n = 0; n < 150; n++) {
        let text = fixture
        for (let k = 1 + Math.floor(rng() * 3); k > 0; k--) text = mutate(text, rng)
        const items: ReadItem[] = []
        try {
          for await (const item of reader(linesOf(text), { file: 'fuzz' })) items.push(item)
        } catch (error) {
          throw new Error(`${format} case ${n} threw on ${JSON.stringify(text.slice(0, 300))}`, {
            cause: error,
          })
        }
        for (const item of items) {
          if (item.kind === 'work') continue
          expect(item.problem.file).toBe('fuzz')
          expect(item.problem.line).toBeGreaterThanOrEqual(1)
          expect(item.problem.message.length).toBeLessThan(2000)
        }
      }
    })
  }
})

describe('fuzz: the CLI on a sample of mutated files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meridian-fuzz-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('exits 0, 1 or 2, and with --on-error fail leaves the store as it was', async () => {
    const meridian = (...argv: string[]) => runCli(dir, argv)
    writeFileSync(join(dir, 'base.txt'), FIXTURES['wos-plaintext'])
    expect((await meridian('ingest', 'base.txt', '--store', 's', '--quiet')).code).toBe(0)
    const before = (await meridian('status', '--store', 's', '--format', 'json')).stdout
    const rng = seeded(2026)
    const formats = [
      'openalex-jsonl',
      'wos-plaintext',
      'scopus-csv',
      'pubmed-medline',
      'ris',
      'crossref-json',
    ] as const
    for (const format of formats) {
      let text = FIXTURES[format]
      for (let k = 0; k < 3; k++) text = mutate(text, rng)
      writeFileSync(join(dir, `case.${format}`), text)
      const result = await meridian(
        'ingest',
        `case.${format}`,
        '--store',
        's',
        '--on-error',
        'fail',
        '--quiet',
      )
      expect([0, 1, 2], `${format}: ${result.stderr}`).toContain(result.code)
      expect(result.stderr).not.toMatch(/^\s+at /m)
      if (result.code !== 0)
        expect((await meridian('status', '--store', 's', '--format', 'json')).stdout).toBe(before)
    }
  })
})
