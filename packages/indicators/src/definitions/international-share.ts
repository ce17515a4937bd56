import { defineIndicator } from '../definition.js'
import { creditWhere, num, ratio, sampleOf, WEIGHTED, withUnits } from '../fragments.js'
import { raw, sql } from '../sql.js'
import { credit, named, rowKeys } from '../units.js'

/** International co-publication share: works with two or more countries among the unit's works. */
export const internationalShare = defineIndicator({
  id: 'international-share',
  title: 'International co-publication share',
  description:
    "Among the unit's works, the share whose authors are affiliated in two or more countries (after the " +
    'country policy; for groups with international = border: a country outside the group), each work weighted ' +
    'by the counting method. Works with no known country are in no denominator; coverage reports them.',
  formula: 'share(c) = Σ_{w : |C(w)| ≥ 2} credit(c, w) / Σ_w credit(c, w)',
  countings: WEIGHTED,
  references: [
    {
      citation:
        'Glänzel, W., & Schubert, A. (2004). Analysing scientific networks through co-authorship. In Handbook of Quantitative Science and Technology Research (pp. 257-276). Springer.',
      doi: '10.1007/1-4020-2755-9_12',
    },
  ],
  columns: ['works', 'internationalWorks', 'value'],
  extraOptions: [],
  sortBy: 'works',
  query: (o) =>
    named(
      sql`${withUnits(o, { facts: false })} SELECT unit, period, sum(${credit(o)}) AS works,
        ${creditWhere(credit(o), 'u.international')} AS international
      FROM u GROUP BY unit, period HAVING sum(${credit(o)}) > 0`,
      o,
    ),
  sample: (o) => sampleOf(o, credit(o), raw('CASE WHEN u.international THEN 1 ELSE 0 END')),
  rows: (rows, o) =>
    rows.map((r) => ({
      ...rowKeys(r, o),
      works: num(r.works),
      internationalWorks: num(r.international),
      value: ratio(num(r.international), num(r.works)),
    })),
})
