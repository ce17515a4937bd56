import * as Plot from '@observablehq/plot'

/** A line with dots over `year`: the one time-series chart the profile and pair views draw. */
export function yearLine(
  rows: readonly object[],
  options: {
    readonly width: number
    readonly y: string
    readonly yLabel: string
    readonly xLabel: string
    readonly color: string
    readonly percent?: boolean
  },
): Element {
  const { width, y, color } = options
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 50,
    x: { label: options.xLabel, tickFormat: 'd' },
    y: { label: options.yLabel, grid: true, zero: true, ...(options.percent ? { percent: true } : {}) },
    marks: [
      Plot.lineY(rows, { x: 'year', y, stroke: color }),
      Plot.dot(rows, { x: 'year', y, fill: color, tip: true }),
    ],
  })
}
