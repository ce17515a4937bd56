import { MeridianError } from '@meridian/model'
import { defineIndicator } from '../definition.js'
import { num } from '../fragments.js'
import { bilateralMatrix } from './bilateral-matrix.js'

/** Least-squares slope of y on x; `null` with fewer than two points. */
function slope(points: readonly (readonly [number, number])[]): number | null {
  if (points.length < 2) return null
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0)
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0)
  return sxx === 0 ? null : sxy / sxx
}

/** Convergence or divergence of each pair: the trend of its Jaccard distance over the years. */
export const pairTrend = defineIndicator({
  id: 'pair-trend',
  title: 'Convergence or divergence of a pair over time',
  description:
    'For each pair of units, the Jaccard index J = M/(Mii+Mjj−M) in each year of the period, and the least-squares ' +
    'slope of the Jaccard distance 1 − J per year: negative = converging (co-publishing more, relative to their ' +
    'output), positive = diverging. value = the slope; needs a period of two or more years. Rows in both orders.',
  formula: 'value(i,j) = OLS slope over years t of (1 − M_t(i,j) / (M_t(i,i) + M_t(j,j) − M_t(i,j)))',
  countings: ['full'],
  references: [
    {
      citation:
        "Zhou, P., & Glänzel, W. (2010). In-depth analysis on China's international cooperation in science. Scientometrics, 82(3), 597-612.",
      doi: '10.1007/s11192-010-0174-z',
    },
  ],
  columns: ['years', 'first', 'last', 'value', 'trend'],
  extraOptions: [],
  sortBy: 'years',
  query: (o) => {
    if (!o.years || o.years.from === o.years.to || o.byYear || o.window !== null)
      throw new MeridianError(
        'BAD_OPTION',
        'pair-trend needs a period of two or more years (--years A-B), by year',
      )
    return bilateralMatrix.query({ ...o, byYear: true, normalization: 'counts' })
  },
  rows: (rows, o) => {
    // Years in which both units publish but not together count too: their Jaccard distance is 1.
    const own = new Map<string, Map<number, number>>()
    const joint = new Map<string, number>()
    const pairs = new Set<string>()
    for (const r of rows) {
      const unit = String(r.unit)
      const partner = String(r.partner)
      const year = num(r.period)
      if (unit === partner) {
        const years = own.get(unit) ?? new Map<number, number>()
        years.set(year, num(r.m))
        own.set(unit, years)
      } else {
        joint.set(`${unit}\u0000${partner}\u0000${year}`, num(r.m))
        pairs.add(`${unit}\u0000${partner}`)
      }
    }
    return [...pairs].map((pair) => {
      const [unit = '', partner = ''] = pair.split('\u0000')
      const points: [number, number][] = []
      for (const [year, mii] of own.get(unit) ?? []) {
        const mjj = own.get(partner)?.get(year)
        if (!mjj) continue
        const m = joint.get(`${pair}\u0000${year}`) ?? 0
        points.push([year, 1 - m / (mii + mjj - m)])
      }
      const sorted = points.sort((a, b) => a[0] - b[0])
      const value = slope(sorted)
      return {
        [o.level]: unit,
        partner,
        years: sorted.length,
        first: sorted[0]?.[1] ?? null,
        last: sorted[sorted.length - 1]?.[1] ?? null,
        value,
        trend: value === null ? null : value < 0 ? 'converging' : value > 0 ? 'diverging' : 'stable',
      }
    })
  },
})
