import { join, sql, type Sql, type YearRange } from '@meridian/indicators'
import { periodFilter } from './period-filter.js'

/**
 * Works shared by each selected country and each partner, split by the work's number of countries: the input of
 * the fractional matrix. Portable SQL over `work_countries`.
 */
export function sizedPairCountsQuery(options: {
  readonly countryPolicy: string
  readonly years: YearRange | null
  readonly countries: readonly string[]
}): Sql {
  const selected = join(
    options.countries.map((c) => sql`${c}`),
    ', ',
  )
  return sql`SELECT a.country AS country, b.country AS partner, a.n_countries AS n_countries, count(*) AS value
    FROM work_countries a JOIN work_countries b
      ON b.work_id = a.work_id AND b.policy = a.policy AND b.country <> a.country
    WHERE ${periodFilter('a', options.countryPolicy, options.years)} AND a.country IN (${selected})
    GROUP BY a.country, b.country, a.n_countries
    ORDER BY a.country, b.country, a.n_countries`
}
