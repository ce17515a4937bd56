import type { IndicatorDefinition, IndicatorResult } from '@meridian/indicators'
import { countryName, MeridianError } from '@meridian/model'
import type { DataVersion } from '@meridian/store'
import { csv } from './csv.js'
import { table } from './table.js'

export const FORMATS = ['table', 'csv', 'json'] as const
export type Format = (typeof FORMATS)[number]

/** Check a `--format` value. */
export function toFormat(value: string, allowed: readonly string[] = FORMATS): Format {
  if (allowed.includes(value)) return value as Format
  throw new MeridianError('BAD_OPTION', `format "${value}" is not valid; use one of ${allowed.join(', ')}`)
}

const SYNTHETIC = 'SYNTHETIC DEMO DATA: generated, not real publications'

/** The line that says how the numbers were made; printed above every table. */
export function methodLine(result: IndicatorResult<DataVersion>): string {
  const m = result.method
  const years = m.years ? `${m.years.from}-${m.years.to}` : 'all years'
  const extra = Object.entries(m.options).map(([k, v]) => ` · ${k}: ${v}`)
  return `counting: ${m.counting} · country policy: ${m.countryPolicy} · years: ${years} · level: ${m.level}${extra.join('')}`
}

const KEYS = ['country', 'institution', 'name', 'group', 'partner', 'year', 'period'] as const

function keyColumns(result: IndicatorResult): string[] {
  const first = result.rows[0] ?? { country: '' }
  return KEYS.filter((k) => k in first)
}

/** Render an indicator result as a table, CSV (method in each row) or JSON. */
export function formatResult(
  result: IndicatorResult<DataVersion>,
  definition: IndicatorDefinition,
  format: Format,
  only: readonly string[] = definition.columns,
): string {
  if (format === 'json') return JSON.stringify(result, null, 2) + '\n'
  const keys = keyColumns(result)
  const intervals = result.method.intervals ? ['valueLow', 'valueHigh'] : []
  const columns = [...keys, ...only, ...intervals]
  if (format === 'csv') {
    const years = result.method.years ? `${result.method.years.from}-${result.method.years.to}` : ''
    const rows = result.rows.map((r) => ({
      ...r,
      counting: result.method.counting,
      countryPolicy: result.method.countryPolicy,
      years,
      synthetic: result.data?.synthetic ? 'true' : 'false',
    }))
    return csv([...columns, 'counting', 'countryPolicy', 'years', 'synthetic'], rows)
  }
  const c = result.coverage
  const byCountry = 'country' in (result.rows[0] ?? { country: '' })
  const rows = byCountry
    ? result.rows.map((r) => ({ ...r, name: countryName(String(r.country)) }))
    : result.rows
  return [
    ...(result.data?.synthetic ? [`!! ${SYNTHETIC}`] : []),
    `${result.title} (${result.indicator})`,
    methodLine(result),
    `coverage: ${c.works} works, ${c.worksWithCountry} with a country, ${c.worksWithoutCountry} without (not in any denominator), ${c.internationalWorks} international` +
      (c.worksWithoutYear ? `; ${c.worksWithoutYear} works without a year left out` : ''),
    ...c.sources
      .filter((s) => s.worksWithAffiliations < s.works)
      .map(
        (s) =>
          `coverage: ${s.source}: ${s.works - s.worksWithAffiliations} of ${s.works} works have no affiliation (hence no country)`,
      ),
    ...(result.method.intervals ? [`intervals: ${result.method.intervals.description}`] : []),
    '',
    table(byCountry ? ['country', 'name', ...columns.slice(1)] : columns, rows),
  ].join('\n')
}

export { SYNTHETIC }
