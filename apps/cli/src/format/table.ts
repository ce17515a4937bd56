/** A cell as it prints: integers as they are, other numbers with four significant decimals. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(4)
  return String(value)
}

/** Columns aligned with spaces: text left, numbers right, each number column with one number format. */
export function table(columns: readonly string[], objects: readonly object[]): string {
  const rows = objects as readonly Readonly<Record<string, unknown>>[]
  // A column with any fraction prints every number with four decimals: `1.0000` under `0.8000`, not `1`.
  const fractional = columns.map((c) =>
    rows.some((row) => typeof row[c] === 'number' && !Number.isInteger(row[c])),
  )
  const cells = rows.map((row) =>
    columns.map((c, i) => {
      const value = row[c]
      return fractional[i] && typeof value === 'number' && Number.isFinite(value)
        ? value.toFixed(4)
        : cell(value)
    }),
  )
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
