import type { ReadItem, ReadOptions } from '@meridian/model'
import { skipSpace } from './json-skim.js'
import { decodeOpenAlexText } from './openalex-text.js'

const BOM = 0xfeff

/**
 * Read OpenAlex works from JSON Lines (a snapshot part or an export): one work per line, blank lines
 * skipped. Yields each work, or a located problem for a line that cannot be decoded, and goes on.
 * Streams: memory does not grow with the input.
 *
 * @example
 * for await (const item of readOpenAlexJsonl(lines, { file: 'part_000.gz' })) {
 *   if (item.kind === 'work') store.add(item.work)
 * }
 */
export async function* readOpenAlexJsonl(
  lines: AsyncIterable<string>,
  options: ReadOptions,
): AsyncIterable<ReadItem> {
  const { file } = options
  let line = 0
  for await (const raw of lines) {
    line++
    const text = line === 1 && raw.charCodeAt(0) === BOM ? raw.slice(1) : raw
    if (skipSpace(text, 0) === text.length) continue
    yield decodeOpenAlexText(text, { file, line, format: 'openalex-jsonl' })
  }
}
