import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

// Crashes and silent damage on bad input: each case ends in a located, counted problem or a plain message.
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-bad-input-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const meridian = (...argv: string[]) => runCli(dir, argv)
const write = (name: string, text: string | Buffer): void => writeFileSync(join(dir, name), text)

interface Report {
  readonly records: number
  readonly added: number
  readonly skipped: number
  readonly problems: readonly { code: string; line: number; field: string | null }[]
}
const reportOf = (stdout: string): Report => JSON.parse(stdout) as Report

describe('numbers the store cannot hold', () => {
  it('are located, counted problems with --on-error skip, not a crash of the store', async () => {
    write(
      'works.jsonl',
      [
        '{"id":"W1","cited_by_count":2147483648}',
        '{"id":"W2","publication_year":1e308}',
        '{"id":"W3","publication_year":-5}',
        '{"id":"W4","cited_by_count":"many"}',
        '{"id":"W5","publication_year":2020,"cited_by_count":3}',
      ].join('\n'),
    )
    const result = await meridian('ingest', 'works.jsonl', '--store', 's', '--format', 'json')
    expect(result.stderr).not.toContain('    at ')
    expect(result.code).toBe(0)
    const report = reportOf(result.stdout)
    expect(report).toMatchObject({ records: 1, added: 1, skipped: 4 })
    expect(report.problems.map((p) => [p.code, p.line, p.field])).toEqual([
      ['BAD_FIELD', 1, 'cited_by_count'],
      ['BAD_FIELD', 2, 'publication_year'],
      ['BAD_FIELD', 3, 'publication_year'],
      ['BAD_FIELD', 4, 'cited_by_count'],
    ])
  })

  it('a WoS times-cited beyond int32 is a located problem', async () => {
    write(
      'wos.txt',
      'FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Li, X\nTI T\nPY 2019\nTC 99999999999\nUT WOS:000000000000001\nER\nEF\n',
    )
    const result = await meridian('ingest', 'wos.txt', '--store', 's', '--format', 'json')
    expect(result.code).toBe(0)
    expect(reportOf(result.stdout).problems.map((p) => [p.code, p.line, p.field])).toEqual([
      ['BAD_FIELD', 3, 'TC'],
    ])
  })
})

const WOS_RECORD = (n: number) =>
  `PT J\nAU Li, X\nTI Title ${n}\nC1 [Li, X] Tsinghua Univ, Beijing 100084, Peoples R China.\nPY 2019\nUT WOS:00000000000000${n}\nER\n`
const WOS_FILE = (...ns: number[]) =>
  `FN Clarivate Analytics Web of Science\nVR 1.0\n${ns.map(WOS_RECORD).join('\n')}\nEF\n`

describe('directories and files of no known format', () => {
  it('reads a directory recursively, formats detected by content', async () => {
    mkdirSync(join(dir, 'exports', 'more'), { recursive: true })
    write('exports/a.txt', WOS_FILE(1))
    write('exports/more/b.isi', WOS_FILE(2))
    write('exports/.hidden', 'not read')
    const result = await meridian('ingest', 'exports', '--store', 's', '--format', 'json')
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as { added: number; files: { file: string }[] }
    expect(report.added).toBe(2)
    expect(report.files.map((f) => f.file)).toEqual([
      join('exports', 'a.txt'),
      join('exports', 'more', 'b.isi'),
    ])
  })

  it('with skip, leaves out and reports a README or a CSV of results, and reads the rest', async () => {
    mkdirSync(join(dir, 'exports'))
    write('exports/README.md', '# my exports\n')
    write('exports/results.csv', 'country,value\nCN,3\n')
    write('exports/wos.txt', WOS_FILE(1))
    const result = await meridian('ingest', 'exports', '--store', 's', '--format', 'json')
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as {
      added: number
      skippedFiles: { file: string; code: string }[]
    }
    expect(report.added).toBe(1)
    expect(report.skippedFiles.map((f) => [f.file, f.code])).toEqual([
      [join('exports', 'README.md'), 'UNKNOWN_FORMAT'],
      [join('exports', 'results.csv'), 'UNKNOWN_FORMAT'],
    ])
    expect(result.stderr).toContain('skipped file: exports/README.md')
  })

  it('with fail, an unrecognised file exits 2, names every format read, and creates no store', async () => {
    mkdirSync(join(dir, 'exports'))
    write('exports/README.md', '# my exports\n')
    write('exports/wos.txt', WOS_FILE(1))
    const result = await meridian('ingest', 'exports', '--store', 's', '--on-error', 'fail')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('[UNKNOWN_FORMAT]')
    for (const name of [
      'OpenAlex JSON Lines',
      'Scopus CSV',
      'PubMed/MEDLINE',
      'RIS',
      'Crossref JSON',
      'Lens CSV',
      'Dimensions CSV',
    ])
      expect(result.stderr).toContain(name)
    expect(existsSync(join(dir, 's'))).toBe(false)
  })

  it('a missing file is a plain message, not a Node error, and creates no store', async () => {
    const result = await meridian('ingest', 'missing.txt', '--store', 's')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('cannot read "missing.txt": no such file or directory')
    expect(result.stderr).not.toContain('ENOENT')
    expect(existsSync(join(dir, 's'))).toBe(false)
  })
})

describe('a failed ingest into a new store path', () => {
  it('leaves the file system as it was: no directory, no empty store', async () => {
    write('bad.jsonl', '{"id":"W1","publication_year":"x"}\n')
    const result = await meridian('ingest', 'bad.jsonl', '--store', 'new/store', '--on-error', 'fail')
    expect(result.code).toBe(2)
    expect(existsSync(join(dir, 'new'))).toBe(false)
    mkdirSync(join(dir, 'empty-dir'))
    expect((await meridian('ingest', 'bad.jsonl', '--store', 'empty-dir', '--on-error', 'fail')).code).toBe(2)
    expect(readdirSync(join(dir, 'empty-dir'))).toEqual([])
  })
})

