import type { PatentItem } from '@meridian/model'
import { describe, expect, it } from 'vitest'
import { fromLines } from '../shared-data.test-util.js'
import { weekYear } from './lens-dates.js'
import { readLensPatentCsv } from './lens-patent.js'

// Handwritten records of invented patents, in the shapes of Lens.org's 2015 and later patent exports.
const HEADER_2015 = [
  '#',
  'Jurisdiction',
  'Kind',
  'Publication Number',
  'Publication Date',
  'Publication Year',
  'Application Number',
  'Application Date',
  'Priority Numbers',
  'Title',
  'Applicants',
  'Inventors',
  'URL',
  'Type',
  'Full Text',
  'Cited Count',
  'Simple Family Size',
  'Extended Family Size',
  'Sequence Count',
  'CPC Classifications',
  'IPCR Classifications',
  'US Classifications',
  'PubMed Id(s)',
  'DOI(s)',
  'Non-Patent Citations',
]

const BASE: Readonly<Record<string, string>> = {
  '#': '1',
  Jurisdiction: 'US',
  Kind: 'A1',
  'Publication Number': 'US 2012/0123456 A1',
  'Publication Date': '17/05/12',
  'Publication Year': '2012',
  'Application Number': 'US 201113300001 A',
  'Application Date': '18/11/11',
  'Priority Numbers': 'US 201113300001 A 20111118;;GB 201019999 A 20101125',
  Title: 'Folding oven peel, with a hinge',
  Applicants: 'ACME OVENS LTD;; DOE JANE',
  Inventors: 'DOE JANE',
  URL: 'https://www.lens.org/lens/patent/US_2012_0123456_A1',
  Type: 'Patent Application',
  'Full Text': 'yes',
  'Cited Count': '4',
  'Simple Family Size': '2',
  'Extended Family Size': '3',
  'Sequence Count': '0',
  'CPC Classifications': 'A21B3/13;;A47J 37/06',
  'IPCR Classifications': 'A21B3/13;;A21B3/13',
  'US Classifications': '99/448',
  'DOI(s)': '10.5555/peel.2001;;10.5555/x;y',
}

const cell = (value: string): string => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)
const line = (header: readonly string[], values: Readonly<Record<string, string>>): string =>
  header.map((column) => cell(values[column] ?? '')).join(',')
const row2015 = (changes: Readonly<Record<string, string>> = {}): string =>
  line(HEADER_2015, { ...BASE, ...changes })

async function read(lines: readonly string[]): Promise<PatentItem[]> {
  const items: PatentItem[] = []
  for await (const item of readLensPatentCsv(fromLines(lines), { file: 'lens.csv' })) items.push(item)
  return items
}

const patentsOf = (items: readonly PatentItem[]) =>
  items.flatMap((item) => (item.kind === 'patent' ? [item.patent] : []))
const problemsOf = (items: readonly PatentItem[]) =>
  items.flatMap((item) => (item.kind === 'problem' ? [item.problem] : []))

