// Benchmark: sign-in and a typical authenticated write (create an API token: session + CSRF check, insert,
// audit row, one transaction) at 50 concurrent keep-alive clients on 127.0.0.1, on PGlite and on a PostgreSQL
// server, in one run. Baseline in the same run: a cached anonymous read (`GET /api/status`) on the same server.
//   node bench/workspace.mjs [--seconds 10] [--clients 50] [--database-url postgres://...]
// PostgreSQL: --database-url, else $MERIDIAN_TEST_DATABASE_URL; without either that engine is skipped.
import { spawn } from 'node:child_process'
import { Agent, request as httpRequest } from 'node:http'
import { resolve } from 'node:path'
import { flag, machineNote, ROOT } from './lib/env.mjs'
import { fmtInt, fmtMiB, table } from './lib/stats.mjs'

const seconds = Number(flag('seconds', 10))
const clients = Number(flag('clients', 50))
const databaseUrl = flag('database-url', process.env.MERIDIAN_TEST_DATABASE_URL)

function startServer(engine) {
  const child = spawn(
    process.execPath,
    [resolve(ROOT, 'bench/tasks/workspace-server.mjs'), engine, databaseUrl ?? ''],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  let out = ''
  const port = new Promise((done, fail) => {
    child.stdout.on('data', (chunk) => {
      out += chunk
      const match = /@@listening (\d+)/.exec(out)
      if (match) done(Number(match[1]))
    })
    child.once('exit', (code) => fail(new Error(`server exited ${code}`)))
  })
  const stop = () =>
    new Promise((done) => {
      child.once('exit', () => done(JSON.parse(/@@bench-result (.*)/.exec(out)?.[1] ?? '{}')))
      child.kill('SIGTERM')
    })
  return { port, stop }
}

// node:http with a keep-alive agent: fetch's overhead made the client, not the server, the bottleneck.
const agent = new Agent({ keepAlive: true, maxSockets: clients })

/** One request; resolves to `{ status, headers, body }`. */
function send(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((done, fail) => {
    const req = httpRequest(url, { method, headers, agent }, (response) => {
      const chunks = []
      response.on('data', (chunk) => chunks.push(chunk))
      response.on('end', () =>
        done({
          status: response.statusCode,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      )
      response.on('error', fail)
    })
    req.on('error', fail)
    req.end(body)
  })
}

const p95 = (values) => values.sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? NaN

/** `clients` loops sending `request(i)` for `seconds`; requests/s, p95 ms and errors. */
async function load(request) {
  const latencies = []
  let errors = 0
  const end = performance.now() + seconds * 1000
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < end) {
        const started = performance.now()
        const response = await request(client).catch(() => null)
        if (!response || response.status >= 400) errors++
        latencies.push(performance.now() - started)
      }
    }),
  )
  return { rps: latencies.length / seconds, p95: p95(latencies), errors, requests: latencies.length }
}

const rows = []
console.log(`# Workspace benchmark (${machineNote()}): ${clients} clients, ${seconds} s a measure`)
for (const engine of ['pglite', 'postgres']) {
  if (engine === 'postgres' && !databaseUrl) {
    console.log('SKIP postgres: give --database-url or MERIDIAN_TEST_DATABASE_URL')
    continue
  }
  const server = startServer(engine)
  const base = `http://127.0.0.1:${await server.port}`
  const json = { 'content-type': 'application/json' }
  const login = (client) =>
    fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: `user${client}@example.org`, password: 'bench password 123' }),
    })
  const sessions = []
  for (let i = 0; i < clients; i++) {
    const response = await login(i)
    sessions.push({
      cookie: response.headers.get('set-cookie').split(';')[0],
      csrf: (await response.json()).csrfToken,
    })
  }
  await send(`${base}/api/status`) // warm the cache: the baseline is a cached read
  let n = 0
  const figures = {
    'GET /api/status (baseline, cached read)': await load(() => send(`${base}/api/status`)),
    'POST /api/auth/login (Argon2id)': await load(login),
    'POST /api/auth/tokens (session, CSRF, insert + audit)': await load((client) =>
      send(`${base}/api/auth/tokens`, {
        method: 'POST',
        headers: { ...json, cookie: sessions[client].cookie, 'x-csrf-token': sessions[client].csrf },
        body: JSON.stringify({ name: `bench ${n++}` }),
      }),
    ),
  }
  const { maxRssMiB } = await server.stop()
  const baseline = figures['GET /api/status (baseline, cached read)'].rps
  for (const [name, f] of Object.entries(figures))
    rows.push([
      engine,
      name,
      fmtInt(f.rps),
      f.p95.toFixed(1),
      `${(f.rps / baseline).toFixed(3)}x`,
      fmtInt(f.errors),
      fmtMiB(maxRssMiB),
    ])
}
console.log(
  table(['engine', 'request', 'requests/s', 'p95 ms', 'vs baseline', 'errors', 'server peak RSS'], rows),
)
