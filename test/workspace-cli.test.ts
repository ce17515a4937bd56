import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openState } from '@meridian/state'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

// The workspace commands on the embedded state database (PGlite in <store>/state); the same services run on
// PostgreSQL in packages/state and packages/server, where both engines are tested.
let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-users-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function* lines(...values: string[]) {
  yield* values
}

const json = async (argv: string[]) => {
  const result = await runCli(dir, argv)
  expect(result.code, result.stderr).toBe(0)
  return JSON.parse(result.stdout) as unknown
}

describe('meridian users, organisations, db and audit', () => {
  it('adds accounts with a password from stdin, lists, disables and resets them; every change is in the audit trail', async () => {
    const add = await runCli(
      dir,
      ['users', 'add', 'root@example.org', '--role', 'admin', '--password-stdin', '--store', 'data'],
      lines('correct horse battery'),
    )
    expect(add.code, add.stderr).toBe(0)
    expect(add.stdout).toContain('root@example.org · admin')
    const org = (await json([
      'organisations',
      'add',
      'Univ A',
      '--ror',
      'https://ror.org/02mhbdp94',
      '--country',
      'DE',
      '--store',
      'data',
      '--format',
      'json',
    ])) as { id: number }
    const ada = await runCli(dir, [
      'users',
      'add',
      'ada@example.org',
      '--role',
      'broker',
      '--organisation',
      String(org.id),
      '--generate-password',
      '--store',
      'data',
    ])
    expect(ada.code).toBe(0)
    expect(ada.stderr).toMatch(/password \(shown once\): [\w-]{20}/)
    expect(await json(['users', 'list', '--format', 'json', '--store', 'data'])).toMatchObject([
      { email: 'root@example.org', role: 'admin', disabled: false },
      { email: 'ada@example.org', role: 'broker', organisationId: org.id },
    ])
    expect((await runCli(dir, ['users', 'disable', 'ada@example.org', '--store', 'data'])).stdout).toContain(
      'disabled',
    )
    const reset = await runCli(
      dir,
      ['users', 'reset-password', 'ada@example.org', '--password-stdin', '--store', 'data'],
      lines('another long password'),
    )
    expect(reset.code, reset.stderr).toBe(0)
    const audit = (await json(['audit', '--format', 'json', '--store', 'data'])) as {
      action: string
      actor: string
    }[]
    expect(audit.map((row) => row.action)).toEqual([
      'user.reset-password',
      'user.update',
      'user.create',
      'organisation.create',
      'user.create',
    ])
    expect(audit.every((row) => row.actor === 'cli:operator')).toBe(true)
    expect(await json(['audit', '--format', 'json', '--since', '2999-01-01', '--store', 'data'])).toEqual([])
  })

  it('refuses bad input with exit 2 and changes nothing', async () => {
    const before = await json(['audit', '--format', 'json', '--store', 'data'])
    const cases: [string[], string | undefined][] = [
      [['users', 'add', 'x@example.org', '--role', 'admin', '--store', 'data'], undefined],
      [
        ['users', 'add', 'x@example.org', '--role', 'emperor', '--password-stdin', '--store', 'data'],
        'correct horse battery',
      ],
      [['users', 'add', 'x@example.org', '--role', 'viewer', '--password-stdin', '--store', 'data'], 'short'],
      [
        ['users', 'add', 'root@EXAMPLE.org', '--role', 'viewer', '--password-stdin', '--store', 'data'],
        'correct horse battery',
      ],
      [['users', 'disable', 'nobody@example.org', '--store', 'data'], undefined],
      [['audit', '--since', 'yesterday', '--store', 'data'], undefined],
      [['users', 'list', '--database-url', 'mysql://x', '--store', 'data'], undefined],
    ]
    const codes = []
    for (const [argv, input] of cases) {
      const result = await runCli(dir, argv, input === undefined ? undefined : lines(input))
      expect(result.stderr).toMatch(/^meridian: .*\[[A-Z_]+\]/)
      codes.push(result.code)
    }
    expect(codes).toEqual([2, 2, 2, 1, 2, 2, 2])
    expect(await json(['audit', '--format', 'json', '--store', 'data'])).toEqual(before)
  })

  it('reports status, backs up and restores into a new store', async () => {
    expect(await json(['db', 'status', '--format', 'json', '--store', 'data'])).toMatchObject({
      engine: 'pglite',
      location: join(dir, 'data', 'state'),
      applied: [{ name: '0001-workspace' }, { name: '0002-steer' }, { name: '0003-connect' }],
      pending: [],
    })
    expect((await runCli(dir, ['db', 'migrate', '--store', 'data'])).stdout).toContain('up to date')
    const backup = await runCli(dir, ['db', 'backup', 'state.jsonl.gz', '--store', 'data'])
    expect(backup.stdout).toMatch(/state.jsonl.gz: 1 organisations, 2 users, 0 api_tokens, \d+ audit_log/)
    const restore = await runCli(dir, ['db', 'restore', 'state.jsonl.gz', '--store', 'copy'])
    expect(restore.code, restore.stderr).toBe(0)
    expect(await json(['users', 'list', '--format', 'json', '--store', 'copy'])).toEqual(
      await json(['users', 'list', '--format', 'json', '--store', 'data']),
    )
    const again = await runCli(dir, ['db', 'restore', 'state.jsonl.gz', '--store', 'copy'])
    expect(again.stderr).toContain('[CONFLICT]')
  })
})

const server = process.env.MERIDIAN_TEST_DATABASE_URL
describe.skipIf(!server)('the same commands on a PostgreSQL server (--database-url)', () => {
  const name = `meridian_cli_${process.pid}`
  let url = ''
  beforeAll(async () => {
    const admin = await openState({ url: server, migrate: false })
    await sql.raw(`create database ${name}`).execute(admin.db)
    await admin.close()
    const parsed = new URL(server ?? '')
    parsed.pathname = `/${name}`
    url = parsed.toString()
  })
  afterAll(async () => {
    const admin = await openState({ url: server, migrate: false })
    await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db)
    await admin.close()
  })

  it('adds a user, reports the postgres engine and its migrations, and audits', async () => {
    const add = await runCli(
      dir,
      ['users', 'add', 'root@example.org', '--role', 'admin', '--password-stdin', '--database-url', url],
      lines('correct horse battery'),
    )
    expect(add.code, add.stderr).toBe(0)
    expect(await json(['db', 'status', '--format', 'json', '--database-url', url])).toMatchObject({
      engine: 'postgres',
      applied: [{ name: '0001-workspace' }, { name: '0002-steer' }, { name: '0003-connect' }],
    })
    expect(await json(['users', 'list', '--format', 'json', '--database-url', url])).toMatchObject([
      { email: 'root@example.org', role: 'admin' },
    ])
    expect(await json(['audit', '--format', 'json', '--database-url', url])).toMatchObject([
      { action: 'user.create' },
    ])
  })
})
