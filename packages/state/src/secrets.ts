import { createHash, randomBytes } from 'node:crypto'

/** Random bytes, injectable so tests are seeded. */
export type RandomBytes = (size: number) => Uint8Array

/** The default source of randomness: the operating system's CSPRNG. */
export const systemRandom: RandomBytes = (size) => randomBytes(size)

/** A URL-safe secret of `bytes` random bytes (base64url, no padding). */
export function newSecret(random: RandomBytes, bytes = 32): string {
  return Buffer.from(random(bytes)).toString('base64url')
}

/** SHA-256 of a high-entropy secret (session cookie, API token), hex: what is stored instead of the secret. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}
