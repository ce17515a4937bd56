import { defineIndicator } from '../definition.js'
import { num, withUnits } from '../fragments.js'
import { sql } from '../sql.js'
import { named, rowKeys } from '../units.js'

/** Partner portfolio: number of partners, and concentration and diversity of co-publications. */
export const partners = defineIndicator({
  id: 'partners',
  title: 'Partner portfolio',
  description:
    'For each unit: the number of partner units with at least `minCopublications` co-publications (default 1), ' +
    "the co-publications with them, and over the partners' shares s_p = M(c,p) / Σ_p M(c,p): the Herfindahl " +
    'concentration Σ s_p² and the Shannon diversity −Σ s_p ln s_p (natural log).',
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
  query: (o) =>
    named(
      sql`${withUnits(o, { facts: false })},
      pairs AS (
        SELECT a.unit, a.period, b.unit AS partner, count(*) AS m
        FROM u a JOIN u b ON b.work_id = a.work_id AND b.period = a.period AND b.unit <> a.unit
        GROUP BY a.unit, a.period, b.unit
      ),
      kept AS (SELECT * FROM pairs WHERE m >= ${o.minCopublications}),
      totals AS (SELECT unit, period, sum(m) AS total FROM kept GROUP BY unit, period)
      SELECT k.unit, k.period, count(*) AS partners, sum(k.m) AS copublications,
        sum((1.0 * k.m / t.total) * (1.0 * k.m / t.total)) AS herfindahl,
        -sum((1.0 * k.m / t.total) * ln(1.0 * k.m / t.total)) AS shannon
      FROM kept k JOIN totals t ON t.unit = k.unit AND t.period = k.period
      GROUP BY k.unit, k.period`,
      o,
    ),
  rows: (rows, o) =>
    rows.map((r) => ({
      ...rowKeys(r, o),
      value: num(r.partners),
      copublications: num(r.copublications),
      herfindahl: num(r.herfindahl),
      shannon: Math.abs(num(r.shannon)),
    })),
})
