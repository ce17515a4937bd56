/** A cell as it prints: integers as they are, other numbers with four significant decimals. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(4)
  return String(value)
}

/** Columns aligned with spaces: text left, numbers right. */
export function table(columns: readonly string[], objects: readonly object[]): string {
  const rows = objects as readonly Readonly<Record<string, unknown>>[]
  const cells = rows.map((row) => columns.map((c) => cell(row[c])))
  const numeric = columns.map(
    (_, i) => rows.length > 0 && rows.every((row) => typeof row[columns[i] ?? ''] !== 'string'),
  )
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? '').length)))
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n'
}
