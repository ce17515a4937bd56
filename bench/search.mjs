// Benchmark: CONNECT expertise search on the demo-sized synthetic store (20,000 works): index build and query
// latency, Meridian's index (segmenter, stemming, boosts, top-k aggregation) against the plain BM25 baseline
// (minisearch's defaults, units by plain sum), each in its own process so its peak RSS is its own.
//   node bench/search.mjs [--works 20000] [--queries 200]
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { count, machineNote } from './lib/env.mjs'
import { saveResults } from './lib/results.mjs'
import { fmtInt, fmtMiB, fmtRatio, fmtSec, table } from './lib/stats.mjs'
import { buildStore } from './lib/store.mjs'

const MARK = '@@search-result '
const SEED = 13

/** The q-quantile of a list of numbers (nearest rank). */
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
}

/** In the child: read the store, index it one way, run the queries; print the figures. */
async function child(file, method, queries) {
  const { Store } = await import('@meridian/store')
  const { indexCorpus, loadSearchCorpus, searchExperts } = await import('@meridian/connect')
  const store = await Store.open({ path: file, readOnly: true })
  let t = performance.now()
  const corpus = await loadSearchCorpus(store.runner)
  const loadSeconds = (performance.now() - t) / 1000
  t = performance.now()
  const index = indexCorpus(corpus, method)
  const indexSeconds = (performance.now() - t) / 1000
  // Queries: titles of seeded works without their "Synthetic work N:" prefix; every third one two words only.
  let a = SEED
  const next = () => (a = (Math.imul(a, 1664525) + 1013904223) >>> 0) / 2 ** 32
  const titles = corpus.texts.map((w) => w.title.replace(/^Synthetic work \d+:\s*/, ''))
  const asked = Array.from({ length: queries }, (_, i) => {
    const title = titles[Math.floor(next() * titles.length)] ?? ''
    return i % 3 === 2 ? title.split(' ').slice(0, 2).join(' ') : title
  })
  const times = []
  let units = 0
  for (const [i, query] of asked.entries()) {
    const kind = ['institution', 'author', 'country'][i % 3]
    const start = performance.now()
    units += searchExperts(index, query, { kind }).total
    times.push(performance.now() - start)
  }
  store.close()
  const result = {
    method,
    works: corpus.works.size,
    indexed: index.indexed,
    loadSeconds,
    indexSeconds,
    queryP50Ms: quantile(times, 0.5),
    queryP95Ms: quantile(times, 0.95),
    meanUnits: units / queries,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }
  process.stdout.write(`${MARK}${JSON.stringify(result)}\n`)
}

function runChild(file, method, queries) {
  return new Promise((done, fail) => {
    const proc = spawn(
      process.execPath,
      [fileURLToPath(import.meta.url), '--child', file, method, String(queries)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let out = ''
    proc.stdout.on('data', (chunk) => (out += chunk))
    proc.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(MARK))
      if (code === 0 && line) done(JSON.parse(line.slice(MARK.length)))
      else fail(new Error(`search child (${method}) exited with ${code}`))
    })
  })
}

export async function search({ works, queries }) {
  console.log(`# CONNECT expertise search benchmark (${machineNote()})`)
  const store = await buildStore(works)
  console.log(
    `\nindexing and ${queries} queries (institution, author, country in turn), each method in its own process ...`,
  )
  const meridian = await runChild(store.file, 'meridian', queries)
  const plain = await runChild(store.file, 'plain-bm25', queries)
  const row = (r, base) => [
    r.method,
    fmtSec(r.loadSeconds),
    fmtSec(r.indexSeconds),
    fmtRatio(r.indexSeconds / base.indexSeconds),
    r.queryP50Ms.toFixed(1),
    r.queryP95Ms.toFixed(1),
    fmtRatio(r.queryP95Ms / base.queryP95Ms),
    fmtInt(r.meanUnits),
    fmtMiB(r.maxRssMiB),
  ]
  console.log(
    `${fmtInt(meridian.indexed)} of ${fmtInt(meridian.works)} works have text\n` +
      table(
        [
          'method',
          'read s',
          'index s',
          'vs plain',
          'query p50 ms',
          'query p95 ms',
          'vs plain',
          'units/query',
          'peak RSS',
        ],
        [row(meridian, plain), row(plain, plain)],
      ),
  )
  return saveResults('search', {
    works,
    queries,
    store: { file: store.file, reused: store.reused },
    meridian,
    plain,
  })
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4], Number(process.argv[5]))
else if (import.meta.url === `file://${process.argv[1]}`)
  await search({ works: count('works', 20_000), queries: count('queries', 200) })
