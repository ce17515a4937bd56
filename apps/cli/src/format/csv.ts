const quote = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** RFC 4180 CSV with a header row. */
export function csv(columns: readonly string[], rows: readonly Readonly<Record<string, unknown>>[]): string {
  return (
    [columns, ...rows.map((row) => columns.map((c) => row[c]))]
      .map((r) => r.map(quote).join(','))
      .join('\n') + '\n'
  )
}
