/**
 * What a stored work may hold. Readers check decoded numbers against these (a value outside is a located
 * `BAD_FIELD` problem, never a crash of the store's 32-bit columns); `ingestFiles` checks text sizes.
 */
export const LIMITS = Object.freeze({
  /** Earliest publication year accepted. */
  minYear: 1000,
  /** Latest publication year accepted. */
  maxYear: 2100,
  /** Largest citation count accepted (the store's INTEGER column). */
  maxCount: 2_147_483_647,
})

/** Why a decoded year cannot be stored, or `null` when it can. */
export function yearProblem(year: number): string | null {
  if (!Number.isInteger(year)) return 'is not a whole number'
  if (year < LIMITS.minYear || year > LIMITS.maxYear)
    return `is outside the years accepted (${LIMITS.minYear} to ${LIMITS.maxYear})`
  return null
}

/** Why a decoded count (of citations) cannot be stored, or `null` when it can. */
export function countProblem(count: number): string | null {
  if (!Number.isInteger(count)) return 'is not a whole number'
  if (count < 0) return 'is negative'
  if (count > LIMITS.maxCount) return `is larger than the largest count accepted (${LIMITS.maxCount})`
  return null
}
