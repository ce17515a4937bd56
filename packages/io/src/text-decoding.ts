import { isAscii } from 'node:buffer'
import { TextDecoder } from 'node:util'

/** How a file's bytes become text: `auto` (the default) decides from the first bytes that are not ASCII. */
export type TextEncoding = 'auto' | 'utf8' | 'windows-1252' | 'latin1' | 'utf-16le'

/** The encodings `--encoding` accepts. */
export const TEXT_ENCODINGS: readonly TextEncoding[] = Object.freeze([
  'auto',
  'utf8',
  'windows-1252',
  'latin1',
  'utf-16le',
])

/** What `auto` looks at after the first byte that is not ASCII. */
const WINDOW = 4096

/** The length of the UTF-8 sequence starting at `i` when it is well-formed, 0 when not, -1 when cut off. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] ?? 0
  const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
  if (n === 0) return 0
  for (let k = 1; k < n; k++) {
    if (i + k >= bytes.length) return -1
    if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return 0
  }
  return n
}

/**
 * The encoding of text whose first byte that is not ASCII opens `window`: UTF-8 when its sequences there
 * are well-formed (or some are), Windows-1252 (a superset of Latin-1's letters) when none is. A single-byte
 * export spells `é` as one byte, never as a valid two-byte sequence, so one look is clear enough.
 */
export function guessEncoding(window: Uint8Array): 'utf8' | 'windows-1252' {
  let valid = 0
  let invalid = 0
  for (let i = 0; i < window.length;) {
    if ((window[i] ?? 0) < 0x80) {
      i++
      continue
    }
    const n = sequenceLength(window, i)
    if (n < 0) break
    if (n === 0) invalid++
    else valid++
    i += Math.max(n, 1)
  }
  return invalid > 0 && valid === 0 ? 'windows-1252' : 'utf8'
}

const DECODER_LABELS: Readonly<Record<Exclude<TextEncoding, 'auto' | 'latin1'>, string>> = {
  utf8: 'utf-8',
  'windows-1252': 'windows-1252',
  'utf-16le': 'utf-16le',
}

/**
 * Decode a stream of bytes. `decided` is told the encoding used (for `auto`: at the first byte that is not
 * ASCII, or `utf8` at the end when there was none). Invalid UTF-8 becomes U+FFFD, which `readLines` counts.
 */
export async function* decodeBytes(
  bytes: AsyncIterable<Buffer>,
  encoding: TextEncoding,
  decided: (encoding: Exclude<TextEncoding, 'auto'>) => void,
): AsyncIterable<string> {
  let decoder: TextDecoder | null = null
  let mode: TextEncoding = 'auto'
  const start = (chosen: Exclude<TextEncoding, 'auto'>): void => {
    mode = chosen
    decided(chosen)
    // The BOM stays in the text: readers drop it where they expect it.
    decoder = chosen === 'latin1' ? null : new TextDecoder(DECODER_LABELS[chosen], { ignoreBOM: true })
  }
  if (encoding !== 'auto') start(encoding)
  for await (const chunk of bytes) {
    if (mode === 'auto') {
      if (isAscii(chunk)) {
        yield chunk.toString('latin1')
        continue
      }
      if (chunk[0] === 0xff && chunk[1] === 0xfe) start('utf-16le')
      else {
        let i = 0
        while ((chunk[i] ?? 0) < 0x80) i++
        start(guessEncoding(chunk.subarray(i, i + WINDOW)))
      }
    }
    const active = decoder as TextDecoder | null
    yield active ? active.decode(chunk, { stream: true }) : chunk.toString('latin1')
  }
  const active = decoder as TextDecoder | null
  const tail = active?.decode() ?? ''
  if (tail) yield tail
  if (mode === 'auto') decided('utf8')
}
