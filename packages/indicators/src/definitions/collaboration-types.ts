import { defineIndicator } from '../definition.js'
import { factFilter, keyFields, keys, num, orderBy } from '../fragments.js'
import { sql } from '../sql.js'

/** Collaboration types of the country's works: one type per work, and the finer international classes. */
export const collaborationTypes = defineIndicator({
  id: 'collaboration-types',
  title: 'Collaboration types',
  description:
    'Each work with the country is one of: single institution; several institutions in one country (domestic); ' +
    'international (two or more countries). International works are further bilateral (2 countries), ' +
    'trilateral (3) or quadrilateral+ (4 or more). value = works with the country. Institutions are told apart ' +
    'by ROR/OpenAlex id, else by the first part of the raw address.',
  formula: 'type(w) = international if |C(w)| ≥ 2; else domestic if |I(w)| ≥ 2; else single institution',
  countings: ['full'],
  references: [
    {
      citation: 'Elsevier (2024). SciVal Metrics Guidebook: collaboration metrics.',
      doi: null,
    },
  ],
  columns: [
    'value',
    'singleInstitution',
    'domestic',
    'international',
    'bilateral',
    'trilateral',
    'quadrilateralPlus',
  ],
  extraOptions: [],
  query: (o) => sql`SELECT ${keys('c', o)}, count(*) AS works,
      sum(CASE WHEN f.collab_type = 'single-institution' THEN 1 ELSE 0 END) AS single_institution,
      sum(CASE WHEN f.collab_type = 'domestic' THEN 1 ELSE 0 END) AS domestic,
      sum(CASE WHEN f.collab_type = 'international' THEN 1 ELSE 0 END) AS international,
      sum(CASE WHEN f.intl_class = 'bilateral' THEN 1 ELSE 0 END) AS bilateral,
      sum(CASE WHEN f.intl_class = 'trilateral' THEN 1 ELSE 0 END) AS trilateral,
      sum(CASE WHEN f.intl_class = 'quadrilateral-plus' THEN 1 ELSE 0 END) AS quadrilateral_plus
    FROM work_countries c JOIN work_facts f ON f.work_id = c.work_id AND f.policy = c.policy
    WHERE ${factFilter('c', o)} GROUP BY ${keys('c', o)} ${orderBy(o, 'works DESC, country')}`,
  rows: (rows, o) =>
    rows.map((r) => ({
      ...keyFields(r, o),
      value: num(r.works),
      singleInstitution: num(r.single_institution),
      domestic: num(r.domestic),
      international: num(r.international),
      bilateral: num(r.bilateral),
      trilateral: num(r.trilateral),
      quadrilateralPlus: num(r.quadrilateral_plus),
    })),
})
