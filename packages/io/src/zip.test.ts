import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { crc32, deflateRawSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { isZip, listZipEntries, openZipEntry } from './zip.js'

interface TestEntry {
  name: string
  data: Buffer
  /** 0 stored, 8 deflate, or any other number written as is (the data stays stored). */
  method?: number
  flags?: number
  /** Put 0xFFFFFFFF in the 32-bit fields and the real values in a Zip64 extra field. */
  zip64?: boolean
}

/** A minimal zip writer for the tests: local headers, data, central directory, end records (Zip64 too). */
function writeZip(entries: TestEntry[], options: { comment?: Buffer; zip64End?: boolean } = {}): Buffer {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const method = e.method ?? 8
    const body = method === 8 ? deflateRawSync(e.data) : e.data
    const name = Buffer.from(e.name, 'utf8')
    const crc = crc32(e.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(e.zip64 ? 45 : 20, 4)
    local.writeUInt16LE((e.flags ?? 0) | 0x800, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(e.zip64 ? 0xffffffff : body.length, 18)
    local.writeUInt32LE(e.zip64 ? 0xffffffff : e.data.length, 22)
    local.writeUInt16LE(name.length, 26)
    // A local extra field of its own length, to check that the reader skips the local header's own lengths.
    const localExtra = Buffer.from([0xfe, 0xca, 4, 0, 1, 2, 3, 4])
    local.writeUInt16LE(localExtra.length, 28)
    let extra = Buffer.alloc(0)
    if (e.zip64) {
      extra = Buffer.alloc(4 + 24)
      extra.writeUInt16LE(0x0001, 0)
      extra.writeUInt16LE(24, 2)
      extra.writeBigUInt64LE(BigInt(e.data.length), 4)
      extra.writeBigUInt64LE(BigInt(body.length), 12)
      extra.writeBigUInt64LE(BigInt(offset), 20)
    }
    const header = Buffer.alloc(46)
    header.writeUInt32LE(0x02014b50, 0)
    header.writeUInt16LE(e.zip64 ? 45 : 20, 4)
    header.writeUInt16LE(e.zip64 ? 45 : 20, 6)
    header.writeUInt16LE((e.flags ?? 0) | 0x800, 8)
    header.writeUInt16LE(method, 10)
    header.writeUInt32LE(crc, 16)
    header.writeUInt32LE(e.zip64 ? 0xffffffff : body.length, 20)
    header.writeUInt32LE(e.zip64 ? 0xffffffff : e.data.length, 24)
    header.writeUInt16LE(name.length, 28)
    header.writeUInt16LE(extra.length, 30)
    header.writeUInt32LE(e.zip64 ? 0xffffffff : offset, 42)
    central.push(header, name, extra)
    parts.push(local, name, localExtra, body)
    offset += local.length + name.length + localExtra.length + body.length
  }
  const cd = Buffer.concat(central)
  const tail: Buffer[] = []
  if (options.zip64End) {
    const record = Buffer.alloc(56)
    record.writeUInt32LE(0x06064b50, 0)
    record.writeBigUInt64LE(44n, 4)
    record.writeUInt16LE(45, 12)
    record.writeUInt16LE(45, 14)
    record.writeBigUInt64LE(BigInt(entries.length), 24)
    record.writeBigUInt64LE(BigInt(entries.length), 32)
    record.writeBigUInt64LE(BigInt(cd.length), 40)
    record.writeBigUInt64LE(BigInt(offset), 48)
    const locator = Buffer.alloc(20)
    locator.writeUInt32LE(0x07064b50, 0)
    locator.writeBigUInt64LE(BigInt(offset + cd.length), 8)
    locator.writeUInt32LE(1, 16)
    tail.push(record, locator)
  }
  const comment = options.comment ?? Buffer.alloc(0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(options.zip64End ? 0xffff : entries.length, 8)
  end.writeUInt16LE(options.zip64End ? 0xffff : entries.length, 10)
  end.writeUInt32LE(options.zip64End ? 0xffffffff : cd.length, 12)
  end.writeUInt32LE(options.zip64End ? 0xffffffff : offset, 16)
  end.writeUInt16LE(comment.length, 20)
  return Buffer.concat([...parts, cd, ...tail, end, comment])
}

const dir = mkdtempSync(join(tmpdir(), 'meridian-zip-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let fileCount = 0
function file(bytes: Buffer | string): string {
  const path = join(dir, `archive-${++fileCount}.zip`)
  writeFileSync(path, bytes)
  return path
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  return Buffer.concat((await stream.toArray()) as Buffer[])
}

async function entryText(path: string, name: string): Promise<string> {
  const entry = (await listZipEntries(path)).find((e) => e.name === name)
  if (!entry) throw new Error(`no entry ${name}`)
  return (await bytesOf(openZipEntry(path, entry))).toString('utf8')
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected an error'),
    (error: unknown) => error,
  )
}

const json = JSON.stringify(
  Array.from({ length: 500 }, (_, i) => ({ id: `https://ror.org/0${i}`, name: `Institution ${i} ü` })),
)
const csv = 'id,name\n1,"Université de Paris"\n2,MIT\n'

describe('zip archives', () => {
  it('lists stored and deflated entries and reads both back', async () => {
    const path = file(
      writeZip([
        { name: 'v1.55-2024-10-31-ror-data.json', data: Buffer.from(json), method: 8 },
        { name: 'v1.55-2024-10-31-ror-data.csv', data: Buffer.from(csv), method: 0 },
        { name: 'empty.txt', data: Buffer.alloc(0), method: 0 },
        { name: 'folder/', data: Buffer.alloc(0), method: 0 },
      ]),
    )
    const entries = await listZipEntries(path)
    expect(entries.map((e) => [e.name, e.method, e.uncompressedSize, e.isDirectory])).toEqual([
      ['v1.55-2024-10-31-ror-data.json', 8, Buffer.byteLength(json), false],
      ['v1.55-2024-10-31-ror-data.csv', 0, Buffer.byteLength(csv), false],
      ['empty.txt', 0, 0, false],
      ['folder/', 0, 0, true],
    ])
    expect(entries[0]!.compressedSize).toBeLessThan(entries[0]!.uncompressedSize)
    expect(await entryText(path, 'v1.55-2024-10-31-ror-data.json')).toBe(json)
    expect(await entryText(path, 'v1.55-2024-10-31-ror-data.csv')).toBe(csv)
    expect(await entryText(path, 'empty.txt')).toBe('')
  })

  it('finds the end record behind a comment, even one holding the end signature', async () => {
    const comment = Buffer.concat([
      Buffer.from('ROR dump '),
      Buffer.from([0x50, 0x4b, 0x05, 0x06]),
      Buffer.from('!'),
    ])
    const path = file(writeZip([{ name: 'a.csv', data: Buffer.from(csv) }], { comment }))
    expect(await entryText(path, 'a.csv')).toBe(csv)
  })

  it('reads Zip64 sizes and offsets from the extra field and the Zip64 end record', async () => {
    const path = file(
      writeZip(
        [
          { name: 'first.json', data: Buffer.from(json), zip64: true },
          { name: 'second.csv', data: Buffer.from(csv), method: 0, zip64: true },
        ],
        { zip64End: true },
      ),
    )
    const entries = await listZipEntries(path)
    expect(entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['first.json', Buffer.byteLength(json)],
      ['second.csv', Buffer.byteLength(csv)],
    ])
    expect(entries[1]!.localHeaderOffset).toBeGreaterThan(0)
    expect(await entryText(path, 'first.json')).toBe(json)
    expect(await entryText(path, 'second.csv')).toBe(csv)
  })

  it('tells a zip from other bytes by its first four', () => {
    expect(isZip(writeZip([{ name: 'a', data: Buffer.from('x') }]))).toBe(true)
    expect(isZip(Buffer.from('id,name\n'))).toBe(false)
    expect(isZip(Buffer.from([0x1f, 0x8b, 8, 0]))).toBe(false)
    expect(isZip(Buffer.from('PK'))).toBe(false)
  })

  it('rejects a file that is not a zip archive', async () => {
    const error = await failure(listZipEntries(file(csv.repeat(10))))
    expect(error).toMatchObject({ code: 'UNKNOWN_FORMAT' })
  })

  it('rejects a missing file', async () => {
    const error = await failure(listZipEntries(join(dir, 'absent.zip')))
    expect(error).toMatchObject({ code: 'UNREADABLE_FILE' })
  })

  it('rejects an archive whose central directory is damaged', async () => {
    const archive = writeZip([{ name: 'a.json', data: Buffer.from(json) }])
    const cdStart = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    archive.writeUInt32LE(0xdeadbeef, cdStart)
    const error = await failure(listZipEntries(file(archive)))
    expect(error).toMatchObject({ code: 'UNREADABLE_FILE' })
  })

  it('rejects a truncated archive (end record present, directory cut off)', async () => {
    const archive = writeZip([{ name: 'a.json', data: Buffer.from(json) }])
    const end = archive.subarray(archive.length - 22)
    const error = await failure(listZipEntries(file(Buffer.concat([archive.subarray(0, 40), end]))))
    expect(error).toMatchObject({ code: 'UNREADABLE_FILE' })
  })

  it('fails the stream when the data does not match its CRC-32', async () => {
    const archive = writeZip([{ name: 'a.csv', data: Buffer.from(csv), method: 0 }])
    const at = archive.indexOf(Buffer.from('MIT'))
    archive[at] = 'W'.charCodeAt(0)
    const path = file(archive)
    const [entry] = await listZipEntries(path)
    const error = await failure(bytesOf(openZipEntry(path, entry!)))
    expect(error).toMatchObject({ code: 'UNREADABLE_FILE' })
  })

  it('fails the stream when deflated data is corrupt', async () => {
    const archive = writeZip([{ name: 'a.json', data: Buffer.from(json), method: 8 }])
    const path = file(archive)
    const [entry] = await listZipEntries(path)
    const start = entry!.localHeaderOffset + 30 + Buffer.byteLength('a.json') + 8
    archive.fill(0xff, start, start + 16)
    writeFileSync(path, archive)
    const error = await failure(bytesOf(openZipEntry(path, entry!)))
    expect(error).toMatchObject({ code: 'UNREADABLE_FILE' })
  })

  it('refuses other compression methods and encrypted entries', async () => {
    const path = file(
      writeZip([
        { name: 'a.json.bz2', data: Buffer.from(json), method: 12 },
        { name: 'secret.csv', data: Buffer.from(csv), method: 0, flags: 0x1 },
      ]),
    )
    const [bzip2, encrypted] = await listZipEntries(path)
    expect(await failure(bytesOf(openZipEntry(path, bzip2!)))).toMatchObject({ code: 'UNREADABLE_FILE' })
    expect(await failure(bytesOf(openZipEntry(path, encrypted!)))).toMatchObject({ code: 'UNREADABLE_FILE' })
  })
})

const hasZip = (() => {
  try {
    execFileSync('zip', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

describe.skipIf(!hasZip)('archives written by Info-ZIP zip', () => {
  it.each([
    ['plain', []],
    ['forced Zip64 (-fz)', ['-fz']],
  ])('%s', async (_label, args) => {
    const folder = mkdtempSync(join(dir, 'info-zip-'))
    writeFileSync(join(folder, 'ror-data.json'), json)
    writeFileSync(join(folder, 'ror-data.csv'), csv)
    const path = join(folder, 'out.zip')
    execFileSync('zip', ['-q', ...args, '-z', path, 'ror-data.json', 'ror-data.csv'], {
      cwd: folder,
      input: 'a comment',
    })
    expect((await listZipEntries(path)).map((e) => e.name)).toEqual(['ror-data.json', 'ror-data.csv'])
    expect(await entryText(path, 'ror-data.json')).toBe(json)
    expect(await entryText(path, 'ror-data.csv')).toBe(csv)
  })
})

const DATA =
  process.env['MERIDIAN_SHARED_DATA'] ?? fileURLToPath(new URL('../../../../shared/data', import.meta.url))

function zipsUnder(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.toLowerCase().endsWith('.zip'))
    .map((d) => join(d.parentPath, d.name))
}

const realZips = zipsUnder(DATA)
if (realZips.length === 0)
  console.warn(`zip conformance skipped: no .zip under the shared data folder ${DATA}`)

describe.skipIf(realZips.length === 0)('zip archives in the shared data', () => {
  it.each(realZips)('reads every entry of %s, checking sizes and CRC-32', async (path) => {
    const entries = await listZipEntries(path)
    expect(entries.length).toBeGreaterThan(0)
    for (const entry of entries.filter((e) => !e.isDirectory && (e.method === 0 || e.method === 8))) {
      let length = 0
      for await (const chunk of openZipEntry(path, entry)) length += (chunk as Buffer).length
      expect(length).toBe(entry.uncompressedSize)
    }
  })
})
