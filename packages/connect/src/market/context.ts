import type { ConnectDb } from './schema.js'

/** What every marketplace service is given: the state database (with CONNECT's tables) and the clock. */
export interface MarketContext {
  readonly db: ConnectDb
  readonly now: () => Date
}

/** A jsonb value as the drivers take it. */
export const json = (value: unknown): string => JSON.stringify(value)

/** Today, as `YYYY-MM-DD` in UTC. */
export const today = (now: Date): string => now.toISOString().slice(0, 10)

/** The same day `months` later (clamped to the month's last day). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const first = new Date(Date.UTC(y, m - 1 + months, 1))
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  first.setUTCDate(Math.min(d, last))
  return first.toISOString().slice(0, 10)
}
