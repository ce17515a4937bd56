import { worksFilter } from '../work-selection.js'
import { defineIndicator, type Reference } from '../definition.js'
import { num, ratio, sampleOf, WEIGHTED, withUnits } from '../fragments.js'
import type { IndicatorOptions } from '../options.js'
import { raw, sql, type Sql } from '../sql.js'
import { credit, named, rowKeys } from '../units.js'
import { roleColumns } from './pair-leadership.js'

/**
 * Per-work impact over the whole store: the normalised citation score (citations / mean citations of the works of
 * the same primary field and year) and the top-x% credit with fractional credit at ties (Waltman & Schreiber 2013):
 * with n works in the set, k = n·x, `above` works cited more and `tied` works cited as much, a work gets 1 when
 * above + tied <= k, 0 when above >= k, else (k − above) / tied.
 */
function impactFacts(o: IndicatorOptions): Sql {
  const share = o.top / 100
  return sql`ref AS (
      SELECT work_id, cited_by,
        avg(1.0 * cited_by) OVER (PARTITION BY primary_field, year) AS mean_cited,
        rank() OVER (PARTITION BY primary_field, year ORDER BY cited_by DESC) - 1 AS above,
        count(*) OVER (PARTITION BY primary_field, year, cited_by) AS tied,
        count(*) OVER (PARTITION BY primary_field, year) AS n
      FROM work_facts WHERE policy = ${o.countryPolicy} AND cited_by IS NOT NULL AND primary_field IS NOT NULL
        AND year IS NOT NULL${worksFilter(o, 'work_facts')}
    ),
    impact AS (
      SELECT work_id, cited_by, CASE WHEN mean_cited > 0 THEN cited_by / mean_cited END AS ncs,
        CASE WHEN above + tied <= n * ${share} THEN 1.0 WHEN above >= n * ${share} THEN 0.0
          ELSE (n * ${share} - above) / tied END AS top
      FROM ref
    )`
}

const REFERENCES: readonly Reference[] = [
  {
    citation:
      'Waltman, L., & Schreiber, M. (2013). On the calculation of percentile-based bibliometric indicators. JASIST, 64(2), 372-379.',
    doi: '10.1002/asi.22775',
  },
  {
    citation:
      'Waltman, L., van Eck, N. J., van Leeuwen, T. N., Visser, M. S., & van Raan, A. F. J. (2011). Towards a new crown indicator: Some theoretical considerations. Journal of Informetrics, 5(1), 37-47.',
    doi: '10.1016/j.joi.2010.08.001',
  },
]

const FIELD_NOTE =
  'Reference sets: works of the same primary field (the first field or subject category the source gives) and ' +
  'publication year in the whole store; works without citations, field or year are left out (coverage: ' +
  'citedWorks vs works).'

/** Citation impact: citations per work and the mean normalised citation score (MNCS). */
export const citations = defineIndicator({
  id: 'citations',
  title: 'Citation impact',
  description: `Citations per work and the mean normalised citation score (MNCS) of the unit's works, weighted by the counting method. value = MNCS. ${FIELD_NOTE}`,
  formula: 'ncs(w) = cites(w) / mean cites(field(w), year(w));  MNCS(c) = Σ credit·ncs / Σ credit',
  countings: WEIGHTED,
  references: REFERENCES,
  columns: ['works', 'citedWorks', 'citationsPerWork', 'value'],
  extraOptions: [],
  sortBy: 'works',
  query: (o) =>
    named(
      sql`${withUnits(o)}, ${impactFacts(o)}
      SELECT u.unit, u.period, sum(${credit(o)}) AS works,
        sum(CASE WHEN i.ncs IS NOT NULL THEN ${credit(o)} ELSE 0 END) AS cited,
        sum(CASE WHEN i.ncs IS NOT NULL THEN ${credit(o)} * i.cited_by ELSE 0 END) AS citations,
        sum(CASE WHEN i.ncs IS NOT NULL THEN ${credit(o)} * i.ncs ELSE 0 END) AS ncs
      FROM u LEFT JOIN impact i ON i.work_id = u.work_id
      GROUP BY u.unit, u.period HAVING sum(${credit(o)}) > 0`,
      o,
    ),
  sample: (o) =>
    sampleOf(
      o,
      credit(o),
      raw('i.ncs'),
      raw('i.ncs IS NOT NULL'),
      sql`, ${impactFacts(o)}`,
      raw('LEFT JOIN impact i ON i.work_id = u.work_id'),
    ),
  rows: (rows, o) =>
    rows.map((r) => ({
      ...rowKeys(r, o),
      works: num(r.works),
      citedWorks: num(r.cited),
      citationsPerWork: ratio(num(r.citations), num(r.cited)),
      value: ratio(num(r.ncs), num(r.cited)),
    })),
})

