import { num } from './fragments.js'
import type { IndicatorOptions } from './options.js'
import { raw, sql, type Sql } from './sql.js'

/** How much of the data an indicator could see: every result carries it. */
export interface Coverage {
  /** Works in the period (all works when no period is set). */
  readonly works: number
  readonly worksWithCountry: number
  /** Works with no known country: reported apart, never hidden in a denominator. */
  readonly worksWithoutCountry: number
  readonly internationalWorks: number
  /** Works whose first, last and corresponding author's country is known (corresponding: no fallback). */
  readonly firstAuthorKnown: number
  readonly lastAuthorKnown: number
  readonly correspondingAuthorKnown: number
  /** Works left out because they have no publication year (only when a period is set). */
  readonly worksWithoutYear: number
}

/** The coverage query for a set of options. */
export function coverageQuery(options: IndicatorOptions): Sql {
  return sql`SELECT count(*) AS works,
      sum(CASE WHEN f.n_countries > 0 THEN 1 ELSE 0 END) AS with_country,
      sum(CASE WHEN f.n_countries >= 2 THEN 1 ELSE 0 END) AS international,
      sum(CASE WHEN f.first_known THEN 1 ELSE 0 END) AS first_known,
      sum(CASE WHEN f.last_known THEN 1 ELSE 0 END) AS last_known,
      sum(CASE WHEN f.corresponding_known THEN 1 ELSE 0 END) AS corresponding_known,
      (SELECT count(*) FROM work_facts n WHERE n.policy = ${options.countryPolicy} AND n.year IS NULL) AS without_year
    FROM work_facts f WHERE f.policy = ${options.countryPolicy}${
      options.years ? sql` AND f.year BETWEEN ${options.years.from} AND ${options.years.to}` : raw('')
    }`
}

export function toCoverage(row: Record<string, unknown> | undefined, options: IndicatorOptions): Coverage {
  const works = num(row?.works)
  const withCountry = num(row?.with_country)
  return {
    works,
    worksWithCountry: withCountry,
    worksWithoutCountry: works - withCountry,
    internationalWorks: num(row?.international),
    firstAuthorKnown: num(row?.first_known),
    lastAuthorKnown: num(row?.last_known),
    correspondingAuthorKnown: num(row?.corresponding_known),
    worksWithoutYear: options.years ? num(row?.without_year) : 0,
  }
}
