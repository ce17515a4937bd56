/** One CSV record: its cells and the 1-based line where it starts. */
export interface CsvRow {
  readonly kind: 'row'
  readonly cells: readonly string[]
  readonly line: number
}

/** A record the parser could not close: a quoted field still open when the input ended. */
export interface CsvError {
  readonly kind: 'error'
  readonly line: number
  readonly message: string
}

/** Options of `readCsvRows`. */
export interface CsvOptions {
  /** The cell separator; default `,`. */
  readonly delimiter?: string
}

const QUOTE = 34

/**
 * Split lines (already cut at `\n`, `\r\n` or `\r`) into RFC 4180 records: quoted fields may hold the
 * delimiter, doubled quotes and line breaks, so a record may span several lines; they are re-joined with
 * `\n`. A leading BOM and a trailing `\r` are dropped, blank lines between records are skipped. A quote
 * inside an unquoted field is kept as a character, as spreadsheet exports write them. Holds one record in
 * memory. Shared by the bibliographic readers (`@meridian/ingest`) and STEER's programme files.
 *
 * @example
 * for await (const row of readCsvRows(lines)) if (row.kind === 'row') console.log(row.line, row.cells)
 */
export async function* readCsvRows(
  lines: AsyncIterable<string> | Iterable<string>,
  options: CsvOptions = {},
): AsyncIterable<CsvRow | CsvError> {
  const delimiter = (options.delimiter ?? ',').charCodeAt(0)
  let n = 0
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let start = 0
  for await (const raw of lines) {
    n++
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (n === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1)
    if (!quoted) {
      if (line.trim() === '') continue
      start = n
    } else {
      cell += '\n'
    }
    let i = 0
    let from = 0
    const length = line.length
    while (i < length) {
      const c = line.charCodeAt(i)
      if (quoted) {
        if (c === QUOTE) {
          if (line.charCodeAt(i + 1) === QUOTE) {
            cell += line.slice(from, i + 1)
            i += 2
            from = i
            continue
          }
          cell += line.slice(from, i)
          quoted = false
          from = i + 1
        }
        i++
        continue
      }
      if (c === delimiter) {
        cells.push(cell + line.slice(from, i))
        cell = ''
        from = i + 1
      } else if (c === QUOTE && i === from && cell === '') {
        quoted = true
        from = i + 1
      }
      i++
    }
    cell += line.slice(from)
    if (quoted) continue
    cells.push(cell)
    yield { kind: 'row', cells, line: start }
    cells = []
    cell = ''
  }
  if (quoted) {
    yield { kind: 'error', line: start, message: `quoted field opened on line ${start} never closes` }
  }
}
