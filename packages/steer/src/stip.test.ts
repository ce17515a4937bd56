import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { detectProgrammeFormat } from './programme-formats.js'
import { readStip, writeStip } from './stip.js'

const sample = {
  text: readFileSync(new URL('../test-fixtures/stip-sample.csv', import.meta.url), 'utf8'),
  file: 'stip-sample.csv',
}
const HEADER = 'InitiativeID|NameEnglish|CountryCode|StartDateYear|InstrumentTypeLabel|TH1'
const LABELS = 'Id|Name|Country|Start|Instrument|Public research'

describe('STIP Compass files', () => {
  it('counts a multi-instrument initiative once, with the union of its instruments, themes and groups', async () => {
    const read = await readStip(sample)
    expect(read.problems).toEqual([])
    expect(read.programmes).toHaveLength(3)
    expect(read.lines).toEqual([3, 6, 8])
    const [lab, vouchers, strategy] = read.programmes
    expect(lab).toMatchObject({
      source: 'stip',
      externalId: 'http://stip.example.org/2023/data/policyInitiatives/90001',
      kind: 'initiative',
      title: 'Synthetic joint lab programme',
      description: 'Joint laboratories with partner countries (synthetic | not real)',
      countries: ['DE'],
      startDate: '2021-01-01',
      endDate: '2027-12-31',
      currency: 'EUR',
      budget: [{ year: 2023, planned: null, actual: null, range: '5M-20M' }],
      instrumentTypes: [
        'Project grants for public research',
        'Networking and collaborative platforms',
        'Dedicated support to research infrastructures',
      ],
      themes: [
        'Financial support to business R&D and innovation',
        'Non-financial support to business R&D and innovation',
      ],
      targetGroups: ['Firms of any size', 'Researchers, faculty and teaching staff'],
      entities: [{ name: 'Synthetic Federal Research Agency', role: 'lead', country: 'DE' }],
    })
    // A quoted description with a line break; "Not applicable" is no budget.
    expect(vouchers?.description).toBe('Vouchers for small firms\nto buy research services (synthetic)')
    expect(vouchers?.endDate).toBeNull()
    expect(strategy).toMatchObject({ countries: ['JP'], budget: [], currency: null })
  })

  it('reads a file saved without the second header row, naming themes by their codes', async () => {
    const text = `${HEADER}\n90001|A|FRA|2020|Grants|1\n90001|A|FRA|2020|Loans|0\n`
    const read = await readStip({ text, file: 'f.csv' })
    expect(read.programmes).toMatchObject([
      { externalId: '90001', countries: ['FR'], instrumentTypes: ['Grants', 'Loans'], themes: ['TH1'] },
    ])
  })

  it('locates every malformed row by file, line (header rows counted) and column', async () => {
    const text = [
      HEADER,
      LABELS,
      '1|Fine|DEU|2020|Grants|1',
      '2|Bad year|DEU|20x0|Grants|1',
      '3|Bad country|XYZ|2020|Grants|1',
      '4|Cut short|DEU',
      '|No id|DEU|2020|Grants|1',
      '5|Bad flag|DEU|2020|Grants|yes',
      '1|Renamed|DEU|2020|Loans|1',
      '"6|Never closed|DEU|2020|Grants|1',
    ].join('\n')
    const read = await readStip({ text, file: 'bad.csv' })
    expect(read.problems.map((p) => [p.line, p.field, p.code])).toEqual([
      [10, null, 'BAD_RECORD'],
      [6, null, 'BAD_RECORD'],
      [7, 'InitiativeID', 'INVALID_VALUE'],
      [9, 'NameEnglish', 'INVALID_VALUE'],
      [4, 'StartDateYear', 'INVALID_VALUE'],
      [5, 'CountryCode', 'INVALID_VALUE'],
      [8, 'TH1', 'INVALID_VALUE'],
    ])
    expect(read.problems.every((p) => p.file === 'bad.csv')).toBe(true)
    const noId = await readStip({ text: 'NameEnglish|CountryCode\nA|DEU\n', file: 'x.csv' })
    expect(noId.problems).toMatchObject([{ line: 1, field: 'InitiativeID', code: 'BAD_RECORD' }])
  })

  it('checks every row of an initiative, not only its first: each disagreeing or malformed cell is located', async () => {
    // Lines 3-5 are the three instrument rows of initiative 90001; change its later rows only.
    const lines = sample.text.split('\n')
    const edit = (line: number, from: string, to: string) => {
      const row = lines[line - 1] ?? ''
      expect(row).toContain(from)
      lines[line - 1] = row.replace(from, to)
    }
    edit(4, '|2021|2027|5M-20M|1|', '|2021|2028|1M-5M|0|')
    edit(5, '|Germany|DEU|2021|', '|France|FRA|2O21|')
    edit(5, 'policyInitiatives/90001|2023|', 'policyInitiatives/90001|2023x|')
    const read = await readStip({ text: lines.join('\n'), file: 'rows.csv' })
    expect(read.problems.map((p) => [p.line, p.field, p.code])).toEqual([
      [4, 'EndDateYear', 'INVALID_VALUE'],
      [4, 'YearlyBudgetRange', 'INVALID_VALUE'],
      [4, 'HasBeenEvaluated', 'INVALID_VALUE'],
      [5, 'SurveyYear', 'INVALID_VALUE'],
      [5, 'CountryLabel', 'INVALID_VALUE'],
      [5, 'CountryCode', 'INVALID_VALUE'],
      [5, 'StartDateYear', 'INVALID_VALUE'],
    ])
    expect(read.problems.every((p) => p.file === 'rows.csv')).toBe(true)
    // A row repeating its first row's malformed cell is reported on its own line too.
    const text = `${HEADER}\n7|Same|DEU|20x0|Grants|1\n7|Same|DEU|20x0|Loans|1\n`
    expect((await readStip({ text, file: 'f.csv' })).problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'StartDateYear'],
      [3, 'StartDateYear'],
    ])
  })

  it('writes what it reads: both header rows, one row per instrument', async () => {
    const { programmes } = await readStip(sample)
    const text = writeStip(programmes)
    expect(text.startsWith('\uFEFFInitiativeID|')).toBe(true)
    expect(text.trim().split('\n').length).toBe(2 + 3 + 1 + 1 + 1) // headers, 3 + 1 + 1 instruments, a line break
    expect(detectProgrammeFormat({ text, file: 'out.csv' })).toBe('stip')
    expect((await readStip({ text, file: 'out.csv' })).programmes).toEqual(programmes)
  })

  it('tells formats apart by content and refuses what it cannot tell', () => {
    expect(detectProgrammeFormat(sample)).toBe('stip')
    expect(detectProgrammeFormat({ text: '{"programmes": []}', file: 'a.json' })).toBe('meridian')
    expect(
      detectProgrammeFormat({ text: 'id;acronym;status;title;frameworkProgramme\n', file: 'p.csv' }),
    ).toBe('cordis')
    expect(() => detectProgrammeFormat({ text: 'a,b\n1,2\n', file: 'x.csv' })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_FORMAT', location: { file: 'x.csv', line: 1 } }),
    )
  })
})
