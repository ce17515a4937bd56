// Benchmark: CONNECT partner recommendation. (1) The backtest on the 34 yearly OpenAlex country networks
// (../shared/data/openalex-world-country-coauthorship-bavla/WrldCo_years) at T = 2000, 2005, 2010, 2015 with
// H = 5: Meridian's whole backtest (signals, three fitted periods, seven models scored) against networkx's
// adamic_adar_index over the same candidate pairs (one signal only), when python3 with networkx is here, else a
// per-pair Set-intersection Adamic-Adar in JavaScript. (2) With --store DIR: recommendation latency at a level,
// cold (the first request, once per data version) and warm (p50, p95), against loading its yearly networks.
//   node bench/recommend.mjs [--store DIR] [--level institution|country|author] [--askers 10]
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { backtest, recommendPartners, yearlyFromPajek, yearlyFromStore } from '@meridian/connect'

const root = fileURLToPath(new URL('..', import.meta.url))
const dir = join(root, '..', 'shared', 'data', 'openalex-world-country-coauthorship-bavla', 'WrldCo_years')
const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const CUTOFFS = [2000, 2005, 2010, 2015]
const mib = () => (process.resourceUsage().maxRSS / 1024).toFixed(0)

if (!existsSync(dir)) console.log(`skipping the Pajek backtest: no ${dir}`)
else {
  let t = performance.now()
  const files = readdirSync(dir)
    .filter((n) => /^WrldCo\d{4}\.net$/.test(n))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }))
  const series = yearlyFromPajek(files)
  const readSeconds = (performance.now() - t) / 1000
  t = performance.now()
  const results = CUTOFFS.map((trainEnd) => backtest(series, { trainEnd, horizon: 5 }))
  const meridianSeconds = (performance.now() - t) / 1000
  // The same candidate pairs for the baseline: active units by T, not tied by T (cumulative from 1990).
  const cases = CUTOFFS.map((T) => {
    const tied = new Set()
    const active = new Set()
    const edges = []
    for (const s of series.slices) {
      if (s.year > T) continue
      for (let e = 0; e < s.source.length; e++) {
        const key = `${s.source[e]} ${s.target[e]}`
        if (!tied.has(key)) {
          tied.add(key)
          edges.push([s.source[e], s.target[e]])
        }
        active.add(s.source[e]).add(s.target[e])
      }
      s.output.forEach((o, i) => o > 0 && active.add(i))
    }
    const nodes = [...active].sort((a, b) => a - b)
    const pairs = []
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++)
        if (!tied.has(`${nodes[i]} ${nodes[j]}`)) pairs.push([nodes[i], nodes[j]])
    return { T, nodes, edges, pairs }
  })
  let baseline = 'networkx adamic_adar_index (python3)'
  let baselineSeconds
  const python = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' })
  if (python.status === 0) {
    const tmp = mkdtempSync(join(tmpdir(), 'meridian-bench-'))
    writeFileSync(join(tmp, 'cases.json'), JSON.stringify(cases))
    const script = `
import json, time, networkx as nx
cases = json.load(open(${JSON.stringify(join(tmp, 'cases.json'))}))
t = time.perf_counter()
n = 0
for c in cases:
    g = nx.Graph()
    g.add_nodes_from(c['nodes'])
    g.add_edges_from(c['edges'])
    for u, v, p in nx.adamic_adar_index(g, [tuple(x) for x in c['pairs']]):
        n += 1
print(time.perf_counter() - t, n)`
    const out = spawnSync('python3', ['-c', script], { encoding: 'utf8' })
    rmSync(tmp, { recursive: true, force: true })
    baselineSeconds = Number(out.stdout.trim().split(' ')[0])
  } else {
    baseline = 'per-pair Set-intersection Adamic-Adar (JavaScript; no networkx here)'
    t = performance.now()
    for (const c of cases) {
      const nb = new Map(c.nodes.map((v) => [v, new Set()]))
      for (const [a, b] of c.edges) {
        nb.get(a).add(b)
        nb.get(b).add(a)
      }
      for (const [u, v] of c.pairs) {
        let s = 0
        for (const w of nb.get(u)) if (nb.get(v).has(w)) s += 1 / Math.log(nb.get(w).size)
        void s
      }
    }
    baselineSeconds = (performance.now() - t) / 1000
  }
  console.log(
    `Backtest, ${series.slices.length} yearly country networks, ${series.ids.length} units; read ${readSeconds.toFixed(2)} s`,
  )
  console.log(
    `cut-offs ${CUTOFFS.join(', ')}, H = 5, ${cases.reduce((s, c) => s + c.pairs.length, 0)} candidate pairs`,
  )
  console.log(`meridian backtest (learn + 13 signals + 7 models): ${meridianSeconds.toFixed(2)} s`)
  console.log(`baseline ${baseline}, Adamic-Adar only: ${baselineSeconds.toFixed(2)} s`)
  console.log(
    `ratio meridian / baseline: ${(meridianSeconds / baselineSeconds).toFixed(2)}x; peak RSS ${mib()} MiB`,
  )
  for (const r of results)
    console.log(
      `  T=${r.method.trainEnd}: ${r.rows.map((row) => `${row.model} ${row.auc}/${row.precisionAt20}`).join('  ')}`,
    )
}

const storeDir = arg('store')
if (storeDir) {
  const { Store } = await import('@meridian/store')
  const store = await Store.open({ path: join(storeDir, 'meridian.duckdb'), readOnly: true })
  const askers = Number(arg('askers') ?? 10)
  const level = arg('level') ?? 'institution'
  // Cold: what the first request of a level pays once per data version (networks loaded, model learned, the
  // past backtest run). Warm: each later request (the server keeps the networks and models on its worker).
  let t = performance.now()
  const series = await yearlyFromStore(store.runner, { level })
  const load = performance.now() - t
  t = performance.now()
  recommendPartners(series, { unit: series.ids[0] })
  const cold = performance.now() - t + load
  const times = []
  for (let i = 1; i <= askers; i++) {
    t = performance.now()
    recommendPartners(series, { unit: series.ids[(i * 7919) % series.ids.length] })
    times.push(performance.now() - t)
  }
  store.close()
  const q = (v, p) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.ceil(p * v.length) - 1)]
  console.log(`Recommendation, ${level} level, ${series.ids.length} units, ${askers} askers, ${storeDir}`)
  console.log(
    `cold (load + learn + rank + past backtest): ${(cold / 1000).toFixed(2)} s; baseline: loading the yearly networks alone ${(load / 1000).toFixed(2)} s; ratio ${(cold / load).toFixed(1)}x`,
  )
  console.log(
    `warm (rank + reasons, model kept): p50 ${(q(times, 0.5) / 1000).toFixed(3)} s, p95 ${(q(times, 0.95) / 1000).toFixed(3)} s; p95 against the load: ${(q(times, 0.95) / load).toFixed(2)}x; peak RSS ${mib()} MiB`,
  )
}
