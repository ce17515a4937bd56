import { defineIndicator } from '../definition.js'
import { factFilter, keyFields, keys, num, orderBy } from '../fragments.js'
import { raw, sql } from '../sql.js'

/** Partner portfolio: number of partner countries, and concentration and diversity of co-publications. */
export const partners = defineIndicator({
  id: 'partners',
  title: 'Partner portfolio',
  description:
    'For each country: the number of partner countries with at least `minCopublications` co-publications ' +
    "(default 1), the co-publications with them, and over the partners' shares s_p = M(c,p) / Σ_p M(c,p): " +
    'the Herfindahl concentration Σ s_p² and the Shannon diversity −Σ s_p ln s_p (natural log).',
  formula: 'partners = |{p ≠ c : M(c,p) ≥ k}|;  HHI = Σ_p s_p²;  H = −Σ_p s_p ln s_p',
  countings: ['full'],
  references: [
    {
      citation:
        'Rousseau, R. (2018). The repeat rate: from Hirschman to Stirling. Scientometrics, 116, 645-653.',
      doi: '10.1007/s11192-018-2724-8',
    },
  ],
  columns: ['value', 'copublications', 'herfindahl', 'shannon'],
  extraOptions: ['minCopublications'],
  query: (o) => {
    const year = o.byYear ? raw(', a.year AS year') : raw('')
    const byYear = o.byYear ? raw(', a.year') : raw('')
    const totalKeys = o.byYear ? raw('country, year') : raw('country')
    const joinKeys = o.byYear
      ? raw('t.country = k.country AND t.year = k.year')
      : raw('t.country = k.country')
    return sql`WITH pairs AS (
        SELECT a.country AS country, b.country AS partner${year}, count(*) AS m
        FROM work_countries a JOIN work_countries b
          ON b.work_id = a.work_id AND b.policy = a.policy AND b.country <> a.country
        WHERE ${factFilter('a', o)} GROUP BY a.country, b.country${byYear}
      ),
      kept AS (SELECT * FROM pairs WHERE m >= ${o.minCopublications}),
      totals AS (SELECT ${totalKeys}, sum(m) AS total FROM kept GROUP BY ${totalKeys})
      SELECT ${keys('k', o)}, count(*) AS partners, sum(k.m) AS copublications,
        sum((1.0 * k.m / t.total) * (1.0 * k.m / t.total)) AS herfindahl,
        -sum((1.0 * k.m / t.total) * ln(1.0 * k.m / t.total)) AS shannon
      FROM kept k JOIN totals t ON ${joinKeys}
      GROUP BY ${keys('k', o)} ${orderBy(o, 'partners DESC, country')}`
  },
  rows: (rows, o) =>
    rows.map((r) => ({
      ...keyFields(r, o),
      value: num(r.partners),
      copublications: num(r.copublications),
      herfindahl: num(r.herfindahl),
      shannon: Math.abs(num(r.shannon)),
    })),
})
