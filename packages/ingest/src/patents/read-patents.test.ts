import { existsSync, readFileSync } from 'node:fs'
import { MeridianError, type Patent } from '@meridian/model'
import { describe, expect, it } from 'vitest'
import { sharedPath } from '../shared-data.test-util.js'
import { readPatents } from './read-patents.js'

const FOLDER = 'patents-lens-patentscope-pizza'
const HAVE_PATENTS = existsSync(sharedPath(FOLDER))
if (!HAVE_PATENTS) console.warn(`patent conformance tests skipped: ${sharedPath(FOLDER)} is absent`)

/** A shared data file as text: both exports are single-byte (Latin-1) text. */
const shared = (name: string): string => readFileSync(sharedPath(`${FOLDER}/${name}`), 'latin1')
/** Non-blank lines after the header. */
const dataLines = (text: string): number => text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').length - 1
const distinctApplicants = (patents: readonly Patent[]): number =>
  new Set(patents.flatMap((p) => p.applicants)).size

describe('readPatents', () => {
  it('reads a whole export with classic Mac line endings', async () => {
    const text = [
      'Publication Number,Publication Date,Title,Priority Data,IPC,Applicants,Inventors,FP Image',
      'EP2000001,02.01.2014,Oven,NA,A21B 1/00,Forni SpA,NA,NA',
      'EP2000002,02.01.2014,NA,NA,NA,NA,NA,NA',
      '',
    ].join('\r')
    const { format, patents, problems } = await readPatents(text, 'ps.csv')
    expect(format).toBe('patentscope')
    expect(patents.map((p) => [p.publicationNumber, p.line])).toEqual([['EP2000001', 2]])
    expect(problems.map((p) => [p.code, p.line, p.field])).toEqual([['BAD_RECORD', 3, 'Title']])
  })

  it('refuses a file that is neither export with UNKNOWN_FORMAT', async () => {
    const error = await readPatents('"Lens ID","Title","Author/s"\n1,x,y\n', 'works.csv').catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(MeridianError)
    expect((error as MeridianError).code).toBe('UNKNOWN_FORMAT')
    expect((error as MeridianError).location).toEqual({ file: 'works.csv', line: 1 })
  })

  it.skipIf(!HAVE_PATENTS)('pizza_lens_1000_raw.csv: 1,000 Lens patents, none dropped', async () => {
    const text = shared('pizza_lens_1000_raw.csv')
    const { format, patents, problems } = await readPatents(text, 'pizza_lens_1000_raw.csv')
    expect(format).toBe('lens-patent')
    expect(dataLines(text)).toBe(1000)
    expect([patents.length, problems.length]).toEqual([1000, 0])
    expect(patents[0]).toMatchObject({
      publicationNumber: 'US20130101709A1',
      publicationNumberAsWritten: 'US 2013/0101709 A1',
      jurisdiction: 'US',
      kind: 'A1',
      publicationDate: '2013-04-25',
      publicationYear: 2013,
      applicationDate: '2012-10-22',
      priorityCountries: ['US'],
      earliestPriorityDate: '2011-10-24',
      applicants: ['PIZZA HUT INC'],
      cpc: ['A23L1/0067', 'G01G19/00'],
      ipc: ['A23L1/00', 'G01N5/00'],
      citedBy: 3,
      familySize: 2,
      line: 2,
    })
    expect(distinctApplicants(patents)).toBe(914)
    expect(patents.filter((p) => p.cpc.length > 0)).toHaveLength(559)
    expect(patents.filter((p) => p.ipc.length > 0)).toHaveLength(849)
    // Late-December dates are written with a week-based year (30/12/87 for 30 December 1986); where the
    // application is its own only priority, its dated priority entry must give the same day.
    const own = patents.filter(
      (p) =>
        p.priorityNumbers.length === 1 &&
        p.priorityNumbers[0] === p.applicationNumber &&
        p.earliestPriorityDate,
    )
    expect(own.filter((p) => p.applicationDate !== p.earliestPriorityDate)).toEqual([])
    expect(own).toHaveLength(650)
  })

  it.skipIf(!HAVE_PATENTS)('pizza_medium_patentscope.csv: 10,000 rows, 3 located problems', async () => {
    const text = shared('pizza_medium_patentscope.csv')
    const { format, patents, problems } = await readPatents(text, 'pizza_medium_patentscope.csv')
    expect(format).toBe('patentscope')
    // One title holds a line break (lines 7428-7429): 10,001 lines after the header are 10,000 rows.
    expect(dataLines(text)).toBe(10_001)
    expect(patents.find((p) => p.line === 7428)?.title).toMatch(/Cost per\nAction Fees/)
    expect([patents.length, problems.length]).toEqual([9997, 3])
    expect(problems.map((p) => [p.code, p.line, p.field])).toEqual([
      ['BAD_FIELD', 1975, 'IPC'],
      ['BAD_RECORD', 5416, 'Title'],
      ['BAD_RECORD', 6017, 'Title'],
    ])
    expect(patents[0]).toMatchObject({
      publicationNumber: 'US20090208610',
      jurisdiction: 'US',
      kind: null,
      title: 'PIZZA',
      publicationDate: '2009-08-21',
      priorityNumbers: ['200402236U'],
      priorityCountries: ['ES'],
      earliestPriorityDate: '2004-10-01',
      applicants: [],
      ipc: ['A21D13/00', 'A23L1/16'],
      line: 2,
    })
    expect(distinctApplicants(patents)).toBe(9968)
    expect(patents.filter((p) => p.cpc.length > 0)).toHaveLength(0)
    expect(patents.filter((p) => p.ipc.length > 0)).toHaveLength(9948)
    expect(patents.filter((p) => p.priorityCountries.length > 0)).toHaveLength(6640)
  })
})
