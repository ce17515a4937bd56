import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-patents-cli-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const meridian = (...argv: string[]) => runCli(dir, argv)

// Invented patents in the shapes of a Lens.org 2015 patent export (lone `\r` line ends, `;;` lists,
// dd/mm/yy dates) and a WIPO Patentscope export (`NA` for empty, `;` lists, dd.mm.yyyy dates).
const LENS = [
  '#,Jurisdiction,Kind,Publication Number,Publication Date,Publication Year,Application Number,Application Date,' +
    'Priority Numbers,Title,Applicants,Inventors,URL,Type,Full Text,Cited Count,Simple Family Size,' +
    'Extended Family Size,Sequence Count,CPC Classifications,IPCR Classifications,US Classifications,' +
    'PubMed Id(s),DOI(s),Non-Patent Citations',
  '1,US,A1,US 2014/0000001 A1,02/01/14,2014,US 201313000001 A,03/07/13,US 201313000001 A 20130703,' +
    'Dough docking roller,"Roller Works, Inc.;;DOE JANE",DOE JANE,https://example.org/1,Patent Application,' +
    'yes,1,1,1,0,A21C11/10,A21C11/10,,,10.5555/dough.1,',
  '2,EP,B1,EP 2000002 B1,13/08/14,2014,EP 12000002 A,04/01/12,GB 201100002 A 20110105,' +
    'Pizza box with a vent,ROLLER WORKS INC,ROE RICHARD,https://example.org/2,Granted Patent,' +
    'yes,0,3,3,0,B65D85/36;;B65D5/42,B65D85/36,,,,',
  '3,US,A1,US 2014/0000003 A1,31/02/14,2014,US 201313000003 A,03/07/13,,Bad date,ACME,DOE JANE,,' +
    'Patent Application,yes,0,1,1,0,,,,,,',
].join('\r')

const PATENTSCOPE = [
  'Publication Number,Publication Date,Title,Priority Data,IPC,Applicants,Inventors,FP Image',
  'WO2015000004,08.01.2015,Oven stone,[0000004.1 14.07.2014 GB],A21B 1/22,Stone Ovens Ltd,Rossi Marco,NA',
  'WO2015000004,08.01.2015,Oven stone,[0000004.1 14.07.2014 GB],A21B 1/22,Stone Ovens Ltd,Rossi Marco,NA',
  'CN104000005,09.07.2014,Pizza cutter,NA,B26B 25/00,Cutter Co.,Li Wei;Wang Fang,NA',
].join('\n')

// One work beside the patents, in the same command.
const WOS = `FN Clarivate Analytics Web of Science
VR 1.0
PT J
AU Li, X
TI A good record
SO JOURNAL OF TESTS
C1 [Li, Xia] Tsinghua Univ, Dept Phys, Beijing 100084, Peoples R China.
PY 2019
UT WOS:000000000000001
ER

EF
`

interface Report {
  readonly records: number
  readonly added: number
  readonly skipped: number
  readonly patents: { read: number; added: number; duplicatesOfStore: number; duplicatesInRun: number }
  readonly files: readonly { file: string; format: string; records: number; problems: number }[]
  readonly problems: readonly { file: string; line: number; field: string; code: string }[]
}

describe('meridian ingest with patent exports', () => {
  beforeEach(() => {
    writeFileSync(join(dir, 'lens.csv'), LENS)
    writeFileSync(join(dir, 'patentscope.csv'), PATENTSCOPE)
    writeFileSync(join(dir, 'wos.txt'), WOS)
  })

  it('stores patents beside works, tells bad rows by file and line, and status counts them', async () => {
    const files = ['lens.csv', 'patentscope.csv', 'wos.txt']
    const ingest = await meridian('ingest', ...files, '--store', 'store', '--format', 'json', '--quiet')
    expect(ingest.code).toBe(0)
    const report = JSON.parse(ingest.stdout) as Report
    expect(report.files.map((f) => [f.file, f.format, f.records, f.problems])).toEqual([
      ['lens.csv', 'lens-patent', 2, 1],
      ['patentscope.csv', 'patentscope', 3, 0],
      ['wos.txt', 'wos-plaintext', 1, 0],
    ])
    expect(report.patents).toEqual({ read: 5, added: 4, duplicatesOfStore: 0, duplicatesInRun: 1 })
    expect(report).toMatchObject({ records: 1, added: 1, skipped: 1 })
    expect(report.problems).toEqual([
      expect.objectContaining({ file: 'lens.csv', line: 4, field: 'Publication Date', code: 'BAD_FIELD' }),
    ])

    const status = await meridian('status', '--store', 'store', '--format', 'json')
    expect(status.code).toBe(0)
    expect(JSON.parse(status.stdout)).toMatchObject({
      works: 1,
      patents: 4,
      data: { patents: 4, ingests: 1 },
    })
    expect((await meridian('status', '--store', 'store')).stdout).toContain('4 patents')
  })

  it('adds nothing when the same files come again, and says so', async () => {
    expect(
      (await meridian('ingest', 'lens.csv', 'patentscope.csv', '--store', 'store', '--quiet')).code,
    ).toBe(0)
    const again = await meridian('ingest', 'lens.csv', 'patentscope.csv', '--store', 'store', '--quiet')
    expect(again.code).toBe(0)
    // Both rows of the number repeated in patentscope.csv are now in the store already.
    expect(again.stdout).toContain(
      '5 patents read; 0 patents added; 5 already in the store; 0 repeated within this run',
    )
    expect(again.stdout).not.toContain('works added')
    const status = JSON.parse((await meridian('status', '--store', 'store', '--format', 'json')).stdout)
    expect(status).toMatchObject({ patents: 4, data: { ingests: 2 } })
  })

  it('with --on-error fail, exits 2 at the bad patent row and leaves the store as it was', async () => {
    expect((await meridian('ingest', 'wos.txt', '--store', 'store', '--quiet')).code).toBe(0)
    const before = (await meridian('status', '--store', 'store', '--format', 'json')).stdout
    const failed = await meridian(
      'ingest',
      'patentscope.csv',
      'lens.csv',
      '--store',
      'store',
      '--on-error',
      'fail',
    )
    expect(failed.code).toBe(2)
    expect(failed.stderr).toContain('lens.csv')
    expect((await meridian('status', '--store', 'store', '--format', 'json')).stdout).toBe(before)
  })
})
