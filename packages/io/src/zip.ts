import { createReadStream } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { crc32, createInflateRaw } from 'node:zlib'
import { MeridianError } from '@meridian/model'

/** One file (or folder) of a zip archive, as its central directory describes it. */
export interface ZipEntry {
  /** The path inside the archive, `/`-separated; folders end with `/`. */
  readonly name: string
  /** 0 stored, 8 deflate; other methods are listed but cannot be opened. */
  readonly method: number
  /** General-purpose flags: bit 0 encrypted, bit 3 sizes in a data descriptor, bit 11 UTF-8 name. */
  readonly flags: number
  readonly compressedSize: number
  readonly uncompressedSize: number
  readonly crc32: number
  /** Where the entry's local file header starts in the archive. */
  readonly localHeaderOffset: number
  readonly isDirectory: boolean
}

const SIG = {
  local: 0x04034b50,
  central: 0x02014b50,
  eocd: 0x06054b50,
  zip64Locator: 0x07064b50,
  zip64Eocd: 0x06064b50,
} as const
const EOCD_SIZE = 22
const MAX_COMMENT = 0xffff
const U16_MAX = 0xffff
const U32_MAX = 0xffffffff
const ZIP64_EXTRA = 0x0001
const FLAG_ENCRYPTED = 0x1
const FLAG_UTF8 = 0x800
const METHOD_NAMES: Readonly<Record<number, string>> = { 9: 'deflate64', 12: 'bzip2', 14: 'lzma', 93: 'zstd' }

/** Whether bytes start with a zip local file header (`PK\x03\x04`), as a non-empty archive does. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

/**
 * The entries of a zip archive, read from its central directory (Zip64 included); no data is inflated.
 * @example
 * const entries = await listZipEntries('v1.55-2024-10-31-ror-data.zip')
 * const json = entries.find((e) => e.name.endsWith('_schema_v2.json'))
 */
export async function listZipEntries(path: string): Promise<ZipEntry[]> {
  const handle = await openArchive(path)
  try {
    const size = (await handle.stat()).size
    const dir = await locateCentralDirectory(handle, size, path)
    const cd = await readExactly(handle, dir.offset, dir.size, path, 'the central directory')
    const entries: ZipEntry[] = []
    let at = 0
    for (let i = 0; i < dir.entries; i++) {
      if (at + 46 > cd.length || cd.readUInt32LE(at) !== SIG.central)
        throw corrupt(path, `central directory entry ${i + 1} of ${dir.entries} is missing or damaged`)
      const entry = centralEntry(cd, at, path)
      if (entry.localHeaderOffset >= size)
        throw corrupt(path, `entry "${entry.name}" points past the end of the archive`)
      entries.push(entry)
      at += 46 + cd.readUInt16LE(at + 28) + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32)
    }
    return entries
  } finally {
    await handle.close()
  }
}

/**
 * The data of one entry as a byte stream: stored entries as they are, deflated ones inflated, the length
 * and CRC-32 checked at the end (the stream fails with a `MeridianError` on a mismatch).
 * @example
 * const [entry] = await listZipEntries(archive)
 * await pipeline(openZipEntry(archive, entry), createWriteStream('ror-data.json'))
 */
export function openZipEntry(path: string, entry: ZipEntry): Readable {
  return Readable.from(entryChunks(path, entry), { objectMode: false })
}

