import { MeridianError } from '@meridian/model'

/** DuckDB's words for a failure of the disk or of the database file, as opposed to a bug in a statement. */
const STORAGE_FAILURE = /IO Error|No space left|disk is full|Could not write|database has been invalidated/i

/**
 * The error to throw when `error` ended a write to the store, after trying `rollback`. The original error is
 * what the user reads: a failure of the disk (no space left, and where) becomes `STORE_UNAVAILABLE` naming the
 * store; a rollback that fails after it (DuckDB has often ended the transaction already) is kept only as a
 * cause, never thrown instead.
 */
export async function writeFailure(
  store: string,
  error: unknown,
  rollback: () => Promise<void>,
): Promise<unknown> {
  let rollbackError: unknown
  try {
    await rollback()
  } catch (failure) {
    rollbackError = failure
  }
  if (error instanceof MeridianError) return error
  const message = error instanceof Error ? error.message : String(error)
  const cause =
    rollbackError === undefined
      ? error
      : new AggregateError([error, rollbackError], 'the rollback failed too')
  if (STORAGE_FAILURE.test(message))
    return new MeridianError('STORE_UNAVAILABLE', `cannot write the store "${store}": ${message}`, { cause })
  if (rollbackError !== undefined && error instanceof Error && error.cause === undefined)
    error.cause = rollbackError
  return error
}
