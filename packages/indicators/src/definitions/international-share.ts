import { defineIndicator } from '../definition.js'
import { factFilter, keyFields, keys, num, orderBy, ratio } from '../fragments.js'
import { sql } from '../sql.js'

/** International co-publication share: works with two or more countries among the country's works. */
export const internationalShare = defineIndicator({
  id: 'international-share',
  title: 'International co-publication share',
  description:
    'Among the works with the country, the share whose authors are affiliated in two or more countries ' +
    '(after the country policy). Works with no known country are not in any denominator; coverage reports them.',
  formula: 'share(c) = |{w : c ∈ C(w), |C(w)| ≥ 2}| / |{w : c ∈ C(w)}|',
  countings: ['full'],
  references: [
    {
      citation:
        'Glänzel, W., & Schubert, A. (2004). Analysing scientific networks through co-authorship. In Handbook of Quantitative Science and Technology Research (pp. 257-276). Springer.',
      doi: '10.1007/1-4020-2755-9_12',
    },
  ],
  columns: ['works', 'internationalWorks', 'value'],
  extraOptions: [],
  query: (o) => sql`SELECT ${keys('c', o)}, count(*) AS works,
      sum(CASE WHEN c.n_countries >= 2 THEN 1 ELSE 0 END) AS international
    FROM work_countries c WHERE ${factFilter('c', o)} GROUP BY ${keys('c', o)}
    ${orderBy(o, 'works DESC, country')}`,
  rows: (rows, o) =>
    rows.map((r) => ({
      ...keyFields(r, o),
      works: num(r.works),
      internationalWorks: num(r.international),
      value: ratio(num(r.international), num(r.works)),
    })),
})
