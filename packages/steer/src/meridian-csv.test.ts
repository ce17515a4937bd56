import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, readMeridianCsv, writeMeridianCsv } from './meridian-csv.js'
import { detectProgrammeFormat } from './programme-formats.js'
import { decodeProgramme } from './programme-spec.js'

const file = 'meridian-template.csv'
const text = readFileSync(new URL(`../test-fixtures/${file}`, import.meta.url), 'utf8')
const problems = async (source: string) =>
  (await readMeridianCsv({ text: source, file })).problems.map((p) => [p.line, p.field, p.code])

describe('the Meridian CSV template', () => {
  it('reads a programme row with its budget, component, entity, milestone and link rows', async () => {
    expect(detectProgrammeFormat({ text, file })).toBe('meridian-csv')
    const read = await readMeridianCsv({ text: '\uFEFF' + text, file })
    expect(read.problems).toEqual([])
    expect(read.lines).toEqual([2, 13])
    expect(read.programmes[0]).toMatchObject({
      source: 'meridian',
      externalId: 'SYN-JL-1',
      kind: 'programme',
      title: 'Synthetic Sino-German joint lab programme',
      description: 'A synthetic programme, for tests only.',
      themes: ['Artificial intelligence', 'Materials'],
      countries: ['DE'],
      partnerCountries: ['CN', 'FR'],
      currency: 'EUR',
      budget: [
        { year: 2021, planned: 1500000, actual: 1200000.5 },
        { year: 2022, planned: 2000000, actual: null },
      ],
      components: [{ key: 'lab', kind: 'joint-lab', countries: ['DE', 'CN'], startDate: '2021-06-01' }],
      entities: [
        { key: 'uni-a', role: 'lead', rorId: 'https://ror.org/000000000', component: null },
        { key: 'inst-b', role: 'co-lead', country: 'CN', component: 'lab' },
      ],
      milestones: [
        {
          title: 'Lab opened',
          status: 'done',
          responsible: 'uni-a',
          component: 'lab',
          evidence: [
            { kind: 'link', value: 'https://example.org/opening' },
            { kind: 'note', value: 'opened by both ministers; on time' },
          ],
        },
        { title: 'First joint call', status: 'planned', evidence: [] },
      ],
      outputLinks: [
        { method: 'funder-award', funder: 'F9000000001', awardIds: ['SYN-AW-001', 'SYN-AW-002'] },
        { method: 'doi-list', dois: ['10.5555/syn.1', '10.5555/syn.2'] },
      ],
    })
    expect(read.programmes[1]).toMatchObject({ kind: 'initiative', status: 'planned', entities: [] })
  })

  it('writes what it reads: export then import gives the same programmes', async () => {
    const { programmes } = await readMeridianCsv({ text, file })
    const written = writeMeridianCsv(programmes)
    expect(written.split('\n', 1)[0]).toMatch(/^record,programme,source,kind,title,/)
    const again = await readMeridianCsv({ text: written, file: 'out.csv' })
    expect(again.problems).toEqual([])
    expect(again.programmes).toEqual(programmes)
    expect(writeMeridianCsv(again.programmes)).toBe(written)
    // Text a spreadsheet would run as a formula is written behind a ', and read back as it was.
    const formulas = programmes.map((p) => ({
      ...p,
      title: `=HYPERLINK("x") ${p.title}`,
      description: "'+1",
    }))
    const guarded = writeMeridianCsv(formulas)
    expect(guarded).toContain(`,"'=HYPERLINK(""x"") Synthetic`)
    expect(guarded).toContain(",''+1,")
    expect((await readMeridianCsv({ text: guarded, file })).programmes).toEqual(formulas)
  })

  it('locates every bad value by line and column', async () => {
    const bad = text
      .replace('2021,1500000', '2021,1.500.000')
      .replace('https://ror.org/000000000', 'not-a-ror')
      .replace(',2026-03-31,inst-b,', ',2026-03-31,nobody,')
      .replace(
        'programme,SYN-TT-2,Synthetic technology transfer initiative,initiative,planned,PT',
        'programme,SYN-TT-2,,initiative,planned,PX',
      )
    expect(await problems(bad)).toEqual([
      [3, 'planned', 'INVALID_VALUE'],
      [6, 'rorId', 'INVALID_VALUE'],
      [13, 'title', 'INVALID_VALUE'],
      [13, 'countries', 'INVALID_VALUE'],
    ])
    // A cell naming another row is checked once every cell of its programme is good.
    const cells = bad
      .replace('1.500.000', '1500000')
      .replace('not-a-ror', 'https://ror.org/000000000')
      .replace(',SYN-TT-2,,', ',SYN-TT-2,Title,')
      .replace('planned,PX', 'planned,PT')
    expect(await problems(cells)).toEqual([[10, 'responsible', 'INVALID_VALUE']])
    expect(await problems(text.replace(',2022,2000000,', ',2021,2000000,'))).toEqual([
      [4, 'year', 'INVALID_VALUE'],
    ])
  })

  it('refuses unknown columns and records, misplaced values, orphan rows and a second programme row', async () => {
    expect(await problems(text.replace(',note\n', ',notes\n'))).toEqual([[1, 'notes', 'BAD_RECORD']])
    const rows = [
      'record,programme,title,year,note',
      'programme,A,Programme A,,',
      'budgt,A,,2020,',
      'programme,A,Again,,',
      'budget,B,,2020,',
      'programme,C,Programme C,2020,',
      'link,,,,x',
    ].join('\n')
    expect(await problems(rows)).toEqual([
      [3, 'record', 'INVALID_VALUE'],
      [4, 'programme', 'INVALID_VALUE'],
      [6, 'year', 'INVALID_VALUE'],
      [7, 'programme', 'INVALID_VALUE'],
      [5, 'programme', 'INVALID_VALUE'],
    ])
  })
})

describe('docs/programme-template.md', () => {
  const doc = readFileSync(new URL('../../../docs/programme-template.md', import.meta.url), 'utf8')
  const block = (lang: string) => new RegExp('```' + lang + '\\n([^]*?)```').exec(doc)?.[1] ?? ''

  it('gives the same programme as JSON and as CSV, and names every CSV column', async () => {
    const csv = await readMeridianCsv({ text: block('csv'), file: 'doc.csv' })
    expect(csv.problems).toEqual([])
    const json = (JSON.parse(block('json')) as { programmes: unknown[] }).programmes.map((p) =>
      decodeProgramme(p),
    )
    expect(csv.programmes).toEqual(json)
    for (const column of CSV_COLUMNS) expect(doc).toContain(`\`${column}\``)
  })
})
