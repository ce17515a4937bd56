import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '@meridian/cli'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'
import { HAVE_SHARED_DATA, shared } from './shared-data.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-cli-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const meridian = (...argv: string[]) => runCli(dir, argv)

// A tiny hand-written WoS file: one good record, one with a bad year.
const WOS = `FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Li, X
   Smith, J
AF Li, Xia
   Smith, John
TI A good record
SO JOURNAL OF TESTS
C1 [Li, Xia] Tsinghua Univ, Dept Phys, Beijing 100084, Peoples R China.
   [Smith, John] MIT, Cambridge, MA 02139 USA.
RP Li, X (corresponding author), Tsinghua Univ, Dept Phys, Beijing 100084, Peoples R China.
PY 2019
UT WOS:000000000000001
ER

PT J
AU Doe, J
TI A bad year
C1 [Doe, J] Univ Oxford, Oxford OX1 2JD, England.
PY 20X9
UT WOS:000000000000002
ER

EF
`

describe('meridian CLI', () => {
  it('prints help and exits 0; a usage error exits 2', async () => {
    expect((await meridian('--help')).code).toBe(0)
    expect((await meridian('indicators', '--help')).stdout).toContain('--country-policy')
    expect((await meridian('no-such-command')).code).toBe(2)
    expect((await meridian('indicators', 'output', '--counting', 'nope')).code).toBe(2)
  })

  it('ingests with skip (reporting file, line and field), then computes indicators', async () => {
    writeFileSync(join(dir, 'two.txt'), WOS)
    const ingest = await meridian('ingest', 'two.txt', '--store', 'store', '--format', 'json')
    expect(ingest.code).toBe(0)
    const report = JSON.parse(ingest.stdout) as {
      added: number
      skipped: number
      problems: { line: number; field: string }[]
    }
    expect(report).toMatchObject({ added: 1, skipped: 1 })
    expect(report.problems[0]).toMatchObject({ line: 17, field: 'PY' })
    expect(ingest.stderr).toContain('two.txt:17: PY:')

    const json = await meridian('indicators', 'international-share', '--store', 'store', '--format', 'json')
    expect(JSON.parse(json.stdout)).toMatchObject({
      indicator: 'international-share',
      method: { counting: 'full', countryPolicy: 'iso', years: null },
      coverage: { works: 1, worksWithCountry: 1 },
      rows: [
        { country: 'CN', works: 1, internationalWorks: 1, value: 1 },
        { country: 'US', works: 1, internationalWorks: 1, value: 1 },
      ],
    })
    const csv = await meridian(
      'indicators',
      'corresponding-author-countries',
      '--store',
      'store',
      '--format',
      'csv',
    )
    expect(csv.stdout.split('\n').slice(0, 2)).toEqual([
      'country,value,articles,freq,scp,mcp,mcpRatio,counting,countryPolicy,years,synthetic',
      'CN,1,1,1,0,1,1,corresponding-author,iso,,false',
    ])
    const table = await meridian('indicators', 'output', '--store', 'store', '--years', '2015-2020')
    expect(table.stdout).toContain('country policy: iso · years: 2015-2020')
    const status = await meridian('status', '--store', 'store', '--format', 'json')
    expect(JSON.parse(status.stdout)).toMatchObject({ works: 1, worksWithCountry: 1, internationalWorks: 1 })
  })

  it('with --on-error fail, exits 2 and leaves the store exactly as it was', async () => {
    writeFileSync(join(dir, 'two.txt'), WOS)
    writeFileSync(join(dir, 'good.txt'), WOS.split('\nPT J\nAU Doe')[0] + '\nEF\n')
    expect((await meridian('ingest', 'good.txt', '--store', 'store', '--quiet')).code).toBe(0)
    const before = await meridian('status', '--store', 'store', '--format', 'json')
    const failed = await meridian('ingest', 'two.txt', '--store', 'store', '--on-error', 'fail', '--quiet')
    expect(failed.code).toBe(2)
    expect(failed.stderr).toContain('two.txt:17 PY')
    expect(failed.stderr).toContain('[INGEST_ABORTED]')
    expect((await meridian('status', '--store', 'store', '--format', 'json')).stdout).toBe(before.stdout)
  })

  it('says what is wrong with a file it cannot read, and exits 2', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'hello\n')
    const result = await meridian('ingest', 'notes.txt', '--store', 'store')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('[UNKNOWN_FORMAT]')
    expect((await meridian('ingest', 'missing.txt', '--store', 'store')).code).toBe(2)
    expect((await meridian('status', '--store', 'nowhere')).code).toBe(1)
  })

  it('re-ingesting the same file adds nothing', async () => {
    writeFileSync(join(dir, 'two.txt'), WOS)
    await meridian('ingest', 'two.txt', '--store', 'store', '--quiet')
    const again = await meridian('ingest', 'two.txt', '--store', 'store', '--quiet', '--format', 'json')
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, duplicatesOfStore: 1 })
  })

  it('computes groups, windows, normalised matrices and intervals from flags', async () => {
    writeFileSync(join(dir, 'two.txt'), WOS)
    await meridian('ingest', 'two.txt', '--store', 'store', '--quiet')
    const group = await meridian(
      'indicators',
      'international-share',
      '--store',
      'store',
      '--level',
      'group',
      '--group',
      'G=CN,US',
      '--international',
      'border',
      '--format',
      'json',
      '--no-intervals',
    )
    expect(JSON.parse(group.stdout).rows).toEqual([{ group: 'G', works: 1, internationalWorks: 0, value: 0 }])
    const window = await meridian(
      'indicators',
      'output',
      '--store',
      'store',
      '--years',
      '2018-2020',
      '--window',
      '2',
      '--format',
      'csv',
    )
    expect(window.stdout.split('\n').slice(0, 2)).toEqual([
      'country,period,value,share,counting,countryPolicy,years,synthetic',
      'CN,2018-2019,1,1,full,iso,2018-2020,false',
    ])
    const matrix = await meridian(
      'indicators',
      'bilateral-matrix',
      '--store',
      'store',
      '--normalization',
      'salton',
      '--format',
      'json',
    )
    expect(
      JSON.parse(matrix.stdout).rows.find(
        (r: { country: string; partner: string }) => r.country === 'CN' && r.partner === 'US',
      ).value,
    ).toBe(1)
    const intervals = JSON.parse(
      (await meridian('indicators', 'international-share', '--store', 'store', '--format', 'json')).stdout,
    )
    expect(intervals.method.intervals).toMatchObject({ resamples: 1000, seed: 1 })
    expect(intervals.rows[0]).toMatchObject({ valueLow: 1, valueHigh: 1 })
    expect((await meridian('indicators', 'output', '--store', 'store', '--level', 'group')).code).toBe(2)
  })

  it('explains an indicator with its SQL', async () => {
    const text = await meridian('explain', 'leadership', '--years', '2010-2012')
    expect(text.stdout).toContain('SQL:')
    expect(text.stdout).toContain("c.policy = 'iso' AND c.year BETWEEN 2010 AND 2012")
    const json = JSON.parse((await meridian('explain', 'output', '--format', 'json')).stdout)
    expect(json.method.references[0].doi).toBe('10.1016/j.joi.2015.08.001')
  })

  it('runs the demo on a small synthetic corpus, labelled synthetic', async () => {
    const demo = await meridian('demo', '--works', '2000', '--store', 'demo', '--no-serve', '--quiet')
    expect(demo.code).toBe(0)
    expect(demo.stdout).toContain('SYNTHETIC')
    const status = JSON.parse((await meridian('status', '--store', 'demo', '--format', 'json')).stdout)
    expect(status).toMatchObject({ works: 2000, synthetic: true })
  })
})

