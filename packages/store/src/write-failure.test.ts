import { MeridianError } from '@meridian/model'
import { describe, expect, it } from 'vitest'
import { writeFailure } from './write-failure.js'

// DuckDB's own words when the disk fills while it commits, and when it is then asked to roll back.
const diskFull = () =>
  new Error('IO Error: Could not write file "/data/store/meridian.duckdb.wal": No space left on device')
const noTransaction = () => new Error('TransactionContext Error: cannot rollback - no transaction is active')

describe('writeFailure: the error told when a write to the store fails', () => {
  it('is the disk failure (no space left, and where), the failed rollback only its cause', async () => {
    const error = await writeFailure('/data/store/meridian.duckdb', diskFull(), () =>
      Promise.reject(noTransaction()),
    )
    expect(error).toBeInstanceOf(MeridianError)
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE' })
    const { message, cause } = error as MeridianError
    expect(message).toContain('No space left on device')
    expect(message).toContain('/data/store/meridian.duckdb.wal')
    expect(message).not.toContain('rollback')
    expect((cause as AggregateError).errors.map((e: Error) => e.message)).toEqual([
      diskFull().message,
      noTransaction().message,
    ])
  })

  it('rolls back, and passes input errors on as they are', async () => {
    let rolledBack = false
    const aborted = new MeridianError('INGEST_ABORTED', 'stopped at the first bad record')
    const error = await writeFailure('s', aborted, async () => void (rolledBack = true))
    expect(rolledBack).toBe(true)
    expect(error).toBe(aborted)
  })

  it('keeps an unexpected error as it is, the failed rollback as its cause', async () => {
    const bug = new Error('Binder Error: column "x" not found')
    const error = await writeFailure('s', bug, () => Promise.reject(noTransaction()))
    expect(error).toBe(bug)
    expect((error as Error).cause).toMatchObject({ message: noTransaction().message })
  })
})
