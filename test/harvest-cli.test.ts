import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateCorpus, toOpenAlexJson } from '@meridian/demo'
import { sql } from '@meridian/indicators'
import { manifestPath, readManifest } from '@meridian/io'
import { Store } from '@meridian/store'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { fakeOpenAlexPool, seededFaults, type FakeOpenAlex, type Fault } from './fake-openalex.js'
import { runCli } from './run-cli.js'

// `meridian harvest openalex` end to end: in process against the fake API, then as a real process killed
// with SIGKILL mid-harvest and run again until the store holds each work exactly once.
const BIN = fileURLToPath(new URL('../apps/cli/bin/meridian.js', import.meta.url))
const BUILT = existsSync(fileURLToPath(new URL('../apps/cli/dist/commands/harvest.js', import.meta.url)))
if (!BUILT) console.warn('skipping the harvest kill test: the CLI is not built (npm run build)')

const CORPUS = [...generateCorpus({ works: 60, seed: 23 })].map(toOpenAlexJson)
const IDS = CORPUS.map((w) => (w.id ?? '').replace('https://openalex.org/', '')).sort()
const FILTER = 'institutions.country_code:KE,publication_year:2021'
// Faults the CLI meets: waits come from --backoff 1 and Retry-After: 0, so nothing sleeps for long.
const FAULTS: readonly Fault[] = [
  { kind: 'status', status: 429, retryAfter: '0' },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 502 },
  { kind: 'cut' },
  { kind: 'truncated' },
  { kind: 'drop' },
  { kind: 'slow', ms: 20 },
]

