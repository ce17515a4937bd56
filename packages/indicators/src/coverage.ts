import { worksFilter } from './work-selection.js'
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
  /** Works with any affiliation (address, institution or country): without one a work cannot have a country. */
  readonly worksWithAffiliations: number
  /** Works whose source says the author list is cut short (author positions are then incomplete). */
  readonly worksWithTruncatedAuthors: number
  /** The same figures per source, so a source with no affiliations (Lens exports) shows as such. */
  readonly sources: readonly SourceCoverage[]
}

/** Coverage of the works of one source. */
export interface SourceCoverage {
  readonly source: string
  readonly works: number
  readonly worksWithAffiliations: number
  readonly worksWithCountry: number
  readonly correspondingAuthorKnown: number
  readonly worksWithTruncatedAuthors: number
}

/** The coverage query for a set of options: one row per source. */
export function coverageQuery(options: IndicatorOptions): Sql {
  return sql`SELECT f.source, count(*) AS works,
      sum(CASE WHEN f.has_affiliations THEN 1 ELSE 0 END) AS with_affiliations,
      sum(CASE WHEN f.authors_truncated THEN 1 ELSE 0 END) AS truncated,
      sum(CASE WHEN f.n_countries > 0 THEN 1 ELSE 0 END) AS with_country,
      sum(CASE WHEN f.n_countries >= 2 THEN 1 ELSE 0 END) AS international,
      sum(CASE WHEN f.first_known THEN 1 ELSE 0 END) AS first_known,
      sum(CASE WHEN f.last_known THEN 1 ELSE 0 END) AS last_known,
      sum(CASE WHEN f.corresponding_known THEN 1 ELSE 0 END) AS corresponding_known,
      (SELECT count(*) FROM work_facts n WHERE n.policy = ${options.countryPolicy} AND n.year IS NULL${worksFilter(options, 'n')}) AS without_year
    FROM work_facts f WHERE f.policy = ${options.countryPolicy}${
      options.years ? sql` AND f.year BETWEEN ${options.years.from} AND ${options.years.to}` : raw('')
    }${worksFilter(options, 'f')} GROUP BY f.source ORDER BY f.source`
}

/** Coverage from the per-source rows of `coverageQuery`. */
export function toCoverage(rows: readonly Record<string, unknown>[], options: IndicatorOptions): Coverage {
  const sum = (column: string) => rows.reduce((total, row) => total + num(row[column]), 0)
  const works = sum('works')
  const withCountry = sum('with_country')
  return {
    works,
    worksWithCountry: withCountry,
    worksWithoutCountry: works - withCountry,
    internationalWorks: sum('international'),
    firstAuthorKnown: sum('first_known'),
    lastAuthorKnown: sum('last_known'),
    correspondingAuthorKnown: sum('corresponding_known'),
    worksWithoutYear: options.years ? num(rows[0]?.without_year) : 0,
    worksWithAffiliations: sum('with_affiliations'),
    worksWithTruncatedAuthors: sum('truncated'),
    sources: rows.map((row) => ({
      source: String(row.source),
      works: num(row.works),
      worksWithAffiliations: num(row.with_affiliations),
      worksWithCountry: num(row.with_country),
      correspondingAuthorKnown: num(row.corresponding_known),
      worksWithTruncatedAuthors: num(row.truncated),
    })),
  }
}
