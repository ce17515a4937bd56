import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { readLines, type ReadLinesOptions } from './lines.js'
import { guessEncoding } from './text-decoding.js'

const dir = mkdtempSync(join(tmpdir(), 'meridian-lines-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let count = 0
function file(bytes: Buffer | string): string {
  const path = join(dir, `f${++count}`)
  writeFileSync(path, bytes)
  return path
}

async function read(path: string, options: ReadLinesOptions = {}) {
  const lines: string[] = []
  const long: [number, number][] = []
  const lost: number[] = []
  let encoding = ''
  for await (const line of readLines(path, {
    ...options,
    onLongLine: (n, length) => void long.push([n, length]),
    onReplacement: (n) => void lost.push(n),
    onEncoding: (e) => void (encoding = e),
  }))
    lines.push(line)
  return { lines, long, lost, encoding }
}

// "Müller, José" as a single-byte export writes it (Latin-1 and Windows-1252 agree on these letters).
const LATIN1 = Buffer.concat([
  Buffer.from('AU M'),
  Buffer.from([0xfc]),
  Buffer.from('ller, Jos'),
  Buffer.from([0xe9]),
  Buffer.from('\r\nTI Caf'),
  Buffer.from([0xe9, 0x96]),
  Buffer.from('\n'),
])

describe('readLines: encodings', () => {
  it('reads UTF-8 as is and keeps the BOM for readers to drop', async () => {
    const result = await read(file('\uFEFFAU Müller, José\nTI Café\n'))
    expect(result).toEqual({
      lines: ['\uFEFFAU Müller, José', 'TI Café'],
      long: [],
      lost: [],
      encoding: 'utf8',
    })
  })

  it('decodes a clearly single-byte export as Windows-1252 and says so', async () => {
    const result = await read(file(LATIN1))
    expect(result.lines).toEqual(['AU Müller, José', 'TI Café–'])
    expect(result.encoding).toBe('windows-1252')
    expect(result.lost).toEqual([])
  })

  it('reads the same bytes gzip-compressed the same way', async () => {
    expect((await read(file(gzipSync(LATIN1)))).lines).toEqual(['AU Müller, José', 'TI Café–'])
  })

  it('decodes single-byte text that starts after a long ASCII stretch', async () => {
    const result = await read(file(Buffer.concat([Buffer.from('x'.repeat(3 << 20) + '\n'), LATIN1])))
    expect(result.lines.slice(1)).toEqual(['AU Müller, José', 'TI Café–'])
    expect(result.encoding).toBe('windows-1252')
  })

  it('reports the lines of a UTF-8 file that hold bytes it cannot decode', async () => {
    const bytes = Buffer.concat([
      Buffer.from('TI Café\nTI ok\nTI bad '),
      Buffer.from([0xff]),
      Buffer.from('\n'),
    ])
    const result = await read(file(bytes))
    expect(result.encoding).toBe('utf8')
    expect(result.lost).toEqual([3])
    expect(result.lines[2]).toBe('TI bad \uFFFD')
  })

  it('decodes as told with encoding', async () => {
    expect((await read(file(LATIN1), { encoding: 'latin1' })).lines[0]).toBe('AU Müller, José')
    const forced = await read(file(LATIN1), { encoding: 'utf8' })
    expect(forced.lost).toEqual([1, 2])
  })

  it('guesses from well-formed and malformed sequences', () => {
    expect(guessEncoding(Buffer.from('é ü', 'utf8'))).toBe('utf8')
    expect(guessEncoding(Buffer.from([0xe9, 0x20, 0xfc]))).toBe('windows-1252')
    // A sequence cut off at the end of the window decides nothing.
    expect(guessEncoding(Buffer.from([0xc3]))).toBe('utf8')
  })
})

describe('readLines: long lines', () => {
  it('yields a line longer than the limit as empty, keeping the numbering, and says how long it was', async () => {
    const result = await read(file(`a\n${'x'.repeat(5000)}\nb\n`), { maxLineLength: 1000 })
    expect(result.lines).toEqual(['a', '', 'b'])
    expect(result.long).toEqual([[2, 5000]])
  })

  it('never holds a line longer than the limit whole, across chunks, and reads on after it', async () => {
    const result = await read(file(`a\r\n${'x'.repeat(5 << 20)}\r\nb\r\n${'y'.repeat(3 << 20)}`), {
      maxLineLength: 1 << 20,
    })
    expect(result.lines).toEqual(['a', '', 'b', ''])
    expect(result.long.map(([n]) => n)).toEqual([2, 4])
    expect(result.long[0]?.[1]).toBe(5 << 20)
  })
})
