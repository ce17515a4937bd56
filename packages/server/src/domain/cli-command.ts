import type { Method } from '@meridian/indicators'

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

/**
 * The `meridian` command that reproduces an indicator result, every option spelled out.
 * @example
 *   cliCommand('partners', describe(indicator('partners'), { years: '2015-2020' }))
 *   // 'meridian indicators partners --years 2015-2020 --counting full --country-policy iso --min-copublications 1 --format json'
 */
export function cliCommand(indicator: string, method: Method): string {
  const parts = ['meridian indicators', indicator]
  if (method.level !== 'country') parts.push(`--level ${method.level}`)
  if (method.years) parts.push(`--years ${method.years.from}-${method.years.to}`)
  if (method.byYear) parts.push('--by-year')
  if (method.window !== null) parts.push(`--window ${method.window}`)
  parts.push(`--counting ${method.counting}`, `--country-policy ${method.countryPolicy}`)
  for (const [name, value] of Object.entries(method.options)) parts.push(`--${kebab(name)} ${value}`)
  parts.push('--format json')
  return parts.join(' ')
}
