import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
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
