import { defineIndicator } from '../definition.js'
import { num, ratio, WEIGHTED } from '../fragments.js'
import { sql } from '../sql.js'
import { credit, named, rowKeys, units, worksPerPeriod } from '../units.js'

/** Output: works per unit under any counting method, with the share of world output. */
export const output = defineIndicator({
  id: 'output',
  title: 'Output and share of world output',
  description:
    'The works of the unit, counted by the chosen method: full (1 per unit on the work); author-level fractional ' +
    "(each author 1/n, n = authors with a known country, split over that author's affiliations; a work's " +
    'weights sum to 1); first-, last- or corresponding-author (the work goes to the units of that author; ' +
    'corresponding: the reprint address, else the flagged author, else the first address); author-appearance ' +
    '(1 per author of the unit: bibliometrix\'s "country scientific production", labelled as such). Share: under ' +
    "full counting value / works with a known country; otherwise value / the sum of all countries' values.",
  formula: 'value(c) = Σ_w credit(c, w);  share = value / world',
  countings: WEIGHTED,
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
    const world =
      o.counting === 'full'
        ? worksPerPeriod({ ...o, level: 'country' })
        : sql`SELECT period, sum(${credit(o, 'w')}) AS works FROM w GROUP BY period`
    return named(
      sql`WITH u AS (${units(o, { facts: false })}), w AS (${units({ ...o, level: 'country' }, { facts: false })}),
        per_unit AS (SELECT unit, period, sum(${credit(o)}) AS value FROM u GROUP BY unit, period),
        world AS (${world})
        SELECT p.unit, p.period, p.value, world.works AS world FROM per_unit p JOIN world ON world.period = p.period
        WHERE p.value > 0`,
      o,
    )
  },
  rows: (rows, o) =>
    rows.map((r) => ({ ...rowKeys(r, o), value: num(r.value), share: ratio(num(r.value), num(r.world)) })),
})