/** Highly cited: the share of the unit's works in the top 10 % (or 1 %) of their field and year. */
export const highlyCited = defineIndicator({
  id: 'highly-cited',
  title: 'Highly cited works',
  description: `The share of the unit's works among the top ${'`top`'} % (10, or 1) most cited of their field and year, with fractional credit for works tied at the threshold, and the share of the unit's highly cited works that are international. value = the top share. ${FIELD_NOTE}`,
  formula: 'PP_top(c) = Σ credit·top(w) / Σ credit;  intl = Σ_{|C(w)| ≥ 2} credit·top / Σ credit·top',
  countings: WEIGHTED,
  references: REFERENCES,
  columns: ['citedWorks', 'topWorks', 'value', 'internationalTopShare'],
  extraOptions: ['top'],
  sortBy: 'topWorks',
  query: (o) =>
    named(
      sql`${withUnits(o)}, ${impactFacts(o)}
      SELECT u.unit, u.period, sum(${credit(o)}) AS cited, sum(${credit(o)} * i.top) AS top,
        sum(CASE WHEN u.international THEN ${credit(o)} * i.top ELSE 0 END) AS top_international
      FROM u JOIN impact i ON i.work_id = u.work_id
      GROUP BY u.unit, u.period HAVING sum(${credit(o)}) > 0`,
      o,
    ),
  sample: (o) =>
    sampleOf(
      o,
      credit(o),
      raw('i.top'),
      raw('1 = 1'),
      sql`, ${impactFacts(o)}`,
      raw('JOIN impact i ON i.work_id = u.work_id'),
    ),
  rows: (rows, o) =>
    rows.map((r) => ({
      ...rowKeys(r, o),
      citedWorks: num(r.cited),
      topWorks: num(r.top),
      value: ratio(num(r.top), num(r.cited)),
      internationalTopShare: ratio(num(r.top_international), num(r.top)),
    })),
})

/** Relative impact of international versus domestic works. */
export const internationalImpact = defineIndicator({
  id: 'international-impact',
  title: 'Impact of international versus domestic works',
  description: `The MNCS of the unit's international works divided by the MNCS of its other works. value > 1: its international works are cited more. ${FIELD_NOTE}`,
  formula: 'RI(c) = MNCS(c, |C(w)| ≥ 2) / MNCS(c, |C(w)| ≤ 1)',
  countings: WEIGHTED,
  references: REFERENCES,
  columns: ['internationalWorks', 'internationalMncs', 'domesticWorks', 'domesticMncs', 'value'],
  extraOptions: [],
  sortBy: 'internationalWorks',
  query: (o) =>
    named(
      sql`${withUnits(o)}, ${impactFacts(o)}
      SELECT u.unit, u.period,
        sum(CASE WHEN u.international THEN ${credit(o)} ELSE 0 END) AS intl,
        sum(CASE WHEN u.international THEN ${credit(o)} * i.ncs ELSE 0 END) AS intl_ncs,
        sum(CASE WHEN NOT u.international THEN ${credit(o)} ELSE 0 END) AS dom,
        sum(CASE WHEN NOT u.international THEN ${credit(o)} * i.ncs ELSE 0 END) AS dom_ncs
      FROM u JOIN impact i ON i.work_id = u.work_id AND i.ncs IS NOT NULL
      GROUP BY u.unit, u.period`,
      o,
    ),
  rows: (rows, o) =>
    rows.map((r) => {
      const internationalMncs = ratio(num(r.intl_ncs), num(r.intl))
      const domesticMncs = ratio(num(r.dom_ncs), num(r.dom))
      return {
        ...rowKeys(r, o),
        internationalWorks: num(r.intl),
        internationalMncs,
        domesticWorks: num(r.dom),
        domesticMncs,
        value: internationalMncs !== null && domesticMncs ? internationalMncs / domesticMncs : null,
      }
    }),
})

/** Impact of the unit's led versus not-led international works. */
export const leadershipImpact = defineIndicator({
  id: 'leadership-impact',
  title: 'Impact of led and not-led international works',
  description: `Among the unit's international works whose leading author (corresponding by default; first or last with \`role\`) is known: the MNCS of those it leads and of those it does not. value = led MNCS / not-led MNCS. ${FIELD_NOTE}`,
  formula:
    'value(c) = MNCS(c, led) / MNCS(c, not led), over international works with the leading author known',
  countings: ['full'],
  references: REFERENCES,
  columns: ['ledWorks', 'ledMncs', 'notLedWorks', 'notLedMncs', 'value'],
  extraOptions: ['role'],
  sortBy: 'ledWorks',
  query: (o) => {
    const { known, led } = roleColumns(o)
    return named(
      sql`${withUnits(o)}, ${impactFacts(o)}
      SELECT u.unit, u.period,
        sum(CASE WHEN u.${raw(led)} THEN 1 ELSE 0 END) AS led,
        sum(CASE WHEN u.${raw(led)} THEN i.ncs ELSE 0 END) AS led_ncs,
        sum(CASE WHEN NOT u.${raw(led)} THEN 1 ELSE 0 END) AS not_led,
        sum(CASE WHEN NOT u.${raw(led)} THEN i.ncs ELSE 0 END) AS not_led_ncs
      FROM u JOIN impact i ON i.work_id = u.work_id AND i.ncs IS NOT NULL
      WHERE u.international AND u.${raw(known)}
      GROUP BY u.unit, u.period`,
      o,
    )
  },
  rows: (rows, o) =>
    rows.map((r) => {
      const ledMncs = ratio(num(r.led_ncs), num(r.led))
      const notLedMncs = ratio(num(r.not_led_ncs), num(r.not_led))
      return {
        ...rowKeys(r, o),
        ledWorks: num(r.led),
        ledMncs,
        notLedWorks: num(r.not_led),
        notLedMncs,
        value: ledMncs !== null && notLedMncs ? ledMncs / notLedMncs : null,
      }
    }),
})
