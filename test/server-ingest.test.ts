import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateCorpus, toOpenAlexJsonl } from '@meridian/demo'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'
import { adminToken, BUILT, demoWithAdmin, serve } from './served-store.js'

// New data while serving: `meridian serve` owns the store; `meridian ingest --server` hands it files, and
// anything else that opens the store is told which process holds it.
if (!BUILT) console.warn('skipping the served-ingest test: the CLI is not built (npm run build)')

let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-served-ingest-'))
  await demoWithAdmin(dir, 40)
  // New works: another seed of the synthetic corpus, as OpenAlex JSON Lines.
  writeFileSync(
    join(dir, 'new.jsonl'),
    [...toOpenAlexJsonl(generateCorpus({ works: 25, seed: 77 }))].join('\n'),
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe.skipIf(!BUILT)('a served store takes new data (meridian ingest --server)', () => {
  it('ingests through the server, which answers from the new data at once; other openers are told who holds it', async () => {
    const { child, url } = await serve(dir)
    try {
      const works = async () => ((await (await fetch(`${url}/api/status`)).json()) as { works: number }).works
      expect(await works()).toBe(40)
      const token = await adminToken(url, 'ingest')

      const held = await runCli(dir, ['status', '--store', 'store'])
      expect(held.code).toBe(1)
      expect(held.stderr).toMatch(
        new RegExp(
          `in use by process ${child.pid} \\(meridian serve\\) since .*meridian ingest FILES --server URL`,
        ),
      )

      const refused = await runCli(dir, ['ingest', 'new.jsonl', '--server', url])
      expect(refused.code).toBe(2)
      expect(refused.stderr).toContain('--server needs an admin API token')

      const sent = await runCli(dir, ['ingest', 'new.jsonl', '--server', url, '--token', token])
      expect(sent.code, sent.stderr).toBe(0)
      expect(sent.stdout).toContain(`new.jsonl -> ${url}: ingest 2`)
      expect(sent.stdout).toContain('25 records read; 25 works added')
      expect(await works()).toBe(65)

      // The same file again: every record is already in the store.
      const again = await runCli(dir, [
        'ingest',
        'new.jsonl',
        '--server',
        url,
        '--token',
        token,
        '--format',
        'json',
      ])
      expect(again.code, again.stderr).toBe(0)
      expect(JSON.parse(again.stdout)).toMatchObject([{ ingest: { added: 0, duplicatesOfStore: 25 } }])
      expect(await works()).toBe(65)
    } finally {
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    }
    // Stopped, the store is everyone's again, with the new works in it.
    const status = await runCli(dir, ['status', '--store', 'store', '--format', 'json'])
    expect(status.code, status.stderr).toBe(0)
    expect(JSON.parse(status.stdout)).toMatchObject({ works: 65 })
  })
})