async function* entryChunks(path: string, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.flags & FLAG_ENCRYPTED)
    throw unreadable(path, `entry "${entry.name}" is encrypted; encrypted entries are not supported`)
  if (entry.method !== 0 && entry.method !== 8) {
    const method = METHOD_NAMES[entry.method] ?? 'unknown'
    throw unreadable(
      path,
      `entry "${entry.name}" uses compression method ${entry.method} (${method}); ` +
        'only stored (0) and deflate (8) are supported',
    )
  }
  const start = await dataStart(path, entry)
  let crc = 0
  let length = 0
  if (entry.compressedSize > 0) {
    const raw = createReadStream(path, {
      start,
      end: start + entry.compressedSize - 1,
      highWaterMark: 1 << 20,
    })
    let source: Readable = raw
    if (entry.method === 8) {
      const inflate = createInflateRaw({ chunkSize: 1 << 18 })
      raw.on('error', (error) => inflate.destroy(error))
      source = raw.pipe(inflate)
    }
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        crc = crc32(chunk, crc)
        length += chunk.length
        yield chunk
      }
    } catch (cause) {
      throw unreadable(path, `cannot read entry "${entry.name}": ${(cause as Error).message}`, cause)
    } finally {
      raw.destroy()
    }
  }
  if (length !== entry.uncompressedSize)
    throw corrupt(path, `entry "${entry.name}" gave ${length} bytes, ${entry.uncompressedSize} expected`)
  if (crc >>> 0 !== entry.crc32)
    throw corrupt(
      path,
      `entry "${entry.name}" fails its CRC-32 check (${hex(crc)}, ${hex(entry.crc32)} expected)`,
    )
}

/** Where the entry's data begins: after its local header, whose name and extra lengths are its own. */
async function dataStart(path: string, entry: ZipEntry): Promise<number> {
  const handle = await openArchive(path)
  try {
    const header = await readExactly(
      handle,
      entry.localHeaderOffset,
      30,
      path,
      `the header of "${entry.name}"`,
    )
    if (header.readUInt32LE(0) !== SIG.local)
      throw corrupt(
        path,
        `entry "${entry.name}" has no local file header at offset ${entry.localHeaderOffset}`,
      )
    return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  } finally {
    await handle.close()
  }
}

interface CentralDirectory {
  readonly entries: number
  readonly size: number
  readonly offset: number
}

/** The End Of Central Directory record (searched backwards past any comment), and its Zip64 record if any. */
async function locateCentralDirectory(
  handle: FileHandle,
  size: number,
  path: string,
): Promise<CentralDirectory> {
  const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT)
  const tailStart = size - tailLength
  const tail = await readExactly(handle, tailStart, tailLength, path, 'the end of the archive')
  let at = -1
  // A comment may itself contain the signature: take the last one whose comment length reaches the end.
  for (let i = tail.length - EOCD_SIZE; i >= 0 && at === -1; i--)
    if (tail.readUInt32LE(i) === SIG.eocd && i + EOCD_SIZE + tail.readUInt16LE(i + 20) === tail.length) at = i
  if (at === -1)
    throw new MeridianError(
      'UNKNOWN_FORMAT',
      `"${path}" is not a zip archive (no end of central directory record)`,
    )
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0)
    throw unreadable(path, 'multi-disk (split) archives are not supported')
  let dir: CentralDirectory = {
    entries: tail.readUInt16LE(at + 10),
    size: tail.readUInt32LE(at + 12),
    offset: tail.readUInt32LE(at + 16),
  }
  const eocdOffset = tailStart + at
  if (dir.entries === U16_MAX || dir.size === U32_MAX || dir.offset === U32_MAX) {
    dir = await zip64Directory(handle, eocdOffset, path)
  }
  if (dir.offset + dir.size > eocdOffset)
    throw corrupt(
      path,
      `the central directory (offset ${dir.offset}, ${dir.size} bytes) ` +
        `does not fit before its end record at ${eocdOffset}`,
    )
  return dir
}

async function zip64Directory(
  handle: FileHandle,
  eocdOffset: number,
  path: string,
): Promise<CentralDirectory> {
  if (eocdOffset < 20) throw corrupt(path, 'Zip64 sizes are flagged but there is no Zip64 locator')
  const locator = await readExactly(handle, eocdOffset - 20, 20, path, 'the Zip64 locator')
  if (locator.readUInt32LE(0) !== SIG.zip64Locator)
    throw corrupt(path, 'Zip64 sizes are flagged but there is no Zip64 locator')
  const recordOffset = u64(locator, 8, path)
  const record = await readExactly(handle, recordOffset, 56, path, 'the Zip64 end record')
  if (record.readUInt32LE(0) !== SIG.zip64Eocd)
    throw corrupt(path, `no Zip64 end of central directory record at offset ${recordOffset}`)
  return { entries: u64(record, 32, path), size: u64(record, 40, path), offset: u64(record, 48, path) }
}

