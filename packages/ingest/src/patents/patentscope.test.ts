import type { PatentItem } from '@meridian/model'
import { describe, expect, it } from 'vitest'
import { fromLines } from '../shared-data.test-util.js'
import { readPatentscopeCsv } from './patentscope.js'

// Handwritten records of invented patents, in the shape of a WIPO Patentscope CSV export.
const HEADER = 'Publication Number,Publication Date,Title,Priority Data,IPC,Applicants,Inventors,FP Image'

async function read(lines: readonly string[]): Promise<PatentItem[]> {
  const items: PatentItem[] = []
  for await (const item of readPatentscopeCsv(fromLines(lines), { file: 'ps.csv' })) items.push(item)
  return items
}

const patentsOf = (items: readonly PatentItem[]) =>
  items.flatMap((item) => (item.kind === 'patent' ? [item.patent] : []))
const problemsOf = (items: readonly PatentItem[]) =>
  items.flatMap((item) => (item.kind === 'problem' ? [item.problem] : []))

describe('readPatentscopeCsv', () => {
  it('decodes a record: NA for empty, `;` lists, dd.mm.yyyy dates, IPC qualifiers dropped', async () => {
    const [patent] = patentsOf(
      await read([
        HEADER,
        'US20110012345,13.01.2011,Pizza stone,"[12/345,678 2009-07-15T23:59:59.000Z US, 0912345.6 14.07.2009 GB]",' +
          'A21B 1/22 (2006.01);A21B 1/22;A47J 37/06 20060101AFI20110113BHEP,"Roma Ovens, Inc;Rossi Marco;",Rossi Marco,NA',
      ]),
    )
    expect(patent).toEqual({
      publicationNumber: 'US20110012345',
      publicationNumberAsWritten: 'US20110012345',
      jurisdiction: 'US',
      kind: null,
      title: 'Pizza stone',
      abstract: null,
      publicationDate: '2011-01-13',
      publicationYear: 2011,
      applicationNumber: null,
      applicationDate: null,
      priorityNumbers: ['12/345,678', '0912345.6'],
      priorityCountries: ['US', 'GB'],
      earliestPriorityDate: '2009-07-14',
      applicants: ['Roma Ovens, Inc', 'Rossi Marco'],
      inventors: ['Rossi Marco'],
      cpc: [],
      ipc: ['A21B1/22', 'A47J37/06'],
      citedBy: null,
      familySize: null,
      url: null,
      dois: [],
      source: 'patentscope',
      file: 'ps.csv',
      line: 2,
    })
  })

  it('reads the office from a lower-case number prefix and NA cells as empty', async () => {
    const [patent] = patentsOf(await read([HEADER, 'kr1020120054321,NA,FOLDING BOX,NA,NA,NA,Kim Min,NA']))
    expect(patent).toMatchObject({
      publicationNumber: 'KR1020120054321',
      publicationNumberAsWritten: 'kr1020120054321',
      jurisdiction: 'KR',
      publicationDate: null,
      publicationYear: null,
      priorityNumbers: [],
      priorityCountries: [],
      earliestPriorityDate: null,
      applicants: [],
      ipc: [],
    })
  })

  it('reads every form of priority entry, numbers holding `, ` included', async () => {
    const priority =
      '"[US 20130225 61/768,601, 700, 100  US, 700, 100 2012-03-01T23:59:59.000Z US, EP20120700100  , null 30.12.1899 null]"'
    const [patent] = patentsOf(
      await read([HEADER, `US20140000001,05.06.2014,Peel,${priority},A21B 3/13,NA,NA,NA`]),
    )
    expect(patent).toMatchObject({
      priorityNumbers: ['61/768,601', '700, 100', 'EP20120700100'],
      priorityCountries: ['US'],
      earliestPriorityDate: '2012-03-01',
    })
  })

  it('reads compact IPC edition notation and group-only symbols', async () => {
    const ipc = '"A23C 19/00 A;6 A 23 C 19/00, 19/068, A 21 D 13/08;A21D 13/;B65D 05//00"'
    const [patent] = patentsOf(await read([HEADER, `DE000001234567,01.02.1990,Cheese,NA,${ipc},NA,NA,NA`]))
    expect(patent?.ipc).toEqual(['A23C19/00', 'A23C19/068', 'A21D13/08', 'A21D13', 'B65D5/00'])
  })

  it('reports bad rows with file, line and field, skips them, and counts every row', async () => {
    const rows = [
      'US20110000001,13.01.2011,Fine,NA,A21B 1/22,NA,NA,NA',
      'US20110000002,31.02.2011,Bad date,NA,NA,NA,NA,NA',
      'US20110000003,13.01.2011,NA,NA,NA,NA,NA,NA',
      'NA,13.01.2011,No number,NA,NA,NA,NA,NA',
      'CA900001,13.01.1976,National class,NA,146/32,NA,NA,NA',
      'US20110000005,13.01.2011,Unbracketed,12345 2011-01-01T23:59:59.000Z US,NA,NA,NA,NA',
      'US20110000006,13.01.2011,No month 13,[12345 2011-13-01T23:59:59.000Z US],NA,NA,NA,NA',
      'US20110000007,13.01.2011,Unreadable,"[a, b, c, d, e, f, g, h, i]",NA,NA,NA,NA',
      'US20110000008,13.01.2011',
    ]
    const items = await read([HEADER, ...rows])
    expect(patentsOf(items).map((p) => p.line)).toEqual([2])
    expect(problemsOf(items).map((p) => [p.code, p.file, p.line, p.field])).toEqual([
      ['BAD_FIELD', 'ps.csv', 3, 'Publication Date'],
      ['BAD_RECORD', 'ps.csv', 4, 'Title'],
      ['BAD_RECORD', 'ps.csv', 5, 'Publication Number'],
      ['BAD_FIELD', 'ps.csv', 6, 'IPC'],
      ['BAD_FIELD', 'ps.csv', 7, 'Priority Data'],
      ['BAD_FIELD', 'ps.csv', 8, 'Priority Data'],
      ['BAD_FIELD', 'ps.csv', 9, 'Priority Data'],
      ['BAD_RECORD', 'ps.csv', 10, null],
    ])
    expect(items).toHaveLength(rows.length)
  })
})
