import { defineIndicator } from '../definition.js'
import { creditWhere, num, ratio, sampleOf, WEIGHTED, withUnits } from '../fragments.js'
import { raw, sql } from '../sql.js'
import { credit, named, rowKeys } from '../units.js'

/** Industry and academia-industry co-publication shares. */
export const industry = defineIndicator({
  id: 'industry',
  title: 'Industry co-publication',
  description:
    "Among the unit's works, the share with an institution of type company (industry co-publication), and the " +
    'share with a company and an education, facility, government or healthcare institution (academia-industry). ' +
    'Institution types come from ROR/OpenAlex; works whose institutions have no type count as not industry ' +
    '(coverage: typedWorks).',
  formula: 'industry(c) = Σ_{w : company ∈ types(w)} credit(c, w) / Σ_w credit(c, w)',
  countings: WEIGHTED,
  references: [
    {
      citation:
        'Tijssen, R. J. W. (2012). Co-authored research publications and strategic analysis of public-private collaboration. Research Evaluation, 21(3), 204-215.',
      doi: '10.1093/reseval/rvs013',
    },
  ],
  columns: ['works', 'industryWorks', 'value', 'academiaIndustryWorks', 'academiaIndustry'],
  extraOptions: [],
  sortBy: 'works',
  query: (o) =>
    named(
      sql`${withUnits(o)} SELECT unit, period, sum(${credit(o)}) AS works,
        ${creditWhere(credit(o), 'u.industry')} AS industry,
        ${creditWhere(credit(o), 'u.academia_industry')} AS academia_industry
      FROM u GROUP BY unit, period HAVING sum(${credit(o)}) > 0`,
      o,
    ),
  sample: (o) => sampleOf(o, credit(o), raw('CASE WHEN u.industry THEN 1 ELSE 0 END')),
  rows: (rows, o) =>
    rows.map((r) => ({
      ...rowKeys(r, o),
      works: num(r.works),
      industryWorks: num(r.industry),
      value: ratio(num(r.industry), num(r.works)),
      academiaIndustryWorks: num(r.academia_industry),
      academiaIndustry: ratio(num(r.academia_industry), num(r.works)),
    })),
})
