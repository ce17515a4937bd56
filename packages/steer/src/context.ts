import type { SteerDb } from './schema.js'

/** What every STEER service is given: the state database (with STEER's tables) and the clock. */
export interface SteerContext {
  readonly db: SteerDb
  readonly now: () => Date
}

/** A jsonb value as the drivers take it. */
export const json = (value: unknown): string => JSON.stringify(value)