describe.skipIf(!HAVE_SHARED_DATA)('metaknowledge test files, through the CLI', () => {
  it('testFile.isi: 32 good records and two located problems; fail mode exits 2 and changes nothing', async () => {
    const file = shared('metaknowledge-tests/testFile.isi')
    const skip = await meridian('ingest', file, '--store', 'store', '--format', 'json', '--quiet')
    expect(skip.code).toBe(0)
    const report = JSON.parse(skip.stdout) as {
      added: number
      problems: { file: string; line: number; field: string }[]
    }
    expect(report.added).toBe(32)
    expect(report.problems.map((p) => [p.line, p.field])).toEqual([
      [416, 'AU'],
      [534, 'UT'],
    ])
    expect(report.problems[0]?.file).toBe(file)
    const fail = await meridian('ingest', file, '--store', 'fresh', '--on-error', 'fail', '--quiet')
    expect(fail.code).toBe(2)
    // Nothing was written: not even an empty store.
    expect(existsSync(join(dir, 'fresh'))).toBe(false)
  })

  it('badFile.isi: the 32 intact records of a file that lacks its EF end line', async () => {
    const bad = await meridian(
      'ingest',
      shared('metaknowledge-tests/badFile.isi'),
      '--store',
      'store',
      '--format',
      'json',
      '--quiet',
    )
    // The intact records are read; the missing EF is the one problem: the file looks truncated.
    expect(JSON.parse(bad.stdout)).toMatchObject({ added: 32, skipped: 1, problems: [{ field: 'EF' }] })
    const fail = await meridian(
      'ingest',
      shared('metaknowledge-tests/badFile.isi'),
      '--store',
      'store',
      '--on-error',
      'fail',
    )
    expect(fail.code).toBe(2)
    expect(fail.stderr).toContain('truncated')
  })
})

