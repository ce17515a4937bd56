import type { SourceFormat, Work, WorkKeyword } from '@meridian/model'
import { describe, expect, it } from 'vitest'
import { readerFor } from './read-format.js'
import { collect, fromLines, HAVE_SHARED_DATA, readAll, warnIfNoSharedData } from './shared-data.test-util.js'

warnIfNoSharedData('abstract and keyword counts of the WoS files')

const author = (...keywords: string[]): WorkKeyword[] =>
  keywords.map((keyword) => ({ keyword, kind: 'author', score: null }))
const index = (...keywords: string[]): WorkKeyword[] =>
  keywords.map((keyword) => ({ keyword, kind: 'index', score: null }))

const csv = (...cells: string[]): string => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')

/** A tiny hand-written export per format, in its real layout; the first work is checked. */
const CASES: readonly {
  readonly format: SourceFormat
  readonly lines: readonly string[]
  readonly abstract: string | null
  readonly keywords: readonly WorkKeyword[]
}[] = [
  {
    format: 'wos-plaintext',
    lines: [
      'FN Clarivate Analytics Web of Science',
      'VR 1.0',
      'PT J',
      'AU Smith, J',
      'TI Citation windows',
      'AB Short citation windows',
      '   mislead   rankings.',
      'DE h-index; citation window;  ; h-index',
      'ID IMPACT FACTOR; CITATIONS',
      'PY 2020',
      'UT WOS:000123456700001',
      'ER',
      'EF',
    ],
    abstract: 'Short citation windows mislead rankings.',
    keywords: [...author('h-index', 'citation window'), ...index('IMPACT FACTOR', 'CITATIONS')],
  },
  {
    format: 'wos-tabdelimited',
    lines: [
      ['PT', 'AU', 'TI', 'AB', 'DE', 'ID', 'PY', 'UT'].join('\t'),
      [
        'J',
        'Smith, J',
        'T',
        'An abstract.',
        'peer review; bias',
        'JOURNALS',
        '2020',
        'WOS:000123456700002',
      ].join('\t'),
    ],
    abstract: 'An abstract.',
    keywords: [...author('peer review', 'bias'), ...index('JOURNALS')],
  },
  {
    format: 'wos-bibtex',
    lines: [
      '@article{ WOS:000123456700003,',
      'Author = {Smith, John},',
      'Title = {{A title}},',
      'Year = {{2020}},',
      'Abstract = {{A braced',
      '   abstract.}},',
      'Keywords = {{altmetrics; Twitter}},',
      'Keywords-Plus = {{SCIENCE; IMPACT;',
      '   COMMUNICATION}},',
      'Unique-ID = {{WOS:000123456700003}},',
      '}',
    ],
    abstract: 'A braced abstract.',
    keywords: [...author('altmetrics', 'Twitter'), ...index('SCIENCE', 'IMPACT', 'COMMUNICATION')],
  },
  {
    format: 'scopus-csv',
    lines: [
      csv('Authors', 'Title', 'Year', 'Source title', 'Abstract', 'Author Keywords', 'Index Keywords', 'EID'),
      csv(
        'Smith J.',
        'T',
        '2020',
        'J',
        'Scopus text.',
        'scientometrics; ORCID',
        'Humans; Article',
        '2-s2.0-1',
      ),
      csv('Doe A.', 'U', '2021', 'J', '[No abstract available]', '', '', '2-s2.0-2'),
    ],
    abstract: 'Scopus text.',
    keywords: [...author('scientometrics', 'ORCID'), ...index('Humans', 'Article')],
  },
  {
    format: 'scopus-bibtex',
    lines: [
      '@ARTICLE{Smith2020,',
      'author={Smith, J.},',
      'title={T},',
      'journal={J},',
      'year={2020},',
      'abstract={Scopus BibTeX text.},',
      'author_keywords={open access; citation advantage},',
      'keywords={Publishing},',
      'url={https://www.scopus.com/inward/record.uri?eid=2-s2.0-3&partnerID=40},',
      '}',
    ],
    abstract: 'Scopus BibTeX text.',
    keywords: [...author('open access', 'citation advantage'), ...index('Publishing')],
  },
  {
    format: 'pubmed-medline',
    lines: [
      'PMID- 12345',
      'TI  - T',
      'AB  - BACKGROUND: A structured',
      '      abstract.',
      'OT  - bibliometrics',
      'OT  - research evaluation',
      'MH  - Humans',
      'MH  - *Bibliometrics',
      'MH  - Neoplasms/*therapy',
      'MH  - Bibliometrics/statistics & numerical data',
    ],
    abstract: 'BACKGROUND: A structured abstract.',
    keywords: [
      ...author('bibliometrics', 'research evaluation'),
      ...index('Humans', 'Bibliometrics', 'Neoplasms'),
    ],
  },
  {
    format: 'ris',
    lines: [
      'TY  - JOUR',
      'TI  - T',
      'N2  - A RIS abstract.',
      'KW  - mapping',
      'KW  - VOSviewer; mapping',
      'ER  - ',
    ],
    abstract: 'A RIS abstract.',
    keywords: author('mapping', 'VOSviewer'),
  },
  {
    format: 'crossref-json',
    lines: [
      JSON.stringify({
        'message-type': 'work',
        message: {
          DOI: '10.1000/x',
          abstract:
            '<jats:title>Abstract</jats:title><jats:p>First &amp; second.</jats:p><jats:p>Third.</jats:p>',
        },
      }),
    ],
    abstract: 'First & second. Third.',
    keywords: [],
  },
  {
    format: 'lens-csv',
    lines: [
      csv('Lens ID', 'Title', 'Publication Year', 'Author/s', 'Abstract', 'Keywords', 'MeSH Terms', 'DOI'),
      csv(
        '000-1',
        'T',
        '2020',
        'Smith J',
        '<jats:p>Lens text.</jats:p>',
        'gaming; health',
        'Humans',
        '10.1/l',
      ),
    ],
    abstract: 'Lens text.',
    keywords: [...author('gaming', 'health'), ...index('Humans')],
  },
  {
    format: 'dimensions-csv',
    lines: [
      '"About the data: Exported on Mar 14, 2024."',
      csv('Rank', 'Publication ID', 'DOI', 'Title', 'Abstract', 'PubYear', 'Authors', 'Times cited'),
      csv('1', 'pub.1', '10.1/d', 'T', 'Dimensions text.', '2023', 'Chen, Wei', '3'),
    ],
    abstract: 'Dimensions text.',
    keywords: [],
  },
  {
    format: 'openalex-csv',
    lines: [
      'id,abstract,authorships.author.display_name,primary_topic.display_name,publication_year',
      'https://openalex.org/W1,An OpenAlex CSV abstract.,A,Data Analysis with R,2020',
    ],
    abstract: 'An OpenAlex CSV abstract.',
    keywords: [{ keyword: 'Data Analysis with R', kind: 'topic', score: null }],
  },
  {
    format: 'openalex-jsonl',
    lines: [
      JSON.stringify({
        id: 'https://openalex.org/W2',
        abstract_inverted_index: {
          Words: [0],
          in: [1, 4],
          order: [2],
          again: [3],
          bag: [5],
          bogus: [-1, 'x'],
        },
        keywords: [{ id: 'https://openalex.org/keywords/h', display_name: 'h-index', score: 0.61 }],
        primary_topic: { display_name: 'Citation Analysis', score: 0.99 },
        topics: [
          { display_name: 'Citation Analysis', score: 0.99 },
          { display_name: 'Peer  Review ', score: 0.9 },
        ],
        concepts: [{ display_name: 'Computer science', score: 0.5 }],
      }),
      JSON.stringify({
        id: 'https://openalex.org/W3',
        concepts: [{ display_name: 'Computer science', score: 0.5, level: 0 }],
      }),
    ],
    abstract: 'Words in order again in bag',
    keywords: [
      { keyword: 'h-index', kind: 'index', score: 0.61 },
      { keyword: 'Citation Analysis', kind: 'topic', score: 0.99 },
      { keyword: 'Peer Review', kind: 'topic', score: 0.9 },
    ],
  },
]

