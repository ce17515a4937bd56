import { createReadStream, createWriteStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'
import { unreadableFile } from './io-error.js'

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

/** The decompressed text of a file as a stream of string chunks. */
async function* chunks(
  path: string,
  options: { highWaterMark?: number; end?: number; name?: string } = {},
): AsyncIterable<string> {
  const gzip = await isGzip(path, options.name)
  const file = createReadStream(path, {
    highWaterMark: options.highWaterMark ?? 1 << 20,
    ...(gzip || options.end === undefined ? {} : { end: options.end }),
  })
  const stream = gzip ? file.pipe(createGunzip({ chunkSize: 1 << 18 })) : file
  stream.setEncoding('utf8')
  try {
    for await (const chunk of stream as AsyncIterable<string>) yield chunk
  } catch (cause) {
    throw unreadableFile(options.name ?? path, cause)
  } finally {
    file.destroy()
  }
}

/**
 * The lines of a text file, gunzipped when it is gzip. Accepts `\n`, `\r\n` and lone `\r` line ends;
 * line numbers stay those of the file.
 */
export async function* readLines(path: string, name = path): AsyncIterable<string> {
  let rest = ''
  for await (const chunk of chunks(path, { name })) {
    let text = rest + chunk
    if (text.includes('\r')) {
      // Hold a trailing CR back: its LF may come with the next chunk.
      const held = text.endsWith('\r') ? '\r' : ''
      text = text.slice(0, text.length - held.length).replace(/\r\n?/g, '\n') + held
    }
    let start = 0
    let end = text.indexOf('\n')
    while (end !== -1) {
      yield text.slice(start, end)
      start = end + 1
      end = text.indexOf('\n', start)
    }
    rest = text.slice(start)
  }
  if (rest.endsWith('\r')) rest = rest.slice(0, -1)
  if (rest.length > 0) yield rest
}

/** The first `bytes` of decompressed text, for format detection. */
export async function readHead(path: string, bytes = 64 * 1024, name = path): Promise<string> {
  let head = ''
  for await (const chunk of chunks(path, { highWaterMark: bytes, end: bytes - 1, name })) {
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