// Two organisations in ROR schema v2, written for this test.
const ROR = [
  {
    id: 'https://ror.org/052gg0110',
    status: 'active',
    types: ['education'],
    names: [
      { value: 'University of Oxford', types: ['ror_display', 'label'], lang: 'en' },
      { value: 'Oxford University', types: ['alias'], lang: null },
    ],
    locations: [{ geonames_details: { country_code: 'GB', name: 'Oxford', lat: 51.75, lng: -1.25 } }],
    relationships: [],
  },
  {
    id: 'https://ror.org/03cve4549',
    status: 'active',
    types: ['education'],
    names: [
      { value: 'Tsinghua University', types: ['ror_display', 'label'], lang: 'en' },
      { value: '清华大学', types: ['label'], lang: 'zh' },
    ],
    locations: [{ geonames_details: { country_code: 'CN', name: 'Beijing', lat: 40.0, lng: 116.3 } }],
    relationships: [],
  },
]

describe('meridian registry and affiliations', () => {
  it('loads a ROR dump and matches affiliation strings from standard input, one JSON line each, in order', async () => {
    writeFileSync(join(dir, 'ror.jsonl'), ROR.map((r) => JSON.stringify(r)).join('\n') + '\n')
    expect((await meridian('registry', 'load', 'ror.jsonl', '--store', 'store')).code).toBe(0)
    async function match(...flags: string[]): Promise<Record<string, unknown>[]> {
      let stdout = ''
      async function* stdin() {
        yield 'Dept of Physics, University of Oxford, Oxford, UK'
        yield '清华大学 北京'
        yield 'Independent researcher, Lyon, France'
      }
      const code = await main(['affiliations', 'match', '--store', 'store', ...flags], {
        stdout: (t) => void (stdout += t),
        stderr: () => {},
        env: {},
        cwd: dir,
        interactive: false,
        now: () => new Date(0),
        stdin: stdin(),
      })
      expect(code).toBe(0)
      return stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    }
    const expected = [
      ['Dept of Physics, University of Oxford, Oxford, UK', 'https://ror.org/052gg0110', 'GB'],
      ['清华大学 北京', 'https://ror.org/03cve4549', 'CN'],
      ['Independent researcher, Lyon, France', null, 'FR'],
    ]
    const lines = await match()
    expect(lines.map((l) => [l.input, l.ror, l.country])).toEqual(expected)
    // The rules alone: the same answers here, with the best candidate's score as confidence.
    const rules = await match('--no-model')
    expect(rules.map((l) => [l.input, l.ror, l.country])).toEqual(expected)
    expect(rules[0]?.confidence).toBe(1)
    expect(rules[0]?.reason).not.toMatch(/ranked above/)
    for (const line of lines)
      expect(Object.keys(line)).toEqual(['input', 'ror', 'country', 'confidence', 'reason'])
  })
})