const dir = mkdtempSync(join(tmpdir(), 'meridian-harvest-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const fakes = fakeOpenAlexPool()
afterEach(() => fakes.closeAll())

const args = (server: FakeOpenAlex, store: string, ...more: string[]): string[] => [
  'harvest',
  'openalex',
  '--filter',
  FILTER,
  '--base-url',
  server.url,
  '--per-page',
  '20',
  '--store',
  store,
  '--backoff',
  '1',
  ...more,
]

/** The OpenAlex ids of the works stored, and how many rows `works` has. */
async function stored(store: string): Promise<{ ids: string[]; rows: number }> {
  const db = await Store.open({ path: join(dir, store, 'meridian.duckdb'), readOnly: true })
  try {
    const ids = (await db.runner.all(sql`SELECT openalex_id FROM works ORDER BY openalex_id`)).map((r) =>
      String(r.openalex_id),
    )
    return { ids, rows: ids.length }
  } finally {
    db.close()
  }
}

describe('meridian harvest openalex', () => {
  it('harvests through faults into the store, and a second run asks for nothing and adds nothing', async () => {
    const server = await fakes.start({ works: CORPUS, fault: seededFaults(5, 0.4, FAULTS) })
    const first = await runCli(dir, [...args(server, 'a', '--format', 'json')])
    expect(first.code).toBe(0)
    const report = JSON.parse(first.stdout) as Record<string, unknown>
    expect(report).toMatchObject({ outcome: 'complete', works: 60, added: 60, harvested: 60, total: 60 })
    expect(report.requests).toBe(server.requests.length)
    expect(report.retries).toBeGreaterThan(0)
    expect(first.stderr).toMatch(/retry 1/)
    expect(await stored('a')).toEqual({ ids: IDS, rows: 60 })
    const again = await runCli(dir, [...args(server, 'a', '--format', 'json')])
    expect(JSON.parse(again.stdout)).toMatchObject({ outcome: 'complete', requests: 0, added: 0 })
    // --restart pages through again; the store recognises every work.
    const restart = await runCli(dir, [...args(server, 'a', '--format', 'json', '--restart', '--quiet')])
    expect(JSON.parse(restart.stdout)).toMatchObject({
      outcome: 'complete',
      works: 60,
      added: 0,
      alreadyStored: 60,
    })
    expect(restart.stderr).toBe('')
    expect(await stored('a')).toEqual({ ids: IDS, rows: 60 })
  })

  it('stops at --max-requests with exit 0 and resumes; exits 1 (UPSTREAM_UNAVAILABLE) when the API keeps failing', async () => {
    const server = await fakes.start({ works: CORPUS })
    const budget = await runCli(dir, args(server, 'b', '--max-requests', '2'))
    expect(budget.code).toBe(0)
    expect(budget.stdout).toMatch(/run the same command again to resume/)
    expect((await stored('b')).rows).toBe(40)
    const down = await fakes.start({ works: CORPUS, fault: () => ({ kind: 'status', status: 503 }) })
    const failing = await runCli(dir, args(down, 'b', '--retries', '2'))
    expect(failing.code).toBe(1)
    expect(failing.stderr).toMatch(/\[UPSTREAM_UNAVAILABLE\]/)
    expect(down.requests).toHaveLength(3)
    const resumed = await runCli(dir, args(server, 'b', '--format', 'json'))
    expect(JSON.parse(resumed.stdout)).toMatchObject({ outcome: 'complete', added: 20, harvested: 60 })
    expect(server.requests.map((r) => r.offset)).toEqual([0, 20, 40, 60])
    expect(await stored('b')).toEqual({ ids: IDS, rows: 60 })
  })

  it('exits 2 on bad usage and prints help', async () => {
    const server = await fakes.start({ works: CORPUS })
    expect((await runCli(dir, ['harvest', 'openalex'])).code).toBe(2)
    expect((await runCli(dir, args(server, 'c', '--per-page', '500'))).code).toBe(2)
    expect((await runCli(dir, args(server, 'c', '--max-requests', 'many'))).code).toBe(2)
    const help = await runCli(dir, ['harvest', 'openalex', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/--base-url/)
    expect(server.requests).toHaveLength(0)
  })

  it('runs the README harvest command against the fake API', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const line = readme
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .find((l) => l.startsWith('npx meridian harvest '))
    expect(line).toBeDefined()
    const server = await fakes.start({ works: CORPUS })
    const argv = (line ?? '').split(/\s+/).slice(2)
    const run = await runCli(dir, [...argv, '--base-url', server.url, '--store', 'readme'])
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    expect((await stored('readme')).rows).toBe(60)
  })
})

describe.skipIf(!BUILT)('a harvest killed with SIGKILL', () => {
  it('resumes from its manifest until the store holds each work exactly once', async () => {
    let child: ChildProcess | null = null
    const kills: string[] = []
    let killOn: ((offset: number, phase: 'asked' | 'sent') => boolean) | null = null
    const kill = (why: string) => {
      kills.push(why)
      child?.kill('SIGKILL')
      killOn = null
    }
    const faults = seededFaults(9, 0.3, FAULTS)
    const server = await fakes.start({
      works: CORPUS,
      fault: (n, offset) => {
        // Killed while it waits for this answer: the request hangs until the child is gone.
        if (killOn?.(offset, 'asked')) {
          kill(`waiting for request ${n}`)
          return { kind: 'hang' }
        }
        return faults(n)
      },
      onPage: (seen) => {
        // Killed just after a whole page reached it: while it reads, commits or writes the manifest.
        if (killOn?.(seen.offset, 'sent')) kill(`after page at offset ${seen.offset}`)
      },
    })
    const run = (): Promise<NodeJS.Signals | number | null> =>
      new Promise((resolve) => {
        const more = ['--quiet', '--timeout', '3000', '--per-page', '15', '--pages-per-commit', '2']
        child = spawn(process.execPath, [BIN, ...args(server, 'k', ...more)], { cwd: dir, stdio: 'ignore' })
        child.on('exit', (code, signal) => resolve(signal ?? code))
      })
    killOn = (offset, phase) => phase === 'sent' && offset === 15
    expect(await run()).toBe('SIGKILL')
    killOn = (offset, phase) => phase === 'asked' && offset === 30
    expect(await run()).toBe('SIGKILL')
    killOn = (offset, phase) => phase === 'sent' && offset === 45
    expect(await run()).toBe('SIGKILL')
    expect(await run()).toBe(0)
    expect(kills).toHaveLength(3)
    expect(await stored('k')).toEqual({ ids: IDS, rows: 60 })
    const manifest = readManifest(manifestPath(join(dir, 'k'), FILTER))
    const pages = manifest?.pages ?? []
    expect(pages.map((p) => p.results)).toEqual([15, 15, 15, 15, 0])
    expect(pages.slice(1).map((p) => p.cursor)).toEqual(pages.slice(0, -1).map((p) => p.next))
    const asked = server.requests
      .filter((r) => r.fault === null || r.fault.kind === 'slow')
      .map((r) => r.offset)
    console.log(
      `kill -9: ${kills.join('; ')}; ${server.requests.length} requests, faults ${JSON.stringify(server.faults())}, ` +
        `pages answered ${asked.length} for 5 pages`,
    )
  })
})
