import { defineIndicator } from '../definition.js'
import { creditWhere, num, numOrNull, ratio, sampleOf, WEIGHTED, withUnits } from '../fragments.js'
import { raw, sql } from '../sql.js'
import { credit, named, rowKeys } from '../units.js'

/** Collaboration distance: the largest great-circle distance between a work's geocoded institutions. */
export const distance = defineIndicator({
  id: 'distance',
  title: 'Collaboration distance',
  description:
    "Over the unit's works with two or more geocoded institutions: the share of short-distance collaboration " +
    '(largest distance <= 100 km), of long-distance collaboration (>= the threshold, default 1,000 km; 5,000 is ' +
    'the other usual choice), and the mean largest distance. Distance: haversine, R = 6,371.01 km. value = the ' +
    'long-distance share. geocodedWorks is the coverage.',
  formula:
    'd(w) = max_{i,j ∈ I(w)} haversine(i, j);  long(c) = Σ_{w : d(w) ≥ T} credit / Σ_{w geocoded} credit',
  countings: WEIGHTED,
  references: [
    {
      citation:
        'Waltman, L., Tijssen, R. J. W., & van Eck, N. J. (2011). Globalisation of science in kilometres. Journal of Informetrics, 5(4), 574-582.',
      doi: '10.1016/j.joi.2011.05.003',
    },
  ],
  columns: ['works', 'geocodedWorks', 'shortShare', 'value', 'meanKm'],
  extraOptions: ['threshold'],
  sortBy: 'geocodedWorks',
  query: (o) =>
    named(
      sql`${withUnits(o)} SELECT unit, period, sum(${credit(o)}) AS works,
        ${creditWhere(credit(o), 'u.geocoded >= 2')} AS geocoded,
        ${creditWhere(credit(o), 'u.geocoded >= 2 AND u.max_distance_km <= 100')} AS short,
        sum(CASE WHEN u.geocoded >= 2 AND u.max_distance_km >= ${o.threshold} THEN ${credit(o)} ELSE 0 END) AS long,
        sum(CASE WHEN u.geocoded >= 2 THEN ${credit(o)} * u.max_distance_km ELSE 0 END) AS km
      FROM u GROUP BY unit, period HAVING sum(${credit(o)}) > 0`,
      o,
    ),
  sample: (o) =>
    sampleOf(
      o,
      credit(o),
      sql`CASE WHEN u.max_distance_km >= ${o.threshold} THEN 1 ELSE 0 END`,
      raw('u.geocoded >= 2'),
    ),
  rows: (rows, o) =>
    rows.map((r) => {
      const geocoded = num(r.geocoded)
      return {
        ...rowKeys(r, o),
        works: num(r.works),
        geocodedWorks: geocoded,
        shortShare: ratio(num(r.short), geocoded),
        value: ratio(num(r.long), geocoded),
        meanKm: geocoded === 0 ? null : (numOrNull(r.km) ?? 0) / geocoded,
      }
    }),
})
