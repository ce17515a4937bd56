import { defineIndicator } from '../definition.js'
import { factFilter, num } from '../fragments.js'
import { raw, sql } from '../sql.js'

/** Bilateral matrix, full counts: works with both countries; the diagonal holds each country's works. */
export const bilateralMatrix = defineIndicator({
  id: 'bilateral-matrix',
  title: 'Bilateral co-publication matrix (full counts)',
  description:
    'M(i,j) = works with authors affiliated in both i and j (full counting). Rows are listed in both orders ' +
    '(i,j) and (j,i); the diagonal M(i,i) is the number of works with i, which the normalisations (Salton, ' +
    'Jaccard, association strength) need.',
  formula: 'M(i,j) = |{w : i ∈ C(w), j ∈ C(w)}|',
  countings: ['full'],
  references: [
    {
      citation:
        'Luukkonen, T., Tijssen, R. J. W., Persson, O., & Sivertsen, G. (1993). The measurement of international scientific collaboration. Scientometrics, 28(1), 15-36.',
      doi: '10.1007/BF02016282',
    },
  ],
  columns: ['value'],
  extraOptions: [],
  query: (o) => {
    const year = o.byYear ? raw(', a.year AS year') : raw('')
    const byYear = o.byYear ? raw(', a.year') : raw('')
    return sql`SELECT a.country AS country, b.country AS partner${year}, count(*) AS value
      FROM work_countries a JOIN work_countries b ON b.work_id = a.work_id AND b.policy = a.policy
      WHERE ${factFilter('a', o)} GROUP BY a.country, b.country${byYear}
      ORDER BY ${o.byYear ? raw('year, ') : raw('')}country, partner`
  },
  rows: (rows, o) =>
    rows.map((r) => ({
      country: String(r.country),
      partner: String(r.partner),
      ...(o.byYear ? { year: num(r.year) } : {}),
      value: num(r.value),
    })),
})
