import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ALL_MIGRATIONS } from '@meridian/cli'
import { openState } from '@meridian/state'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

// A real server killed with SIGKILL during a burst of writes: on restart each write either happened with its
// audit row or did not happen at all, and every write the server acknowledged is there.
const BIN = fileURLToPath(new URL('../apps/cli/bin/meridian.js', import.meta.url))
const BUILT = existsSync(fileURLToPath(new URL('../apps/cli/dist/main.js', import.meta.url)))
if (!BUILT) console.warn('skipping the kill test: the CLI is not built (npm run build)')
const PASSWORD = 'correct horse battery'

let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-kill-state-'))
  expect(
    (await runCli(dir, ['demo', '--works', '50', '--no-serve', '--store', 'store', '--quiet'])).code,
  ).toBe(0)
  async function* password() {
    yield PASSWORD
  }
  const add = await runCli(
    dir,
    ['users', 'add', 'root@example.org', '--role', 'admin', '--password-stdin', '--store', 'store'],
    password(),
  )
  expect(add.code, add.stderr).toBe(0)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function serve(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--store', 'store', '--port', '0'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const url = /serving .* at (http:\/\/[\d.:]+)/.exec(out)?.[1]
      if (url) resolve({ child, url })
    })
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)))
  })
}

describe.skipIf(!BUILT)('kill -9 of the server during a burst of writes', () => {
  it('leaves every write with exactly its audit row, and every acknowledged write stored', async () => {
    const { child, url } = await serve()
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'root@example.org', password: PASSWORD }),
    })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const { csrfToken } = (await login.json()) as { csrfToken: string }
    const created = await fetch(`${url}/api/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'burst', scopes: ['read', 'write', 'admin'] }),
    })
    const { token } = (await created.json()) as { token: string }
    const acknowledged: number[] = []
    let sent = 0
    const worker = async () => {
      while (sent < 2000) {
        const n = sent++
        try {
          const response = await fetch(`${url}/api/organisations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ name: `Burst ${n}` }),
          })
          if (response.status === 201) acknowledged.push(((await response.json()) as { id: number }).id)
        } catch {
          return // the server is gone
        }
        if (acknowledged.length === 40) child.kill('SIGKILL')
      }
    }
    const exited = new Promise((resolve) => child.once('exit', resolve))
    await Promise.all(Array.from({ length: 8 }, worker))
    await exited
    expect(acknowledged.length).toBeGreaterThanOrEqual(40)
    expect(sent).toBeLessThan(2000)

    // The migrations every command runs with: the state was made by `meridian serve`.
    const state = await openState({ dir: join(dir, 'store', 'state'), migrations: ALL_MIGRATIONS })
    try {
      const organisations = await state.db.selectFrom('organisations').select(['id', 'name']).execute()
      const audit = await state.db
        .selectFrom('audit_log')
        .select(['entity_id', 'after'])
        .where('action', '=', 'organisation.create')
        .execute()
      const ids = organisations.map((o) => String(o.id)).sort()
      expect(audit.map((row) => row.entity_id).sort()).toEqual(ids)
      for (const id of acknowledged) expect(ids).toContain(String(id))
      for (const row of audit)
        expect(organisations.find((o) => String(o.id) === row.entity_id)?.name).toBe(
          (row.after as { name: string }).name,
        )
    } finally {
      await state.close()
    }
  })
})