describe('readLensPatentCsv, 2015 exports', () => {
  it('decodes every field of a record', async () => {
    const [patent] = patentsOf(await read([HEADER_2015.join(','), row2015()]))
    expect(patent).toEqual({
      publicationNumber: 'US20120123456A1',
      publicationNumberAsWritten: 'US 2012/0123456 A1',
      jurisdiction: 'US',
      kind: 'A1',
      title: 'Folding oven peel, with a hinge',
      abstract: null,
      publicationDate: '2012-05-17',
      publicationYear: 2012,
      applicationNumber: 'US 201113300001 A',
      applicationDate: '2011-11-18',
      priorityNumbers: ['US 201113300001 A', 'GB 201019999 A'],
      priorityCountries: ['US', 'GB'],
      earliestPriorityDate: '2010-11-25',
      applicants: ['ACME OVENS LTD', 'DOE JANE'],
      inventors: ['DOE JANE'],
      cpc: ['A21B3/13', 'A47J37/06'],
      ipc: ['A21B3/13'],
      citedBy: 4,
      familySize: 2,
      url: 'https://www.lens.org/lens/patent/US_2012_0123456_A1',
      dois: ['10.5555/peel.2001', '10.5555/x;y'],
      source: 'lens-patent',
      file: 'lens.csv',
      line: 2,
    })
  })

  it('reads the week-based year of late-December dates, settled by the Publication Year', async () => {
    const items = await read([
      HEADER_2015.join(','),
      // 29 December 2008 is in the week of 1 January 2009: the export writes it 29/12/09.
      row2015({ 'Publication Date': '29/12/09', 'Publication Year': '2008', 'Application Date': '02/03/07' }),
      // 29/12/09 cannot be a day of 2009: 29 December 2009 would be written 29/12/10.
      row2015({ 'Publication Date': '29/12/09', 'Publication Year': '2009' }),
    ])
    expect(patentsOf(items).map((p) => [p.publicationDate, p.applicationDate])).toEqual([
      ['2008-12-29', '2007-03-02'],
    ])
    expect(problemsOf(items).map((p) => [p.code, p.line, p.field])).toEqual([
      ['BAD_FIELD', 3, 'Publication Date'],
    ])
  })

  it('settles an application date that may be in two years by its priority entry, else reports it', async () => {
    const late = {
      'Publication Date': '09/10/01',
      'Publication Year': '2001',
      'Application Number': 'US 47200001 A',
      'Application Date': '27/12/00',
    }
    const items = await read([
      HEADER_2015.join(','),
      row2015({ ...late, 'Priority Numbers': 'US 47200001 A 19991227' }),
      row2015({ ...late, 'Priority Numbers': 'US 60000001 P 19990105' }),
      // Not after the publication date: 31 December 2005 would follow it.
      row2015({ 'Publication Date': '09/05/05', 'Publication Year': '2005', 'Application Date': '31/12/05' }),
    ])
    expect(patentsOf(items).map((p) => [p.line, p.applicationDate])).toEqual([
      [2, '1999-12-27'],
      [4, '2004-12-31'],
    ])
    expect(problemsOf(items).map((p) => [p.code, p.line, p.field])).toEqual([
      ['BAD_FIELD', 3, 'Application Date'],
    ])
  })

  it('reports bad rows with file, line and field, skips them, and counts every row', async () => {
    const rows = [
      row2015(),
      row2015({ 'Publication Date': '31/02/12' }),
      row2015({ 'Cited Count': 'many' }),
      row2015({ 'Simple Family Size': '2147483648' }),
      row2015({ Title: '' }),
      row2015({ 'Publication Number': '' }),
      row2015({ 'IPCR Classifications': 'A21B3/13;;pizza' }),
      row2015({ Jurisdiction: 'EP' }),
      row2015({ 'Priority Numbers': 'US 201113300001 A 20111318' }),
      row2015({ 'DOI(s)': 'not a doi' }),
      row2015({ 'Publication Year': '20X2' }),
      '2,US,A1,US 2012/0123456 A1',
    ]
    const items = await read([HEADER_2015.join(','), ...rows])
    expect(patentsOf(items)).toHaveLength(1)
    expect(problemsOf(items).map((p) => [p.code, p.file, p.line, p.field])).toEqual([
      ['BAD_FIELD', 'lens.csv', 3, 'Publication Date'],
      ['BAD_FIELD', 'lens.csv', 4, 'Cited Count'],
      ['BAD_FIELD', 'lens.csv', 5, 'Simple Family Size'],
      ['BAD_RECORD', 'lens.csv', 6, 'Title'],
      ['BAD_RECORD', 'lens.csv', 7, 'Publication Number'],
      ['BAD_FIELD', 'lens.csv', 8, 'IPCR Classifications'],
      ['BAD_FIELD', 'lens.csv', 9, 'Jurisdiction'],
      ['BAD_FIELD', 'lens.csv', 10, 'Priority Numbers'],
      ['BAD_FIELD', 'lens.csv', 11, 'DOI(s)'],
      ['BAD_FIELD', 'lens.csv', 12, 'Publication Year'],
      ['BAD_RECORD', 'lens.csv', 13, null],
    ])
    expect(items).toHaveLength(rows.length)
  })

  it('skips rows before the header, and reports a file that has none', async () => {
    const withTitle = await read(['Lens export', '', HEADER_2015.join(','), row2015()])
    expect(patentsOf(withTitle).map((p) => p.line)).toEqual([4])
    const headerless = await read(Array.from({ length: 14 }, () => row2015()))
    expect(problemsOf(headerless).map((p) => p.code)).toEqual(['UNKNOWN_FORMAT'])
  })
})

describe('readLensPatentCsv, later exports', () => {
  const HEADER = [
    '#',
    'Jurisdiction',
    'Kind',
    'Display Key',
    'Lens ID',
    'Publication Date',
    'Publication Year',
    'Application Number',
    'Application Date',
    'Priority Numbers',
    'Earliest Priority Date',
    'Title',
    'Abstract',
    'Applicants',
    'Inventors',
    'URL',
    'Cited by Patent Count',
    'Simple Family Size',
    'CPC Classifications',
    'IPCR Classifications',
    'NPL Resolved External ID(s)',
  ]

  it('finds columns by name, quoted, with ISO dates and an abstract', async () => {
    const values = {
      Jurisdiction: 'EP',
      Kind: 'B1',
      'Display Key': 'EP 3123456 B1',
      'Lens ID': '000-111-222-333-44X',
      'Publication Date': '2019-02-27',
      'Publication Year': '2019',
      'Application Date': '2016-06-30',
      'Priority Numbers': 'IT 201600067890 A',
      'Earliest Priority Date': '2016-06-30',
      Title: 'Stone-floor oven',
      Abstract: 'An oven whose floor, a stone, turns.',
      Applicants: 'FORNI SPA',
      'Cited by Patent Count': '12',
      'Simple Family Size': '5',
      'CPC Classifications': 'A21B1/22',
      'IPCR Classifications': 'A21B1/22',
      'NPL Resolved External ID(s)': '10.5555/stone;;31415926',
    }
    const header = HEADER.map((column) => `"${column}"`).join(',')
    const [patent] = patentsOf(await read([header, line(HEADER, values)]))
    expect(patent).toMatchObject({
      publicationNumber: 'EP3123456B1',
      jurisdiction: 'EP',
      publicationDate: '2019-02-27',
      applicationDate: '2016-06-30',
      priorityNumbers: ['IT 201600067890 A'],
      priorityCountries: ['IT'],
      earliestPriorityDate: '2016-06-30',
      abstract: 'An oven whose floor, a stone, turns.',
      citedBy: 12,
      familySize: 5,
      dois: ['10.5555/stone'],
    })
  })
})

describe('weekYear', () => {
  it('puts the days of late December in the week of 1 January into the next year (US weeks)', () => {
    expect(weekYear(2008, 12, 27)).toBe(2008) // Saturday
    expect(weekYear(2008, 12, 28)).toBe(2009) // Sunday of the week of Thursday 1 January 2009
    expect(weekYear(2010, 12, 26)).toBe(2011) // 1 January 2011 is a Saturday
    expect(weekYear(2005, 12, 31)).toBe(2005) // 1 January 2006 is a Sunday: its week starts then
    expect(weekYear(2009, 1, 1)).toBe(2009)
  })
})
