import type { ReadItem, ReadOptions } from '@meridian/model'
import { splitWosAddresses } from './wos-address.js'
import { decodeWosRecord, WOS_LIST_TAGS, wosProblem, type WosRecordContext } from './wos-record.js'

const TAG = /^[A-Z0-9]{2}$/

/**
 * Read a Web of Science tab-delimited export: a header row of tags (`PT AU BA ... UT`), then one record per
 * line with list fields (authors, addresses, references) separated by `; `. Decodes with the same rules as
 * `readWosPlaintext`; a line whose cells do not fit the header becomes a `BAD_RECORD` problem.
 */
export async function* readWosTabDelimited(
  lines: AsyncIterable<string>,
  options: ReadOptions,
): AsyncIterable<ReadItem> {
  const context: WosRecordContext = { file: options.file, format: 'wos-tabdelimited' }
  let header: string[] | null = null
  let n = 0
  for await (const raw of lines) {
    n++
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (n === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1)
    if (line.trim() === '') continue
    const cells = line.split('\t')
    if (header === null) {
      const bad = cells.find((cell) => cell !== '' && !TAG.test(cell))
      if (bad !== undefined || cells[0] !== 'PT') {
        yield wosProblem(
          'BAD_RECORD',
          options.file,
          n,
          null,
          `header "${line.slice(0, 40)}" is not a WoS tag row`,
        )
        return
      }
      header = cells
      continue
    }
    if (cells.length > header.length || cells.length < header.length - 1) {
      yield wosProblem(
        'BAD_RECORD',
        options.file,
        n,
        null,
        `line has ${cells.length} cells where the header has ${header.length}`,
      )
      continue
    }
    const fields = new Map<string, string[]>()
    for (let i = 0; i < cells.length; i++) {
      const tag = header[i]
      const cell = cells[i]
      if (!tag || !cell) continue
      fields.set(tag, WOS_LIST_TAGS.has(tag) ? splitCell(tag, cell) : [cell])
    }
    yield decodeWosRecord({ fields, line: n }, context)
  }
}

function splitCell(tag: string, cell: string): string[] {
  return tag === 'C1' ? splitWosAddresses(cell) : cell.split('; ')
}
