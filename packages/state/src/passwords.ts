import { hash, verify } from '@node-rs/argon2'
import { MeridianError } from '@meridian/model'

/** Argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane): ~30 ms a hash here, too slow to brute-force. */
// `algorithm: 2` is Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const PARAMETERS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

/** Shortest and longest password accepted (NIST SP 800-63B: at least 8, allow at least 64). */
export const PASSWORD_LIMITS = Object.freeze({ min: 10, max: 256 })

/** Refuse a password that is too short, too long or the e-mail itself (`INVALID_VALUE`). */
export function checkPassword(password: string, email: string): void {
  const length = [...password].length
  if (length < PASSWORD_LIMITS.min || length > PASSWORD_LIMITS.max)
    throw new MeridianError(
      'INVALID_VALUE',
      `password: must be ${PASSWORD_LIMITS.min} to ${PASSWORD_LIMITS.max} characters (got ${length})`,
    )
  if (password.trim().toLowerCase() === email.trim().toLowerCase())
    throw new MeridianError('INVALID_VALUE', 'password: must not be the e-mail address')
}

/** Hash a password with Argon2id (PHC string with its own salt and parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMETERS)
}

/** Whether a password matches a stored hash; a malformed hash is a mismatch, never an exception. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}
