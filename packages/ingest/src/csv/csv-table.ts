import { readCsvRows, type CsvOptions, type ReadItem } from '@meridian/model'

/** A CSV record with its cells reachable by column name. */
export interface CsvRecord {
  readonly kind: 'record'
  /** 1-based line where the record starts. */
  readonly line: number
  /** The trimmed cell of a column; `null` when the column is absent or the cell empty. */
  get(column: string): string | null
  /** Whether the header has this column. */
  has(column: string): boolean
}

/** Options of `readCsvTable`. */
export interface CsvTableOptions extends CsvOptions {
  /** The name reported in problems. */
  readonly file: string
  /**
   * Whether a line is a preamble to skip before the header (Dimensions writes `"About the data: ..."`
   * first). Default: none.
   */
  readonly isPreamble?: (cells: readonly string[]) => boolean
  /**
   * The header to use for rows with `width` cells when the file's header has another count, for exports
   * known to drop a column name (`null`: use the file's header). Default: none.
   */
  readonly headerFor?: (header: readonly string[], width: number) => readonly string[] | null
}

/**
 * Read a CSV file with a header row: yields one `CsvRecord` per data row, or a located `BAD_RECORD` problem
 * for a row whose cell count does not fit the header or a quoted field that never closes.
 */
export async function* readCsvTable(
  lines: AsyncIterable<string>,
  options: CsvTableOptions,
): AsyncIterable<CsvRecord | ReadItem> {
  const { file } = options
  let header: readonly string[] | null = null
  const indexes = new Map<number, ReadonlyMap<string, number>>()
  const indexFor = (cells: number, names: readonly string[]): ReadonlyMap<string, number> => {
    let index = indexes.get(cells)
    if (!index) {
      const fitted = cells === names.length ? null : (options.headerFor?.(names, cells) ?? null)
      index = new Map((fitted ?? names).map((name, i) => [name.trim(), i]))
      indexes.set(cells, index)
    }
    return index
  }
  for await (const row of readCsvRows(lines, options)) {
    if (row.kind === 'error') {
      yield problem(file, row.line, row.message)
      continue
    }
    const { cells, line } = row
    if (header === null) {
      if (!options.isPreamble?.(cells)) header = cells
      continue
    }
    const width = header.length
    // Exports often end rows with one delimiter more or less than the header; more missing cells is damage.
    if (cells.length < width - 1 || cells.length > width + 1) {
      yield problem(file, line, `row has ${cells.length} cells where the header has ${width}`)
      continue
    }
    const columns = indexFor(cells.length, header)
    yield {
      kind: 'record',
      line,
      get(column: string): string | null {
        const i = columns.get(column)
        const value = i === undefined ? undefined : cells[i]?.trim()
        return value === undefined || value === '' ? null : value
      },
      has: (column: string): boolean => columns.has(column),
    }
  }
}

function problem(file: string, line: number, message: string): ReadItem {
  return { kind: 'problem', problem: { code: 'BAD_RECORD', file, line, field: null, message } }
}
