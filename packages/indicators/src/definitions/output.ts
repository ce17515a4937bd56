import { defineIndicator } from '../definition.js'
import { factFilter, keyFields, keys, num, orderBy, ratio } from '../fragments.js'
import { raw, sql } from '../sql.js'

/** Output: works per country, full or author-level fractional, with the share of world output. */
export const output = defineIndicator({
  id: 'output',
  title: 'Output and share of world output',
  description:
    'Works with at least one author affiliated in the country. Full counting gives each country on a work 1; ' +
    'author-level fractional counting gives each author 1/n (n = authors with a known country), split equally ' +
    "over that author's affiliations, so a work's weights sum to 1. Share = value / works with a known country " +
    '(in the same year when by year).',
  formula:
    'full: |{w : c ∈ C(w)}|;  fractional: Σ_w Σ_{a ∈ w} (1/n_w)·(|aff_a ∩ c| / |aff_a|);  share = value / |{w : C(w) ≠ ∅}|',
  countings: ['full', 'fractional'],
  references: [
    {
      citation:
        'Waltman, L., & van Eck, N. J. (2015). Field-normalized citation impact indicators and the choice of an appropriate counting method. Journal of Informetrics, 9(4), 872-894.',
      doi: '10.1016/j.joi.2015.08.001',
    },
  ],
  columns: ['value', 'share'],
  extraOptions: [],
  query: (o) => {
    const measure = o.counting === 'fractional' ? raw('sum(c.fractional)') : raw('count(*)')
    const worldKeys = o.byYear ? raw('year') : raw('1')
    return sql`WITH per_country AS (
        SELECT ${keys('c', o)}, ${measure} AS value FROM work_countries c WHERE ${factFilter('c', o)}
        GROUP BY ${keys('c', o)}
      ),
      world AS (
        SELECT ${worldKeys} AS k, count(*) AS works FROM work_facts f WHERE ${factFilter('f', o)} AND f.n_countries > 0
        GROUP BY ${worldKeys}
      )
      SELECT p.*, w.works AS world FROM per_country p JOIN world w ON w.k = ${o.byYear ? raw('p.year') : raw('1')}
      ${orderBy(o, 'value DESC, country')}`
  },
  rows: (rows, o) =>
    rows.map((r) => ({ ...keyFields(r, o), value: num(r.value), share: ratio(num(r.value), num(r.world)) })),
})
