import { createReadStream, createWriteStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'
import { unreadableFile } from './io-error.js'
import { decodeBytes, type TextEncoding } from './text-decoding.js'

const GZIP_MAGIC = [0x1f, 0x8b]

/** Whether a file starts with the gzip magic number (decided by content, not by name). */
export async function isGzip(path: string, name = path): Promise<boolean> {
  const handle = await open(path, 'r').catch((cause: unknown) => {
    throw unreadableFile(name, cause)
  })
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0)
    return bytesRead === 2 && buffer[0] === GZIP_MAGIC[0] && buffer[1] === GZIP_MAGIC[1]
  } finally {
    await handle.close()
  }
}

/** The decompressed bytes of a file. */
async function* byteChunks(
  path: string,
  options: { highWaterMark?: number; end?: number; name?: string } = {},
): AsyncIterable<Buffer> {
  const gzip = await isGzip(path, options.name)
  const file = createReadStream(path, {
    highWaterMark: options.highWaterMark ?? 1 << 20,
    ...(gzip || options.end === undefined ? {} : { end: options.end }),
  })
  const stream = gzip ? file.pipe(createGunzip({ chunkSize: 1 << 18 })) : file
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk
  } catch (cause) {
    throw unreadableFile(options.name ?? path, cause)
  } finally {
    file.destroy()
  }
}

/** Longest line `readLines` keeps by default, in characters (16 Mi): longer ones are reported and left out. */
export const MAX_LINE_LENGTH = 16 * 1024 * 1024

/** Options of `readLines`. */
export interface ReadLinesOptions {
  /** The name reported in errors (default: the path). */
  readonly name?: string
  /** Default `auto`: UTF-8, or Windows-1252 when the first bytes that are not ASCII are clearly single-byte. */
  readonly encoding?: TextEncoding
  /** Told the encoding used, once it is known. */
  readonly onEncoding?: (encoding: Exclude<TextEncoding, 'auto'>) => void
  /** Default `MAX_LINE_LENGTH`. A longer line is never held whole: it is read past and yielded empty. */
  readonly maxLineLength?: number
  /** Told each line left out for its length (1-based, and at least how long it was). */
  readonly onLongLine?: (line: number, length: number) => void
  /** Told each line holding U+FFFD (bytes that were not valid in the encoding, or the character itself). */
  readonly onReplacement?: (line: number) => void
}

/**
 * The lines of a text file, gunzipped when it is gzip, decoded as `encoding`. Accepts `\n`, `\r\n` and lone
 * `\r` line ends; line numbers stay those of the file. Memory is bounded by `maxLineLength`, not by the
 * longest line: a longer one is yielded as an empty line (keeping the numbering) and reported.
 */
export async function* readLines(path: string, options: ReadLinesOptions = {}): AsyncIterable<string> {
  const max = options.maxLineLength ?? MAX_LINE_LENGTH
  let n = 0
  let rest = ''
  // While a line longer than `max` is being read past: how much of it was seen.
  let skipped = -1
  function* emit(line: string): Iterable<string> {
    n++
    if (line.length > max) {
      options.onLongLine?.(n, line.length)
      yield ''
      return
    }
    if (line.includes('\uFFFD')) options.onReplacement?.(n)
    yield line
  }
  const text = decodeBytes(
    byteChunks(path, { name: options.name ?? path }),
    options.encoding ?? 'auto',
    (encoding) => options.onEncoding?.(encoding),
  )
  for await (const chunk of text) {
    let from = 0
    if (skipped >= 0) {
      const end = chunk.search(/[\r\n]/)
      if (end < 0) {
        skipped += chunk.length
        continue
      }
      n++
      options.onLongLine?.(n, skipped + end)
      yield ''
      skipped = -1
      // A CRLF cut between chunks leaves a lone LF at the next chunk's start: one line end, not two.
      from = chunk.startsWith('\r\n', end) ? end + 2 : end + 1
    }
    let part = rest + (from === 0 ? chunk : chunk.slice(from))
    if (part.includes('\r')) {
      // Hold a trailing CR back: its LF may come with the next chunk.
      const held = part.endsWith('\r') ? '\r' : ''
      part = part.slice(0, part.length - held.length).replace(/\r\n?/g, '\n') + held
    }
    let start = 0
    let end = part.indexOf('\n')
    while (end !== -1) {
      yield* emit(part.slice(start, end))
      start = end + 1
      end = part.indexOf('\n', start)
    }
    rest = part.slice(start)
    if (rest.length > max) {
      skipped = rest.length
      rest = ''
    }
  }
  if (skipped >= 0) {
    options.onLongLine?.(n + 1, skipped)
    yield ''
    return
  }
  if (rest.endsWith('\r')) rest = rest.slice(0, -1)
  if (rest.length > 0) yield* emit(rest)
}

/** The first `bytes` of decompressed text, for format detection. */
export async function readHead(
  path: string,
  bytes = 64 * 1024,
  name = path,
  encoding: TextEncoding = 'auto',
): Promise<string> {
  let head = ''
  const chunks = byteChunks(path, { highWaterMark: bytes, end: bytes - 1, name })
  for await (const chunk of decodeBytes(chunks, encoding, () => {})) {
    head += chunk
    if (head.length >= bytes) break
  }
  return head
}

/** Write lines to a file, gzip-compressed when the path ends in `.gz`; resolves when the file is complete. */
export async function writeLines(
  path: string,
  lines: Iterable<string> | AsyncIterable<string>,
): Promise<number> {
  let count = 0
  async function* batches(): AsyncIterable<string> {
    let batch = ''
    for await (const line of lines) {
      batch += line + '\n'
      count++
      if (batch.length > 1 << 20) {
        yield batch
        batch = ''
      }
    }
    if (batch) yield batch
  }
  const source = Readable.from(batches())
  const file = createWriteStream(path)
  await (path.endsWith('.gz') ? pipeline(source, createGzip({ level: 6 }), file) : pipeline(source, file))
  return count
}
