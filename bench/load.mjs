// Benchmark: a freshly started `meridian serve` on the demo store under 50 keep-alive clients on 127.0.0.1
// (asking for gzip, as browsers do).
// (a) cold 5-route mix; (b) cached routes while cold queries run; (c) varied parameters (mostly cold); baseline
// in the same run: a cached `GET /api/status`. Server RSS before, peak, right after and 60 s after the load.
//   node bench/load.mjs [--works 20000] [--clients 50] [--port 55443] [--rounds 6] [--settle 60]
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { Agent, request as httpRequest } from 'node:http'
import os from 'node:os'
import { resolve } from 'node:path'
import { flag, machineNote, outPath, ROOT } from './lib/env.mjs'
import { fmtInt, fmtMiB, table } from './lib/stats.mjs'

const works = Number(flag('works', 20_000))
const clients = Number(flag('clients', 50))
const port = Number(flag('port', 55443))
const rounds = Number(flag('rounds', 6))
const settle = Number(flag('settle', 60))
const CLI = resolve(ROOT, 'apps/cli/bin/meridian.js')

/** The demo store (`meridian demo --works N`), built once per size and reused. */
function demoStore() {
  const dir = outPath(`load-demo-${works}`)
  if (existsSync(resolve(dir, 'meridian.duckdb'))) return dir
  console.log(`building the demo store (${fmtInt(works)} works) in ${dir} ...`)
  const built = spawnSync(
    process.execPath,
    [CLI, 'demo', '--works', String(works), '--no-serve', '--quiet', '--store', dir],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  if (built.status !== 0) throw new Error(`meridian demo exited with ${built.status}`)
  return dir
}

/** `meridian serve` in its own process; resolves once it listens and has warmed its default views. */
function startServer(dir) {
  const child = spawn(process.execPath, [CLI, 'serve', '--store', dir, '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let err = ''
  const ready = new Promise((done, fail) => {
    const started = performance.now()
    child.stderr.on('data', (chunk) => {
      err += chunk
      const line = /^(warmed|warning: warming).*$/m.exec(err)
      if (line) done({ warm: line[0], seconds: (performance.now() - started) / 1000 })
    })
    child.once('exit', (code) => fail(new Error(`meridian serve exited ${code}: ${err}`)))
  })
  child.stdout.resume()
  const stop = () =>
    new Promise((done) => {
      child.once('exit', done)
      child.kill('SIGTERM')
    })
  return { pid: child.pid, ready, stop }
}

/** The server's resident set now and at its peak (Linux), MiB. */
function rss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN)
  return { now: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 }
}

const agent = new Agent({ keepAlive: true, maxSockets: clients })
function get(url) {
  return new Promise((done, fail) => {
    // As the dashboard's browser asks: compressed.
    const req = httpRequest(url, { agent, headers: { 'accept-encoding': 'gzip' } }, (response) => {
      response.resume()
      response.on('end', () => done(response.statusCode))
      response.on('error', fail)
    })
    req.on('error', fail)
    req.end()
  })
}

const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN

/** `count` loops, each sending `next(client, i)` until it returns null; p50, p95, max, errors, requests/s. */
async function load(count, next) {
  const latencies = []
  let errors = 0
  const statuses = new Map()
  const started = performance.now()
  await Promise.all(
    Array.from({ length: count }, async (_, client) => {
      for (let i = 0; ; i++) {
        const url = next(client, i)
        if (url === null) return
        const t = performance.now()
        const status = await get(url).catch(() => 0)
        if (status !== 200) {
          errors++
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
        }
        latencies.push(performance.now() - t)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  return {
    requests: latencies.length,
    errors,
    statuses: [...statuses].map(([status, n]) => `${n} x ${status || 'failed'}`).join(', '),
    rps: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    max: Math.max(...latencies),
    seconds,
  }
}

// The five routes of bench/api.mjs: what the 5-route mix measured.
const MIX = [
  '/api/indicators/international-share',
  '/api/indicators/output?byYear=true',
  '/api/indicators/bilateral-matrix',
  '/api/matrix?countries=CN,US,DE,GB,FR&normalization=salton',
  '/api/countries/CN/profile',
]
const COUNTRIES = ['CN', 'US', 'DE', 'GB', 'IN', 'IT', 'FR', 'JP', 'ES', 'CA', 'RU', 'AU', 'KR']
const INDICATORS = ['output', 'international-share', 'leadership', 'partners', 'collaboration-types']
const NORMS = ['counts', 'salton', 'jaccard']

/** The n-th request with varied parameters (a country, an indicator or a matrix, over a range of years). */
function varied(n) {
  const from = 2015 + (n % 7)
  const to = from + 2 + ((n >> 3) % 3)
  const c = (k) => COUNTRIES[(n + k * 5) % COUNTRIES.length]
  switch (n % 3) {
    case 0:
      return `/api/countries/${c(0)}/profile?years=${from}-${to}`
    case 1:
      return `/api/indicators/${INDICATORS[(n >> 2) % INDICATORS.length]}?years=${from}-${to}`
    default:
      return `/api/matrix?countries=${c(0)},${c(1)},${c(2)}&normalization=${NORMS[n % NORMS.length]}&years=${from}-${to}`
  }
}

const load1 = () => os.loadavg()[0].toFixed(2)
const loads = []
console.log(
  `# Load benchmark (${machineNote()}): meridian serve, ${fmtInt(works)}-work demo store, ${clients} clients`,
)
const dir = demoStore()
loads.push(['before start', load1()])
const server = startServer(dir)
const base = `http://127.0.0.1:${port}`
const { warm, seconds: startSeconds } = await server.ready
const memory = { 'after start and warm-up': rss(server.pid).now }
console.log(`server up and ${warm} (${startSeconds.toFixed(1)} s after spawn)`)
let peakDuring = 0
const sampler = setInterval(() => (peakDuring = Math.max(peakDuring, rss(server.pid).now)), 250)

const figures = {}
loads.push(['(a) cold mix', load1()])
// (a) every client sends the five routes once per round, starting at a different one: all cold at first.
figures['(a) cold 5-route mix'] = await load(clients, (client, i) =>
  i < 5 * Math.max(1, rounds / 3) ? base + MIX[(client + i) % MIX.length] : null,
)
await get(`${base}/api/status`)
loads.push(['baseline', load1()])
figures['baseline: cached GET /api/status'] = await load(clients, (_, i) =>
  i < 20 ? `${base}/api/status` : null,
)
// (b) half the clients ask cold questions; the other half ask cached ones until the cold ones are done.
loads.push(['(b) cached under cold load', load1()])
let coldDone = false
const cold = load(clients / 2, (client, i) =>
  i < rounds ? base + varied(10_000 + client * rounds + i) : null,
).then((f) => ((coldDone = true), f))
figures['(b) cached mix while cold queries run'] = await load(clients / 2, (client, i) =>
  coldDone ? null : base + MIX[(client + i) % MIX.length],
)
figures['(b) ... the cold queries meanwhile'] = await cold
// (c) every client asks questions with varied parameters (some repeat across clients, most are cold).
loads.push(['(c) varied', load1()])
figures['(c) varied parameters'] = await load(clients, (client, i) =>
  i < rounds ? base + varied(client * rounds + i) : null,
)
memory['after (c)'] = rss(server.pid).now
// (c) again with other parameters: memory that is bounded levels off instead of growing with each run.
loads.push(['(c) again, other parameters', load1()])
figures['(c) again, other parameters'] = await load(clients, (client, i) =>
  i < rounds ? base + varied(50_000 + client * rounds + i) : null,
)
clearInterval(sampler)
memory['peak during the load (sampled)'] = peakDuring
memory['right after the load'] = rss(server.pid).now
loads.push(['after the load', load1()])
agent.destroy()
console.log(`waiting ${settle} s for memory to settle ...`)
await new Promise((done) => setTimeout(done, settle * 1000))
memory[`${settle} s after the load`] = rss(server.pid).now
memory['peak (VmHWM)'] = rss(server.pid).peak
await server.stop()

const baseline = figures['baseline: cached GET /api/status']
const TARGETS = {
  '(a) cold 5-route mix': 'zero errors, p95 < 2000 ms',
  '(b) cached mix while cold queries run': 'p95 < 50 ms',
  '(c) varied parameters': 'p95 < 1000 ms',
  '(c) again, other parameters': 'p95 < 1000 ms',
}
console.log(
  table(
    [
      'measure',
      'requests',
      'errors',
      'requests/s',
      'p50 ms',
      'p95 ms',
      'max ms',
      'p95 vs baseline',
      'target',
    ],
    Object.entries(figures).map(([name, f]) => [
      name,
      fmtInt(f.requests),
      f.errors ? `${fmtInt(f.errors)} (${f.statuses})` : '0',
      fmtInt(f.rps),
      f.p50.toFixed(1),
      f.p95.toFixed(1),
      f.max.toFixed(0),
      `${(f.p95 / baseline.p95).toFixed(1)}x`,
      TARGETS[name] ?? '',
    ]),
  ),
)
console.log(
  table(
    ['server RSS', 'MiB'],
    Object.entries(memory).map(([k, v]) => [k, fmtMiB(v)]),
  ),
)
console.log(table(['load average (1 min) at', 'value'], loads))
