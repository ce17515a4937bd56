import { escape, formatNumber } from './format.js'

/** One line of a chart. */
export interface Line {
  readonly label: string
  readonly points: readonly (readonly [number, number | null])[]
  readonly dash?: boolean
}

const W = 480
const H = 200
const M = { left: 56, right: 12, top: 12, bottom: 40 }

/** A small line chart as inline SVG (no script): lines over x, an optional vertical marker. */
export function lineChart(
  lines: readonly Line[],
  marker?: { readonly x: number; readonly label: string },
): string {
  const pts = lines.flatMap((l) => l.points.filter((p): p is [number, number] => p[1] !== null))
  if (pts.length === 0) return ''
  const xs = pts.map((p) => p[0])
  const ys = pts.map((p) => p[1])
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)]
  const [y0, y1] = [Math.min(0, ...ys), Math.max(...ys)]
  const sx = (x: number) => M.left + (x1 === x0 ? 0.5 : (x - x0) / (x1 - x0)) * (W - M.left - M.right)
  const sy = (y: number) => H - M.bottom - (y1 === y0 ? 0.5 : (y - y0) / (y1 - y0)) * (H - M.top - M.bottom)
  const paths = lines.map((l, i) => {
    const d = l.points
      .filter((p): p is [number, number] => p[1] !== null)
      .map((p, j) => `${j === 0 ? 'M' : 'L'}${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`)
      .join('')
    const dash = l.dash ? ' stroke-dasharray="4 3"' : ''
    return `<path d="${d}" fill="none" stroke="${i === 0 ? '#1f5fa8' : '#c0602b'}" stroke-width="2"${dash}/>`
  })
  const legend = lines.map(
    (l, i) =>
      `<text x="${M.left + i * 160}" y="${H - 6}" fill="${i === 0 ? '#1f5fa8' : '#c0602b'}">${escape(l.label)}</text>`,
  )
  const mark = marker
    ? `<line x1="${sx(marker.x)}" x2="${sx(marker.x)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#888" stroke-dasharray="2 2"/><text x="${sx(marker.x) + 3}" y="${M.top + 10}" fill="#555">${escape(marker.label)}</text>`
    : ''
  const axis =
    `<text x="${M.left - 4}" y="${sy(y1) + 4}" text-anchor="end">${formatNumber(y1)}</text>` +
    `<text x="${M.left - 4}" y="${sy(y0) + 4}" text-anchor="end">${formatNumber(y0)}</text>` +
    `<text x="${sx(x0)}" y="${H - M.bottom + 14}" text-anchor="middle">${x0}</text>` +
    `<text x="${sx(x1)}" y="${H - M.bottom + 14}" text-anchor="middle">${x1}</text>` +
    `<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#999"/>`
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-size="10" font-family="sans-serif" role="img">${axis}${mark}${paths.join('')}${legend.join('')}</svg>`
}
