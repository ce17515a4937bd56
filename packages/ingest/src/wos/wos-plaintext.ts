import type { ReadItem, ReadOptions } from '@meridian/model'
import { decodeWosRecord, wosProblem, type WosRecordContext } from './wos-record.js'

const isTagChar = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 48 && c <= 57)

/** The two-letter tag a line opens with (`AU Smith, J` -> `AU`), or `null` when it is not a tag line. */
function tagOf(line: string): string | null {
  if (line.length < 2 || !isTagChar(line.charCodeAt(0)) || !isTagChar(line.charCodeAt(1))) return null
  if (line.length > 2 && line.charCodeAt(2) !== 32) return null
  return line.slice(0, 2)
}

/** A record being read: its tags, and the first damage met in it, if any. */
interface Pending {
  readonly line: number
  readonly fields: Map<string, string[]>
  current: string[] | null
  damage: ReadItem | null
}

/**
 * Read a Web of Science plain-text export (`FN`/`VR` header, records `PT` ... `ER`, `EF` at the end).
 * Yields one item per record, a work or a located problem, holding only the current record in memory.
 * A damaged record (a malformed line, no `ER` before the next `PT`) becomes one problem and reading goes on
 * with the next record. An export that opens with its `FN`/`VR` header and stops without `EF` gets a final
 * problem at its last line: it looks truncated (a download cut short), though the records before are intact.
 *
 * @example
 * for await (const item of readWosPlaintext(lines, { file: 'savedrecs.txt' })) {
 *   if (item.kind === 'work') store(item.work)
 * }
 */
export async function* readWosPlaintext(
  lines: AsyncIterable<string>,
  options: ReadOptions,
): AsyncIterable<ReadItem> {
  const context: WosRecordContext = { file: options.file, format: 'wos-plaintext' }
  const { file } = context
  let n = 0
  let record: Pending | null = null
  let skipping = false
  let ended = false
  let seen = false
  let header = false
  let records = 0

  for await (const raw of lines) {
    n++
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (n === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1)
    if (line.trim() === '') continue

    if (line.startsWith('   ')) {
      if (record) record.current?.push(line.slice(3))
      else if (!skipping && !ended) {
        skipping = true
        yield wosProblem('BAD_RECORD', file, n, null, `continuation line outside a record: "${clip(line)}"`)
      }
      continue
    }

    const tag = tagOf(line)
    if (tag === 'PT') {
      if (record) yield unterminated(record, file, n)
      record = { line: n, fields: new Map([['PT', [line.slice(3)]]]), current: null, damage: null }
      skipping = false
      seen = true
      continue
    }
    if (record) {
      if (tag === 'ER') {
        yield record.damage ?? decodeWosRecord(record, context)
        records++
        record = null
      } else if (tag === null) {
        record.damage ??= wosProblem(
          'BAD_RECORD',
          file,
          n,
          line.slice(0, 2),
          `malformed line "${clip(line)}"`,
        )
        record.current = null
      } else {
        let values = record.fields.get(tag)
        if (!values) record.fields.set(tag, (values = []))
        values.push(line.slice(3))
        record.current = values
      }
      continue
    }
    if (tag === 'EF') ended = true
    else if ((tag === 'FN' || tag === 'VR') && !seen) header = true
    else if (!skipping) {
      skipping = true
      yield wosProblem('BAD_RECORD', file, n, tag, `line outside a PT ... ER record: "${clip(line)}"`)
    }
  }

  if (record) yield unterminated(record, file, n)
  else if (header && !ended)
    yield wosProblem(
      'BAD_RECORD',
      file,
      n,
      'EF',
      `the file ends at line ${n} without its EF line: it looks truncated (the ${records} records before it were read)`,
    )
}

function unterminated(record: Pending, file: string, at: number): ReadItem {
  return wosProblem('BAD_RECORD', file, record.line, 'ER', `record has no ER before line ${at}`)
}

function clip(line: string): string {
  return line.length > 60 ? `${line.slice(0, 60)}...` : line
}
