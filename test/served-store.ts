import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { runCli } from './run-cli.js'

// A demo store with an admin account, served by the built CLI: what the tests of a real server process share.
export const BIN = fileURLToPath(new URL('../apps/cli/bin/meridian.js', import.meta.url))
export const BUILT = existsSync(fileURLToPath(new URL('../apps/cli/dist/main.js', import.meta.url)))
export const ADMIN = 'root@example.org'
export const PASSWORD = 'correct horse battery'

/** `meridian demo` of `works` synthetic works into `<dir>/store`, and an admin account in its state. */
export async function demoWithAdmin(dir: string, works: number): Promise<void> {
  const demo = await runCli(dir, [
    'demo',
    '--works',
    String(works),
    '--no-serve',
    '--store',
    'store',
    '--quiet',
  ])
  expect(demo.code, demo.stderr).toBe(0)
  async function* password() {
    yield PASSWORD
  }
  const add = await runCli(
    dir,
    ['users', 'add', ADMIN, '--role', 'admin', '--password-stdin', '--store', 'store'],
    password(),
  )
  expect(add.code, add.stderr).toBe(0)
}

/** `meridian serve` of `<dir>/store` on a free port; resolves once it prints its address. */
export function serve(dir: string): Promise<{ child: ChildProcess; url: string }> {
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

/** Sign in as the admin and create an API token with every scope. */
export async function adminToken(url: string, name: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN, password: PASSWORD }),
  })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  const created = await fetch(`${url}/api/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name, scopes: ['read', 'write', 'admin'] }),
  })
  expect(created.status).toBe(201)
  return ((await created.json()) as { token: string }).token
}
