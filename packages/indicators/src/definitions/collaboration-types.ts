import { defineIndicator } from '../definition.js'
import { creditWhere, num, WEIGHTED, withUnits } from '../fragments.js'
import { join, raw, sql } from '../sql.js'
import { credit, named, rowKeys } from '../units.js'

const TYPES = [
  ['singleInstitution', "u.collab_type = 'single-institution'"],
  ['domestic', "u.collab_type = 'domestic'"],
  ['international', "u.collab_type = 'international'"],
  ['bilateral', "u.intl_class = 'bilateral'"],
  ['trilateral', "u.intl_class = 'trilateral'"],
  ['quadrilateralPlus', "u.intl_class = 'quadrilateral-plus'"],
  // SciVal's four exclusive classes: international > national > institutional > single author.
  ['scivalInternational', "u.collab_type = 'international'"],
  ['scivalNational', "u.collab_type = 'domestic'"],
  ['scivalInstitutional', "u.collab_type = 'single-institution' AND u.n_authors >= 2"],
  ['scivalSingleAuthor', "u.collab_type = 'single-institution' AND u.n_authors <= 1"],
] as const

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** Collaboration types of the unit's works: one type per work, and the finer international classes. */
export const collaborationTypes = defineIndicator({
  id: 'collaboration-types',
  title: 'Collaboration types',
  description:
    "Each of the unit's works is one of: single institution; several institutions in one country (domestic); " +
    'international (two or more countries). International works are further bilateral (2 countries), ' +
    "trilateral (3) or quadrilateral+ (4 or more). SciVal's exclusive classes split single-institution works into " +
    'institutional (two or more authors) and single-author. value = the works (weighted by the counting method). ' +
    'Institutions are told apart by ROR/OpenAlex id, else by the first part of the raw address.',
  formula: 'type(w) = international if |C(w)| ≥ 2; else domestic if |I(w)| ≥ 2; else single institution',
  countings: WEIGHTED,
  references: [{ citation: 'Elsevier (2024). SciVal Metrics Guidebook: collaboration metrics.', doi: null }],
  columns: ['value', ...TYPES.map(([name]) => name)],
  extraOptions: [],
  query: (o) => {
    const measures = TYPES.map(
      ([name, condition]) => sql`${creditWhere(credit(o), condition)} AS ${raw(snake(name))}`,
    )
    return named(
      sql`${withUnits(o)} SELECT unit, period, sum(${credit(o)}) AS works, ${join(measures, ', ')}
        FROM u GROUP BY unit, period HAVING sum(${credit(o)}) > 0`,
      o,
    )
  },
  rows: (rows, o) =>
    rows.map((r) => ({
      ...rowKeys(r, o),
      value: num(r.works),
      ...Object.fromEntries(TYPES.map(([name]) => [name, num(r[snake(name)])])),
    })),
})
