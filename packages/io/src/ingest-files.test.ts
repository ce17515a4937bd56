import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Patent, Work } from '@meridian/model'
import { afterAll, describe, expect, it } from 'vitest'
import { ingestFiles, type IngestFilesOptions } from './ingest-files.js'

const dir = mkdtempSync(join(tmpdir(), 'meridian-ingest-files-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function ingest(name: string, bytes: Buffer | string, options: IngestFilesOptions = {}) {
  writeFileSync(join(dir, name), bytes)
  const works: Work[] = []
  const report = await ingestFiles([name], { add: (w) => void works.push(w) }, { cwd: dir, ...options })
  return { works, report }
}

const jsonl = (...works: object[]) => works.map((w) => JSON.stringify(w)).join('\n') + '\n'

describe('ingestFiles: limits', () => {
  it('leaves out a record with a field longer than the limit, as a located, counted problem', async () => {
    const { works, report } = await ingest(
      'titles.jsonl',
      jsonl({ id: 'W1', title: 'x'.repeat(200) }, { id: 'W2', title: 'short' }),
      { maxFieldLength: 100 },
    )
    expect(works.map((w) => w.ids.openalex)).toEqual(['W2'])
    expect(report.problems.map((p) => [p.code, p.line, p.field])).toEqual([['BAD_FIELD', 1, 'title']])
    expect(report.files[0]?.problems).toBe(1)
  })

  it('leaves out a line longer than the limit and the record holding it, counted once', async () => {
    const wos = [
      'FN Clarivate Analytics Web of Science',
      'VR 1.0',
      'PT J',
      'AU Li, X',
      `TI ${'x'.repeat(3000)}`,
      'UT WOS:000000000000001',
      'ER',
      'PT J',
      'AU Wu, Y',
      'TI Fine',
      'UT WOS:000000000000002',
      'ER',
      'EF',
    ].join('\n')
    const { works, report } = await ingest('long.txt', wos, { maxLineLength: 1000 })
    expect(works.map((w) => w.ids.wos)).toEqual(['000000000000002'])
    expect(report.problems.map((p) => [p.code, p.line])).toEqual([['BAD_RECORD', 5]])
    const failed = await ingest('long.txt', wos, { maxLineLength: 1000, onError: 'fail' }).catch(
      (e: unknown) => e,
    )
    expect(failed).toMatchObject({ code: 'INGEST_ABORTED', location: { line: 5 } })
  })
})

describe('ingestFiles: encodings', () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1')
  const WOS = [
    'FN Clarivate Analytics Web of Science',
    'VR 1.0',
    'PT J',
    'AU Müller, J',
    'AF Müller, José',
    'TI Étude',
    'C1 [Müller, José] Univ Genève, CH-1211 Genève, Switzerland.',
    'UT WOS:000000000000001',
    'ER',
    'EF',
    '',
  ].join('\n')

  it('reads a Latin-1 WoS export with its accents, and says it was not UTF-8', async () => {
    const { works, report } = await ingest('latin1.txt', latin1(WOS))
    expect(works[0]?.authorships[0]?.name).toBe('Müller, José')
    expect(works[0]?.title).toBe('Étude')
    expect(report.files[0]).toMatchObject({ encoding: 'windows-1252', encodingGuessed: true, warnings: 0 })
  })

  it('counts and locates every line stored with U+FFFD: a UTF-8 file with a stray Latin-1 byte', async () => {
    const [before, after] = WOS.split('TI Étude')
    const bytes = Buffer.concat([
      Buffer.from(`${before}TI Caf`),
      Buffer.from([0xe9]),
      Buffer.from(after ?? ''),
    ])
    const { works, report } = await ingest('broken.txt', bytes)
    expect(works[0]?.title).toBe('Caf\uFFFD')
    expect(report.files[0]).toMatchObject({ encoding: 'utf8', encodingGuessed: false, warnings: 1 })
    expect(report.warnings.map((w) => w.line)).toEqual([6])
  })
})

describe('ingestFiles: progress', () => {
  it("tells each file's place among the files to read, and the records so far", async () => {
    writeFileSync(join(dir, 'a.jsonl'), jsonl({ id: 'W1', title: 'One' }, { id: 'W2', title: 'Two' }))
    writeFileSync(join(dir, 'b.jsonl'), jsonl({ id: 'W3', title: 'Three' }))
    const seen: unknown[] = []
    await ingestFiles(
      ['a.jsonl', 'b.jsonl'],
      { add: () => {} },
      { cwd: dir, progressEvery: 1, onProgress: (p) => seen.push(p) },
    )
    expect(seen.at(-1)).toEqual({ file: 'b.jsonl', records: 1, total: 3, fileNumber: 2, files: 2 })
    expect(seen[0]).toMatchObject({ file: 'a.jsonl', fileNumber: 1, files: 2 })
  })
})

describe('ingestFiles: patent exports', () => {
  // Two invented patents in the shape of a WIPO Patentscope export, the second with a title too long.
  const patentscope = [
    'Publication Number,Publication Date,Title,Priority Data,IPC,Applicants,Inventors,FP Image',
    'WO2015000004,08.01.2015,Oven stone,NA,A21B 1/22,Stone Ovens Ltd,Rossi Marco,NA',
    `WO2015000005,08.01.2015,${'x'.repeat(200)},NA,A21B 1/22,Stone Ovens Ltd,Rossi Marco,NA`,
  ].join('\n')

  it('hands patents to the patent sink, checking their limits, when one is given', async () => {
    const patents: Patent[] = []
    const { works, report } = await ingest('ps.csv', patentscope, {
      patents: { addPatent: (p) => void patents.push(p) },
      maxFieldLength: 100,
    })
    expect(works).toEqual([])
    expect(patents.map((p) => p.publicationNumber)).toEqual(['WO2015000004'])
    expect(report).toMatchObject({ records: 0, patents: 1 })
    expect(report.files.map((f) => [f.format, f.records, f.problems])).toEqual([['patentscope', 1, 1]])
    expect(report.problems.map((p) => [p.code, p.line, p.field])).toEqual([['BAD_FIELD', 3, 'title']])
  })

  it('knows no patent export without a patent sink', async () => {
    await expect(ingest('ps2.csv', patentscope)).rejects.toMatchObject({ code: 'UNKNOWN_FORMAT' })
  })
})