function centralEntry(cd: Buffer, at: number, path: string): ZipEntry {
  const flags = cd.readUInt16LE(at + 8)
  const nameLength = cd.readUInt16LE(at + 28)
  const extraLength = cd.readUInt16LE(at + 30)
  const nameBytes = cd.subarray(at + 46, at + 46 + nameLength)
  const extra = cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength)
  if (nameBytes.length !== nameLength || extra.length !== extraLength)
    throw corrupt(path, 'a central directory entry runs past the end of the directory')
  // Names without the UTF-8 flag are CP437 by the spec; writers mostly put ASCII or UTF-8 there anyway.
  const name = nameBytes.toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1')
  let uncompressedSize = cd.readUInt32LE(at + 24)
  let compressedSize = cd.readUInt32LE(at + 20)
  let localHeaderOffset = cd.readUInt32LE(at + 42)
  if (uncompressedSize === U32_MAX || compressedSize === U32_MAX || localHeaderOffset === U32_MAX) {
    // The Zip64 extra field holds, in this order, only the values whose 32-bit field is 0xFFFFFFFF.
    const zip64 = extraField(extra, ZIP64_EXTRA)
    if (!zip64) throw corrupt(path, `entry "${name}" has Zip64 sizes but no Zip64 extra field`)
    let field = 0
    const next = (): number => {
      if (field + 8 > zip64.length) throw corrupt(path, `entry "${name}" has a short Zip64 extra field`)
      const value = u64(zip64, field, path)
      field += 8
      return value
    }
    if (uncompressedSize === U32_MAX) uncompressedSize = next()
    if (compressedSize === U32_MAX) compressedSize = next()
    if (localHeaderOffset === U32_MAX) localHeaderOffset = next()
  }
  return Object.freeze({
    name,
    method: cd.readUInt16LE(at + 10),
    flags,
    compressedSize,
    uncompressedSize,
    crc32: cd.readUInt32LE(at + 16),
    localHeaderOffset,
    isDirectory: name.endsWith('/'),
  })
}

function extraField(extra: Buffer, id: number): Buffer | undefined {
  for (let at = 0; at + 4 <= extra.length;) {
    const length = extra.readUInt16LE(at + 2)
    if (extra.readUInt16LE(at) === id) return extra.subarray(at + 4, at + 4 + length)
    at += 4 + length
  }
  return undefined
}

function u64(buffer: Buffer, at: number, path: string): number {
  const value = buffer.readBigUInt64LE(at)
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw corrupt(path, `a Zip64 size or offset is too large (${value})`)
  return Number(value)
}

async function openArchive(path: string): Promise<FileHandle> {
  return open(path, 'r').catch((cause: unknown) => {
    throw unreadable(path, `cannot open: ${(cause as Error).message}`, cause)
  })
}

async function readExactly(
  handle: FileHandle,
  position: number,
  length: number,
  path: string,
  what: string,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  const { bytesRead } = await handle.read(buffer, 0, length, position)
  if (bytesRead !== length) throw corrupt(path, `${what} is cut short (${bytesRead} of ${length} bytes)`)
  return buffer
}

const hex = (n: number): string => `0x${(n >>> 0).toString(16).padStart(8, '0')}`

function unreadable(path: string, detail: string, cause?: unknown): MeridianError {
  return new MeridianError('UNREADABLE_FILE', `cannot read zip archive "${path}": ${detail}`, { cause })
}

function corrupt(path: string, detail: string): MeridianError {
  return unreadable(path, `the archive is damaged: ${detail}`)
}
