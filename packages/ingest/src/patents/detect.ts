import type { PatentSource } from '@meridian/model'

/** What each patent export is called in messages. */
export const PATENT_FORMAT_NAMES: Readonly<Record<PatentSource, string>> = Object.freeze({
  'lens-patent': 'Lens.org patent CSV',
  patentscope: 'WIPO Patentscope CSV',
})

/** How many rows before the header an export may carry (titles, query lines; blank lines not counted). */
export const MAX_PREAMBLE_ROWS = 10

/**
 * The export whose header row this is, told by column names (never positions): Lens has `Jurisdiction`,
 * `Kind` and a `Publication Number` (2015 exports) or `Display Key` (later ones); Patentscope has
 * `Publication Number` and `Priority Data` and no `Jurisdiction`.
 */
export function patentFormatOfHeader(has: (column: string) => boolean): PatentSource | null {
  if (!has('Title')) return null
  if (has('Jurisdiction') && has('Kind') && (has('Publication Number') || has('Display Key')))
    return 'lens-patent'
  if (has('Publication Number') && has('Priority Data') && !has('Jurisdiction')) return 'patentscope'
  return null
}

/** The cells of a header line: header names hold no commas, so a split and unquoting is enough. */
function headerCells(line: string): Set<string> {
  return new Set(line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1')))
}

/**
 * Recognise a patent export from the first kilobytes of a file by its header row, which may follow up to
 * `MAX_PREAMBLE_ROWS` other rows; `null` when neither a Lens.org nor a Patentscope header is found.
 *
 * @example
 * detectPatentFormat('Publication Number,Publication Date,Title,Priority Data,IPC\r...') // 'patentscope'
 */
export function detectPatentFormat(head: string): PatentSource | null {
  const lines = head
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
  for (const line of lines.slice(0, MAX_PREAMBLE_ROWS + 1)) {
    const cells = headerCells(line)
    const format = patentFormatOfHeader((column) => cells.has(column))
    if (format !== null) return format
  }
  return null
}
