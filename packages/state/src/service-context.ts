import type { Kysely } from 'kysely'
import type { StateSchema } from './schema.js'
import type { RandomBytes } from './secrets.js'

/** Limits on sessions and logins, with their defaults in {@link DEFAULT_POLICY}. */
export interface SecurityPolicy {
  /** A session ends after this long without a request. */
  readonly sessionIdleMs: number
  /** A session ends this long after login, whatever its use. */
  readonly sessionMaxMs: number
  /** Consecutive failed logins that lock an account. */
  readonly lockoutAttempts: number
  /** How long a locked account stays locked. */
  readonly lockoutMs: number
  /** How long a first-run setup link stays valid. */
  readonly setupLinkMs: number
}

/** Eight hours idle, seven days at most; five failures lock for fifteen minutes; setup links last one hour. */
export const DEFAULT_POLICY: SecurityPolicy = Object.freeze({
  sessionIdleMs: 8 * 3600_000,
  sessionMaxMs: 7 * 24 * 3600_000,
  lockoutAttempts: 5,
  lockoutMs: 15 * 60_000,
  setupLinkMs: 3600_000,
})

/** What every service function is given: the database, the clock, randomness and the policy. */
export interface ServiceContext {
  readonly db: Kysely<StateSchema>
  readonly now: () => Date
  readonly random: RandomBytes
  readonly policy: SecurityPolicy
}