async function works(format: SourceFormat, lines: readonly string[]): Promise<Work[]> {
  const items = await collect(readerFor(format)(fromLines(lines), { file: `x.${format}` }))
  expect(items.filter((i) => i.kind === 'problem')).toEqual([])
  return items.flatMap((i) => (i.kind === 'work' ? [i.work] : []))
}

describe('abstracts and keywords of each reader', () => {
  it.each(CASES)('$format', async ({ format, lines, abstract, keywords }) => {
    const [first] = await works(format, lines)
    expect(first?.abstract).toBe(abstract)
    expect(first?.keywords).toEqual(keywords)
  })

  it('reads no abstract from a Scopus placeholder, and OpenAlex concepts only when there are no topics', async () => {
    const scopus = CASES.find((c) => c.format === 'scopus-csv')!
    expect((await works('scopus-csv', scopus.lines))[1]).toMatchObject({ abstract: null, keywords: [] })
    const openalex = CASES.find((c) => c.format === 'openalex-jsonl')!
    expect((await works('openalex-jsonl', openalex.lines))[1]).toMatchObject({
      abstract: null,
      keywords: [{ keyword: 'Computer science', kind: 'concept', score: 0.5 }],
    })
  })
})

// Counted independently in each file: its records (ER lines or entries), AB lines, DE lines and ID lines (for
// BibTeX, Abstract, Keywords and Keywords-Plus fields).
const REAL = [
  ['wos-plaintext', 'wos-joi-and-savedrecs174/joi_JournalOfInformetrics_2007-2017.txt', [770, 718, 706, 691]],
  ['wos-plaintext', 'wos-joi-and-savedrecs174/savedrecs.174.txt', [174, 166, 132, 158]],
  ['wos-bibtex', 'wos-joi-and-savedrecs174/savedrecs.400.bib', [400, 399, 314, 366]],
] as const

describe('the JoI and savedrecs WoS files', () => {
  it.skipIf(!HAVE_SHARED_DATA).each(REAL)(
    '%s %s: an abstract in nearly every record, author keywords in most',
    async (format, path, [records, abstracts, author, index]) => {
      const { works: all, problems } = await readAll(readerFor(format), path)
      expect(problems).toEqual([])
      const count = (test: (w: Work) => boolean) => all.filter(test).length
      const kind = (k: WorkKeyword['kind']) => (w: Work) => w.keywords.some((x) => x.kind === k)
      expect([
        all.length,
        count((w) => w.abstract !== null),
        count(kind('author')),
        count(kind('index')),
      ]).toEqual([records, abstracts, author, index])
    },
  )
})
