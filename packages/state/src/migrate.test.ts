import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { ENGINES } from './engines.test-util.js'
import { migrationStatus } from './migrate.js'
import { openState } from './open-state.js'

const dir = mkdtempSync(join(tmpdir(), 'meridian-state-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe.each(ENGINES)('migrations on $name', (engine) => {
  it('records applied migrations, and a database from a newer Meridian is refused with a clear message', async () => {
    const state = await engine.open()
    const status = await migrationStatus(state.db)
    expect(status.applied.map((row) => row.name)).toEqual(['0001-workspace'])
    expect(status.pending).toEqual([])
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00Z')`.execute(
      state.db,
    )
    expect((await migrationStatus(state.db)).unknown).toEqual(['9999-from-the-future'])
  })
})

describe('embedded state folder', () => {
  it('survives a restart, and a second process is told who holds it', async () => {
    const path = join(dir, 'state')
    const first = await openState({ dir: path, command: 'meridian serve' })
    expect(first.migrated).toEqual(['0001-workspace'])
    await first.db
      .insertInto('organisations')
      .values({ name: 'Kept', ror_id: null, country: null, created_at: new Date() })
      .execute()
    await first.close()
    const second = await openState({ dir: path })
    expect(second.migrated).toEqual([])
    expect(await second.db.selectFrom('organisations').select('name').execute()).toEqual([{ name: 'Kept' }])
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00Z')`.execute(
      second.db,
    )
    await second.close()
    await expect(openState({ dir: path })).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringMatching(/newer Meridian/),
    })
    // A live holder (this process's parent stands in for another process).
    writeFileSync(
      join(dir, 'state.lock'),
      JSON.stringify({ pid: process.ppid, since: '2026-01-01T00:00:00Z', command: 'meridian serve' }),
    )
    await expect(openState({ dir: path })).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      message: expect.stringMatching(/in use by process \d+ \(meridian serve\)/),
    })
    // A stale lock from a process that is gone is taken over.
    writeFileSync(
      join(dir, 'state.lock'),
      JSON.stringify({ pid: 2 ** 22 + 1, since: '2026-01-01T00:00:00Z', command: 'meridian serve' }),
    )
    await expect(openState({ dir: path, migrate: false })).rejects.toMatchObject({
      message: expect.stringMatching(/newer Meridian/),
    })
  })
})
