/** Rows as RFC 4180 CSV, columns in the order given (default: the keys of the first row). */
export function toCsv(
  rows: readonly object[],
  columns: readonly string[] = Object.keys(rows[0] ?? {}),
): string {
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return ''
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value)
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  const lines = [columns.map(cell).join(',')]
  for (const row of rows)
    lines.push(columns.map((column) => cell((row as Readonly<Record<string, unknown>>)[column])).join(','))
  return lines.join('\r\n') + '\r\n'
}
