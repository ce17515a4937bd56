import type { Method } from '../api/types.js'

/** The `meridian` command that reproduces a result computed with `method` (same flags as the CLI). */
export function cliCommand(command: string, method: Method | null, extra: readonly string[] = []): string {
  const parts = ['npx meridian', command]
  if (method) {
    if (method.years) {
      const { from, to } = method.years
      parts.push('--years', from === to ? String(from) : `${from}-${to}`)
    }
    if (method.byYear) parts.push('--by-year')
    parts.push('--counting', method.counting, '--country-policy', method.countryPolicy)
    for (const [key, value] of Object.entries(method.options ?? {}))
      parts.push(`--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, String(value))
  }
  parts.push(...extra, '--format', 'csv')
  return parts.join(' ')
}

/** A command line from its words, each quoted for a POSIX shell when it holds more than safe characters. */
export function shellArgs(words: readonly string[]): string {
  return [
    'npx',
    ...words.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)),
  ].join(' ')
}