describe('every message in one form: meridian: <message> [CODE], then a hint', () => {
  const form = /^meridian: .+ \[[A-Z_]+\]\n {2}hint: .+\n$/

  it.each([
    [['ingest', '--bogus'], 'BAD_OPTION'],
    [['no-such-command'], 'BAD_OPTION'],
    [['ingest'], 'BAD_OPTION'],
    [['ingest', 'missing.txt'], 'UNREADABLE_FILE'],
    [['status', '--store', 'nowhere'], 'STORE_UNAVAILABLE'],
  ])('%j', async (argv, code) => {
    const result = await meridian(...argv)
    expect(result.stderr).toMatch(form)
    expect(result.stderr).toContain(`[${code}]`)
    expect(result.stderr).not.toMatch(/^error:|ENOENT| {4}at /m)
  })

  it.each([
    [['indicators', 'ouput'], 'did you mean "output"?'],
    [['indicators', 'output', '--country-policy', 'isoo'], 'Did you mean "iso"?'],
    [['network', 'countri', '--out', 'x.json'], 'did you mean "country"?'],
    [['network', 'country', '--counting', 'fractionl', '--out', 'x.json'], 'Did you mean "fractional"?'],
    [['ingest', 'x', '--on-error', 'skp'], 'Did you mean "skip"?'],
  ])('suggests the name meant for a misspelt one: %j', async (argv, suggestion) => {
    const result = await meridian(...argv)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(form)
    expect(result.stderr).toContain(suggestion)
  })
})

describe('a WoS export without its EF line (a download cut short)', () => {
  const truncated = WOS_FILE(1, 2).replace(/\nEF\n$/, '\n')

  it('with skip, reads the intact records and says the file looks truncated', async () => {
    write('cut.txt', truncated)
    const result = await meridian('ingest', 'cut.txt', '--store', 's', '--format', 'json')
    expect(result.code).toBe(0)
    const report = reportOf(result.stdout)
    expect(report).toMatchObject({ added: 2, skipped: 1 })
    expect(report.problems.map((p) => [p.code, p.field])).toEqual([['BAD_RECORD', 'EF']])
    expect(result.stderr).toContain('truncated')
  })

  it('with fail, exits 2 and changes nothing', async () => {
    write('good.txt', WOS_FILE(3))
    write('cut.txt', truncated)
    expect((await meridian('ingest', 'good.txt', '--store', 's', '--quiet')).code).toBe(0)
    const before = await meridian('status', '--store', 's', '--format', 'json')
    const result = await meridian('ingest', 'cut.txt', '--store', 's', '--on-error', 'fail')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('[INGEST_ABORTED]')
    expect((await meridian('status', '--store', 's', '--format', 'json')).stdout).toBe(before.stdout)
  })
})

describe('a Latin-1 WoS export', () => {
  const latin1 = Buffer.from(
    WOS_FILE(1).replace('AU Li, X', 'AU Müller, J').replace('Tsinghua Univ', 'Univ Genève'),
    'latin1',
  )

  it('is read as Windows-1252 with its accents, and the report says so', async () => {
    write('latin1.txt', latin1)
    const result = await meridian('ingest', 'latin1.txt', '--store', 's')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('note: latin1.txt is not UTF-8: read as windows-1252')
    const json = await meridian('ingest', 'latin1.txt', '--store', 's2', '--format', 'json')
    const report = JSON.parse(json.stdout) as { files: { encoding: string; warnings: number }[] }
    expect(report.files[0]).toMatchObject({ encoding: 'windows-1252', warnings: 0 })
  })

  it('forced to UTF-8 with --encoding, stores U+FFFD only with a counted, located warning', async () => {
    write('latin1.txt', latin1)
    const result = await meridian('ingest', 'latin1.txt', '--store', 's', '--encoding', 'utf8')
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('warning: latin1.txt:4: line 4 holds U+FFFD')
    expect(result.stdout).toContain('warning: latin1.txt: 2 lines hold U+FFFD')
  })
})

describe('a line longer than the limit', () => {
  it('is a located problem and its record is left out; the others are read', async () => {
    const huge = `{"id":"W1","title":"${'x'.repeat(17 * 1024 * 1024)}"}`
    write('huge.jsonl', `${huge}\n{"id":"W2","title":"ok"}\n`)
    const result = await meridian('ingest', 'huge.jsonl', '--store', 's', '--format', 'json')
    expect(result.code).toBe(0)
    const report = reportOf(result.stdout)
    expect(report).toMatchObject({ records: 1, added: 1, skipped: 1 })
    expect(report.problems.map((p) => [p.code, p.line])).toEqual([['BAD_RECORD', 1]])
  })
})

describe('rough edges', () => {
  it('status and indicators find the demo store when there is no ./meridian-data, and say so', async () => {
    write('w.jsonl', '{"id":"W1","publication_year":2020}\n')
    expect((await meridian('ingest', 'w.jsonl', '--store', 'meridian-demo', '--quiet')).code).toBe(0)
    const status = await meridian('status', '--format', 'json')
    expect(status.code).toBe(0)
    expect(status.stderr).toContain('reading the demo store ./meridian-demo')
    expect((await meridian('indicators', 'output', '--format', 'json')).code).toBe(0)
  })
})

describe('the same global options on every command', () => {
  it('explain takes --store, registry load takes --quiet', async () => {
    expect((await meridian('explain', 'output', '--store', 's')).code).toBe(0)
    const help = await meridian('registry', 'load', '--help')
    expect(help.stdout).toContain('--quiet')
  })
})
