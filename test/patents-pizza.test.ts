import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from '@meridian/indicators'
import { readCsvRows, toPublicationNumber } from '@meridian/model'
import { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'
import { shared } from './shared-data.js'

// The pizza patent exports of the shared data folder (a Lens.org 2015 export and a Patentscope export),
// ingested by the CLI; the count stored is checked against the publication numbers read from the CSV cells
// here, with the tokenizer alone, leaving out the rows the ingest reported as problems.
const FOLDER = shared('patents-lens-patentscope-pizza')
const FILES = ['pizza_lens_1000_raw.csv', 'pizza_medium_patentscope.csv'] as const
const HAVE = FILES.every((file) => existsSync(join(FOLDER, file)))
if (!HAVE) console.warn(`pizza patent conformance tests skipped: ${FOLDER} (${FILES.join(', ')}) is absent`)

interface Report {
  readonly patents: { read: number; added: number; duplicatesOfStore: number; duplicatesInRun: number }
  readonly problems: readonly { file: string; line: number }[]
}

/** The publication numbers of a file's data rows, by the line each row starts on. */
async function numbersByLine(path: string): Promise<Map<number, string | null>> {
  const lines = readFileSync(path, 'utf8').split(/\r\n|\r|\n/)
  const out = new Map<number, string | null>()
  let column = -1
  for await (const row of readCsvRows(
    (async function* () {
      yield* lines
    })(),
  )) {
    if (row.kind !== 'row') continue
    if (column < 0) {
      column = row.cells.findIndex((c) => c === 'Publication Number' || c === 'Display Key')
      continue
    }
    out.set(row.line, toPublicationNumber(row.cells[column]))
  }
  return out
}

let dir: string
const reports = new Map<string, Report>()
beforeAll(async () => {
  if (!HAVE) return
  dir = mkdtempSync(join(tmpdir(), 'meridian-pizza-'))
  for (const file of FILES) {
    const run = await runCli(dir, [
      'ingest',
      join(FOLDER, file),
      '--store',
      'store',
      '--format',
      'json',
      '--quiet',
    ])
    expect(run.code, run.stderr).toBe(0)
    reports.set(file, JSON.parse(run.stdout) as Report)
  }
}, 120_000)
afterAll(() => {
  if (HAVE) rmSync(dir, { recursive: true, force: true })
})

describe.skipIf(!HAVE)('the pizza patent exports', () => {
  it('stores one patent per distinct publication number read', async () => {
    const expected = new Set<string>()
    for (const file of FILES) {
      const path = join(FOLDER, file)
      const report = reports.get(file)
      const bad = new Set(report?.problems.filter((p) => p.file === path).map((p) => p.line))
      const rows = await numbersByLine(path)
      const good = [...rows].filter(([line]) => !bad.has(line)).map(([, number]) => number)
      expect(good.every((n) => n !== null)).toBe(true)
      expect(report?.patents.read).toBe(good.length)
      const before = expected.size
      for (const number of good) if (number !== null) expected.add(number)
      expect(report?.patents.added).toBe(expected.size - before)
    }
    const store = await Store.open({ path: join(dir, 'store', 'meridian.duckdb'), readOnly: true })
    try {
      const [row] = await store.runner.all(sql`SELECT count(*) AS n,
        count(DISTINCT publication_number) AS distinct_numbers FROM patents`)
      expect(row).toEqual({ n: expected.size, distinct_numbers: expected.size })
      expect((await store.status()).patents).toBe(expected.size)
    } finally {
      store.close()
    }
  })

  it('adds nothing when a file comes again', async () => {
    const again = await runCli(dir, [
      'ingest',
      join(FOLDER, FILES[0]),
      '--store',
      'store',
      '--format',
      'json',
      '--quiet',
    ])
    const report = JSON.parse(again.stdout) as Report
    expect(report.patents.added).toBe(0)
    expect(report.patents.duplicatesOfStore + report.patents.duplicatesInRun).toBe(report.patents.read)
  })
})
