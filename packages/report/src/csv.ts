import type { Cell, ReportTable } from './tables.js'

const field = (value: Cell): string => {
  const text = value === null ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A table as RFC 4180 CSV (CRLF line ends, numbers at full precision, empty for none). */
export function toCsv(table: ReportTable): string {
  return [table.columns, ...table.rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n'
}
