import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'
import { BIN, BUILT } from './served-store.js'

// `meridian serve` warms the dashboard's default views after listening, unless told not to.
if (!BUILT) console.warn('skipping the serve warm-up test: the CLI is not built (npm run build)')

let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-serve-warm-'))
  const demo = await runCli(dir, ['demo', '--works', '40', '--no-serve', '--store', 'store', '--quiet'])
  expect(demo.code, demo.stderr).toBe(0)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Serve with `flags`; resolves with stdout and stderr once `until` matches them or `ms` pass after listening. */
function serveUntil(flags: readonly string[], until: RegExp, ms: number): Promise<string> {
  const child = spawn(process.execPath, [BIN, 'serve', '--store', 'store', '--port', '0', ...flags], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  return new Promise<string>((resolve, reject) => {
    const done = () => {
      child.removeAllListeners('exit')
      child.once('exit', () => resolve(out))
      child.kill('SIGTERM')
    }
    const seen = (chunk: Buffer) => {
      out += chunk.toString()
      if (until.test(out)) done()
      else if (/serving .* at http/.test(out)) setTimeout(done, ms).unref()
    }
    child.stdout.on('data', seen)
    child.stderr.on('data', seen)
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)))
  })
}

describe.skipIf(!BUILT)('meridian serve warm-up', () => {
  it("warms the dashboard's default views after listening", async () => {
    const out = await serveUntil([], /warmed the dashboard's 3 default views/, 20_000)
    expect(out).toMatch(/serving .* at http[\s\S]*warmed the dashboard's 3 default views/)
  })

  it('--no-warm leaves them cold', async () => {
    const out = await serveUntil(['--no-warm'], /warmed|warming/, 3000)
    expect(out).toMatch(/serving .* at http/)
    expect(out).not.toMatch(/warmed|warming/)
  })

  it('refuses a --query-timeout that is not a positive whole number of milliseconds', async () => {
    const refused = await runCli(dir, ['serve', '--store', 'store', '--query-timeout', '0'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('BAD_OPTION')
  })
})
