import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateCorpus, toOpenAlexJson } from '@meridian/demo'
import { sql } from '@meridian/indicators'
import { harvestOpenAlex, manifestPath, readManifest, type HarvestOptions, type PageSink } from '@meridian/io'
import { Store } from '@meridian/store'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { fakeOpenAlexPool, seededFaults, type Fault } from './fake-openalex.js'
import { HAVE_SHARED_DATA, shared } from './shared-data.js'

// The harvest loop against a local fake of the works API that injects 429s, 5xx, cut and truncated bodies,
// dropped connections, hangs and slow answers. Time is injected: waits are recorded, never slept.

const CORPUS = [...generateCorpus({ works: 130, seed: 7 })].map(toOpenAlexJson)
const IDS = CORPUS.map((w) => (w.id ?? '').replace('https://openalex.org/', '')).sort()
const FILTER = 'authorships.institutions.country_code:GH,publication_year:2020'

const root = mkdtempSync(join(tmpdir(), 'meridian-harvest-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
const fakes = fakeOpenAlexPool()
afterEach(() => fakes.closeAll())
let stores = 0

/** A sink that counts how often each work was committed, and a manifest path of its own. */
function memorySink() {
  const commits = new Map<string, number>()
  const labels: string[] = []
  const sink: PageSink = {
    commit: async (page) => {
      labels.push(page.label)
      for (const w of page.works) {
        const id = w.ids.openalex ?? '?'
        commits.set(id, (commits.get(id) ?? 0) + 1)
      }
    },
  }
  const ids = () => [...commits.keys()].sort()
  const repeated = () => [...commits.values()].filter((n) => n > 1).length
  return { sink, ids, repeated, labels, manifest: manifestPath(join(root, `run-${++stores}`), FILTER) }
}

/** A store (in memory) and a sink committing each page to it in one ingest run, as the CLI does. */
async function freshStore() {
  const store = await Store.open({ path: ':memory:' })
  const sink: PageSink = {
    async commit(page) {
      const run = await store.beginIngest()
      for (const work of page.works) run.add(work)
      await run.commit({ files: [page.label], problems: page.problems.length, now: new Date(0) })
    },
  }
  const storedIds = async () =>
    (await store.runner.all(sql`SELECT openalex_id FROM works ORDER BY openalex_id`)).map((r) =>
      String(r.openalex_id),
    )
  return { store, sink, storedIds, manifest: manifestPath(join(root, `store-${++stores}`), FILTER) }
}

/** Deterministic time: a fixed clock, a seeded generator, waits recorded instead of slept. */
function injected() {
  const waits: number[] = []
  let seed = 1
  return {
    waits,
    time: {
      now: () => new Date('2026-01-01T00:00:00Z'),
      sleep: async (ms: number) => void waits.push(ms),
      rng: () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646,
    } satisfies Partial<HarvestOptions>,
  }
}

const ALL_FAULTS: readonly Fault[] = [
  { kind: 'status', status: 429, retryAfter: '2' },
  { kind: 'status', status: 429 },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'cut' },
  { kind: 'truncated' },
  { kind: 'drop' },
  { kind: 'hang' },
  { kind: 'slow', ms: 30 },
]

describe('harvestOpenAlex against the fake API', () => {
  it('pages through with cursors, sends filter, per-page, mailto and api_key, and commits every work once', async () => {
    const server = await fakes.start({ works: CORPUS })
    const m = memorySink()
    const progress: unknown[] = []
    const report = await harvestOpenAlex({
      baseUrl: server.url,
      filter: FILTER,
      perPage: 25,
      mailto: 'someone@example.org',
      apiKey: 'k3y',
      manifest: m.manifest,
      sink: m.sink,
      onProgress: (p) => progress.push(p),
      ...injected().time,
    })
    expect(report.outcome).toEqual({ kind: 'complete' })
    // 130 works in pages of 25: six pages with results, then the empty one whose next_cursor is null.
    expect(report).toMatchObject({ pages: 7, works: 130, requests: 7, retries: 0, creditsUsed: 7 })
    expect(report.costUsd).toBeCloseTo(0.0007, 10)
    expect(report.rateLimit).toEqual({ limit: 100_000, remaining: 99_993, creditsUsed: 1 })
    expect(server.requests.map((r) => r.offset)).toEqual([0, 25, 50, 75, 100, 125, 150])
    expect(server.requests[0]?.query).toEqual({
      filter: FILTER,
      'per-page': '25',
      cursor: '*',
      mailto: 'someone@example.org',
      api_key: 'k3y',
    })
    // Five pages per transaction by default: two commits, each followed by the manifest and the progress.
    expect(m.labels).toEqual([`openalex works ${FILTER} pages 1-5`, `openalex works ${FILTER} pages 6-7`])
    expect(progress).toEqual([
      { works: 125, total: 130 },
      { works: 130, total: 130 },
    ])
    expect(m.ids()).toEqual(IDS)
    expect(m.repeated()).toBe(0)
  })

  it('survives a storm of every fault, retrying each as its kind and committing each work exactly once', async () => {
    const server = await fakes.start({ works: CORPUS, fault: seededFaults(2, 0.45, ALL_FAULTS) })
    const m = memorySink()
    const { waits, time } = injected()
    const retries: { reason: string; status: number | null; delayMs: number }[] = []
    const report = await harvestOpenAlex({
      baseUrl: server.url,
      filter: FILTER,
      perPage: 5,
      manifest: m.manifest,
      sink: m.sink,
      timeoutMs: 150,
      onRetry: (r) => retries.push(r),
      ...time,
    })
    expect(report.outcome).toEqual({ kind: 'complete' })
    expect(m.ids()).toEqual(IDS)
    expect(m.repeated()).toBe(0)
    const injectedFaults = server.faults()
    const count = (...kinds: string[]) => kinds.reduce((n, k) => n + (injectedFaults[k] ?? 0), 0)
    // Every kind was met, and each failure was retried as what it was; slow answers were simply waited for.
    for (const kind of ['429', '500', '503', 'cut', 'truncated', 'drop', 'hang', 'slow'])
      expect(injectedFaults[kind] ?? 0, kind).toBeGreaterThan(0)
    expect(report.failuresByReason).toEqual({
      'rate-limited': count('429'),
      'server-error': count('500', '503'),
      truncated: count('cut', 'truncated'),
      network: count('drop'),
      timeout: count('hang'),
    })
    expect(report.retries).toBe(count('429', '500', '503', 'cut', 'truncated', 'drop', 'hang'))
    expect(report.requests).toBe(server.requests.length)
    expect(report.requests).toBe(27 + report.retries)
    // Retry-After: 2 is honoured: no wait after such a 429 is shorter than two seconds.
    const failed = server.requests.filter((r) => r.fault !== null && r.fault.kind !== 'slow')
    const asked = failed.flatMap((r, i) =>
      r.fault?.kind === 'status' && r.fault.retryAfter === '2' ? [retries[i]?.delayMs ?? 0] : [],
    )
    expect(asked.length).toBeGreaterThan(0)
    expect(Math.min(...asked)).toBeGreaterThanOrEqual(2000)
    expect(waits).toEqual(retries.map((r) => r.delayMs))
    const pages = readManifest(m.manifest)?.pages ?? []
    expect(pages.map((p) => p.results)).toEqual([...Array<number>(26).fill(5), 0])
    // Each page's cursor is the previous page's next: nothing skipped, nothing fetched twice.
    expect(pages.slice(1).map((p) => p.cursor)).toEqual(pages.slice(0, -1).map((p) => p.next))
    console.log(
      `fault storm: ${report.requests} requests for ${pages.length} pages, ${report.retries} retries`,
      JSON.stringify(injectedFaults),
    )
  })

  it('honours Retry-After and backs off exponentially with seeded full jitter', async () => {
    const plan: (Fault | null)[] = [
      { kind: 'status', status: 429, retryAfter: '7' },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 503 },
    ]
    const run = async () => {
      const server = await fakes.start({ works: CORPUS.slice(0, 5), fault: (n) => plan[n - 1] ?? null })
      const m = memorySink()
      const { waits, time } = injected()
      const report = await harvestOpenAlex({
        baseUrl: server.url,
        filter: FILTER,
        manifest: m.manifest,
        sink: m.sink,
        backoffMs: 100,
        ...time,
      })
      expect(report.outcome.kind).toBe('complete')
      return waits
    }
    const waits = await run()
    expect(waits).toHaveLength(5)
    expect(waits[0]).toBeGreaterThanOrEqual(7000)
    // Retry k waits in [0, 100 * 2^k].
    waits.slice(1).forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(0)
      expect(ms).toBeLessThanOrEqual(100 * 2 ** (i + 1))
    })
    // Seeded: the same run waits the same.
    expect(await run()).toEqual(waits)
  })

  it('stops at the request budget with the manifest saved; the next run continues without repeating a page', async () => {
    const server = await fakes.start({ works: CORPUS })
    const m = memorySink()
    const options = { baseUrl: server.url, filter: FILTER, perPage: 20, manifest: m.manifest, sink: m.sink }
    const first = await harvestOpenAlex({ ...options, maxRequests: 3, ...injected().time })
    expect(first.outcome).toEqual({ kind: 'budget', maxRequests: 3 })
    expect(first).toMatchObject({ requests: 3, pages: 3, works: 60 })
    expect(m.ids()).toHaveLength(60)
    const second = await harvestOpenAlex({ ...options, ...injected().time })
    expect(second.outcome.kind).toBe('complete')
    expect(second).toMatchObject({ pages: 5, works: 70 })
    expect(server.requests.map((r) => r.offset)).toEqual([0, 20, 40, 60, 80, 100, 120, 140])
    expect(m.ids()).toEqual(IDS)
    expect(m.repeated()).toBe(0)
    expect(readManifest(m.manifest)?.requests).toBe(8)
    // A complete harvest run again asks for nothing.
    const third = await harvestOpenAlex({ ...options, ...injected().time })
    expect(third).toMatchObject({ outcome: { kind: 'complete' }, requests: 0, pages: 0 })
  })

  it('gives up on a page after its retries, resumably, and on a long Retry-After at once', async () => {
    const down = await fakes.start({
      works: CORPUS,
      fault: (n) => (n > 2 ? { kind: 'status', status: 503 } : null),
    })
    const m = memorySink()
    const options = { filter: FILTER, perPage: 50, manifest: m.manifest, sink: m.sink, retries: 3 }
    const failed = await harvestOpenAlex({ ...options, baseUrl: down.url, ...injected().time })
    expect(failed.outcome).toMatchObject({ kind: 'gave-up', reason: 'server-error', status: 503 })
    expect(failed).toMatchObject({ requests: 6, retries: 3, pages: 2 })
    const limited = await fakes.start({
      works: CORPUS,
      fault: () => ({ kind: 'status', status: 429, retryAfter: '86400' }),
    })
    const daily = await harvestOpenAlex({ ...options, baseUrl: limited.url, ...injected().time })
    expect(daily.outcome).toMatchObject({ kind: 'gave-up', reason: 'rate-limited', status: 429 })
    expect(daily.requests).toBe(1)
    const healthy = await fakes.start({ works: CORPUS })
    const resumed = await harvestOpenAlex({ ...options, baseUrl: healthy.url, ...injected().time })
    expect(resumed.outcome.kind).toBe('complete')
    expect(healthy.requests.map((r) => r.offset)).toEqual([100, 150])
    expect(m.ids()).toEqual(IDS)
    expect(m.repeated()).toBe(0)
  })

  it('after a crash between the store commit and the manifest, fetches that page again and stores it once', async () => {
    const server = await fakes.start({ works: CORPUS })
    const s = await freshStore()
    let pages = 0
    const crashing: PageSink = {
      async commit(page) {
        await s.sink.commit(page)
        if (++pages === 2) throw new Error('killed after the commit of page 2')
      },
    }
    const options = {
      baseUrl: server.url,
      filter: FILTER,
      perPage: 50,
      pagesPerCommit: 1,
      manifest: s.manifest,
    }
    await expect(harvestOpenAlex({ ...options, sink: crashing, ...injected().time })).rejects.toThrow(
      /page 2/,
    )
    expect(readManifest(s.manifest)?.pages).toHaveLength(1)
    const report = await harvestOpenAlex({ ...options, sink: s.sink, ...injected().time })
    expect(report.outcome.kind).toBe('complete')
    expect(server.requests.map((r) => r.offset)).toEqual([0, 50, 50, 100, 150])
    const rows = await s.store.runner.all(
      sql`SELECT count(*) AS n, count(DISTINCT openalex_id) AS d FROM works`,
    )
    expect(rows.map((r) => [Number(r.n), Number(r.d)])).toEqual([[130, 130]])
    expect(await s.storedIds()).toEqual(IDS)
    s.store.close()
  })

  it('refuses what retrying cannot fix (400, 401) with BAD_OPTION, retries 403 as rate limiting, checks options first', async () => {
    const server = await fakes.start({ works: CORPUS })
    const m = memorySink()
    const options = { baseUrl: `${server.url}/nowhere`, filter: FILTER, manifest: m.manifest, sink: m.sink }
    await expect(harvestOpenAlex({ ...options, ...injected().time })).rejects.toMatchObject({
      code: 'BAD_OPTION',
    })
    const bad = [
      { perPage: 0 },
      { perPage: 201 },
      { pagesPerCommit: 0 },
      { maxRequests: -1 },
      { retries: 1.5 },
      { filter: ' ' },
      { baseUrl: 'ftp://x' },
    ]
    for (const b of bad)
      await expect(harvestOpenAlex({ ...options, ...b })).rejects.toMatchObject({ code: 'BAD_OPTION' })
    expect(server.requests).toHaveLength(1)
    const plan: Fault[] = [
      { kind: 'status', status: 403 },
      { kind: 'status', status: 401 },
    ]
    const keyed = await fakes.start({ works: CORPUS, fault: (n) => plan[n - 1] ?? null })
    const run = harvestOpenAlex({ ...options, baseUrl: keyed.url, apiKey: 'wrong', ...injected().time })
    await expect(run).rejects.toMatchObject({ code: 'BAD_OPTION' })
    expect(keyed.requests.map((r) => r.fault)).toEqual(plan)
  })
})

const REAL = 'openalex-openalexpro-fixtures/openalex_works_340.jsonl'

describe.skipIf(!HAVE_SHARED_DATA)('harvesting real OpenAlex works through the fake API', () => {
  it('stores the 340 real works of openalexPro once each, through faults', async () => {
    const works = readFileSync(shared(REAL), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string })
    const server = await fakes.start({ works, fault: seededFaults(11, 0.3, ALL_FAULTS) })
    const s = await freshStore()
    const report = await harvestOpenAlex({
      baseUrl: server.url,
      filter: FILTER,
      perPage: 100,
      manifest: s.manifest,
      sink: s.sink,
      timeoutMs: 150,
      ...injected().time,
    })
    expect(report).toMatchObject({ outcome: { kind: 'complete' }, works: 340, problems: 0 })
    expect(await s.storedIds()).toEqual(works.map((w) => w.id.replace('https://openalex.org/', '')).sort())
    s.store.close()
  })
})
