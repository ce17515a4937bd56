import { PGlite } from '@electric-sql/pglite'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { backupState, backupTables, EPHEMERAL_TABLES, restoreState } from './backup.js'
import { ENGINES, seededRandom } from './engines.test-util.js'
import { openState } from './open-state.js'
import { createWorkspace } from './workspace.js'

async function* linesOf(lines: readonly string[]) {
  yield* lines
}

describe.each(ENGINES)('backup and restore on $name', (engine) => {
  it('round-trips every backed-up table into an empty embedded database, counters moved past the rows', async () => {
    const source = await engine.open()
    const workspace = createWorkspace(source, { random: seededRandom() })
    const operator = { kind: 'operator', label: 'cli:test' } as const
    const org = await workspace.createOrganisation(operator, { name: 'Univ A', country: 'DE' })
    await workspace.addUser(operator, {
      email: 'ada@example.org',
      password: 'correct horse battery',
      role: 'broker',
      organisationId: org.id,
    })
    const { actor } = await workspace.authenticateSession(
      (await workspace.login({ email: 'ada@example.org', password: 'correct horse battery' })).cookie,
    )
    const { token } = await workspace.createToken(actor, { name: 'scripts' })
    const lines: string[] = []
    const summary = await backupState(source.db, (line) => void lines.push(line))
    expect(summary.rows).toMatchObject({ organisations: 1, users: 1, api_tokens: 1 })

    const target = await openState({ pglite: await PGlite.create(), migrate: false })
    const restored = await restoreState(target, linesOf(lines), 'backup.jsonl')
    expect(restored.rows).toEqual(summary.rows)
    const copy = createWorkspace(target)
    expect((await copy.authenticateToken(token)).actor.email).toBe('ada@example.org')
    await expect(
      copy.login({ email: 'ada@example.org', password: 'correct horse battery' }),
    ).resolves.toBeDefined()
    const more = await copy.createOrganisation(operator, { name: 'Univ B' })
    expect(more.id).toBe(org.id + 1)
    await expect(restoreState(target, linesOf(lines), 'backup.jsonl')).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    await target.close()
  })
})

describe('backup files', () => {
  it('refuse what is not a backup, naming the file and line', async () => {
    const target = await openState({ pglite: await PGlite.create(), migrate: false })
    await expect(restoreState(target, linesOf(['{"hello":1}']), 'x.jsonl')).rejects.toMatchObject({
      code: 'BAD_RECORD',
      location: { line: 1 },
    })
    const header = JSON.stringify({
      meridian: 'state-backup',
      version: 1,
      migrations: ['0001-workspace'],
      createdAt: '',
    })
    await expect(
      restoreState(target, linesOf([header, '{"table":"nope","row":{}}']), 'x.jsonl'),
    ).rejects.toMatchObject({ code: 'BAD_RECORD', location: { line: 2, field: 'table' } })
    expect(await target.db.selectFrom('users').selectAll().execute()).toEqual([])
    const future = JSON.stringify({
      meridian: 'state-backup',
      version: 1,
      migrations: ['0001-workspace', '9999-x'],
      createdAt: '',
    })
    await expect(restoreState(target, linesOf([future]), 'x.jsonl')).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    })
    await target.close()
  })

  it('carry every table but the ephemeral ones, parents first', async () => {
    const state = await openState({ pglite: await PGlite.create() })
    const tables = await sql<{
      name: string
    }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_name not like 'kysely_%' order by 1`.execute(
      state.db,
    )
    expect(tables.rows.map((row) => row.name).sort()).toEqual(
      [...(await backupTables(state.db)), ...EPHEMERAL_TABLES].sort(),
    )
    expect(await backupTables(state.db)).toEqual(['organisations', 'users', 'api_tokens', 'audit_log'])
    await state.close()
  })
})
