/** Escape text for HTML and SVG. */
export const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

/**
 * A number as every table of the report prints it: whole numbers as they are, others with four decimals, no
 * grouping (so the same in both languages and equal to the API's figure at that precision); `—` for none.
 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  return Number.isInteger(value) ? String(value) : value.toFixed(4)
}

/** A table cell as text. */
export const cellText = (value: string | number | null): string =>
  typeof value === 'number' || value === null ? formatNumber(value) : value
