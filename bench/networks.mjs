// Benchmark: Leiden clustering and VOS layout on synthetic co-authorship graphs, against python3-igraph's
// Leiden on the same graph in the same run. Not a test: prints figures, never fails on time.
//   npx tsc -b && node bench/networks.mjs [--links 100000,1000000] [--iterations 2] [--layout-iterations 1]
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}
const PYTHON = '/usr/bin/python3' // the Debian python3-igraph lives beside the system interpreter

/** A seeded co-authorship graph: papers of 2-6 authors, mostly from one community of ~50; full counting. */
function synthetic(targetLinks, seed = 1) {
  let s = seed >>> 0
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const authors = Math.max(100, Math.round(targetLinks / 5))
  const communities = Math.ceil(authors / 50)
  const pairs = new Map()
  while (pairs.size < targetLinks) {
    const size = 2 + Math.floor(rand() * 5)
    const home = Math.floor(rand() * communities)
    const team = new Set()
    while (team.size < size) {
      const c = rand() < 0.9 ? home : Math.floor(rand() * communities)
      team.add(Math.min(authors - 1, c * 50 + Math.floor(rand() * 50)))
    }
    const members = [...team].sort((a, b) => a - b)
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        const key = members[i] * authors + members[j]
        pairs.set(key, (pairs.get(key) ?? 0) + 1)
      }
  }
  const lines = []
  for (const [key, w] of pairs) lines.push(`${Math.floor(key / authors)} ${key % authors} ${w}`)
  return { authors, text: lines.join('\n') + '\n', links: pairs.size }
}

function readEdges(file) {
  const rows = readFileSync(file, 'utf8').trim().split('\n')
  let n = 0
  const links = rows.map((row) => {
    const [a, b, w] = row.split(' ').map(Number)
    n = Math.max(n, a + 1, b + 1)
    return { source: a, target: b, strength: w }
  })
  return { n, links }
}

/** Child process: one measured run; prints one JSON line. */
async function child(kind, file, iterations) {
  const { makeNetwork, leiden, vosLayout } = await import('@meridian/networks')
  const { n, links } = readEdges(file)
  const nodes = Array.from({ length: n }, (_, i) => ({ id: String(i), label: String(i), weights: {} }))
  const network = makeNetwork(nodes, links)
  const start = performance.now()
  let quality = null
  if (kind === 'leiden') quality = leiden.detailed(network, { seed: 1, iterations }).modularity
  else vosLayout.detailed(network, { seed: 1, maxIterations: iterations })
  const seconds = (performance.now() - start) / 1000
  const maxRssMiB = process.resourceUsage().maxRSS / 1024
  console.log(JSON.stringify({ seconds, maxRssMiB, quality }))
}

const IGRAPH = `
import igraph, resource, sys, time
n_iter = int(sys.argv[2])
rows = [l.split() for l in open(sys.argv[1])]
g = igraph.Graph(edges=[(int(a), int(b)) for a, b, _ in rows], directed=False)
g.es["weight"] = [float(w) for _, _, w in rows]
t = time.perf_counter()
p = g.community_leiden(objective_function="modularity", weights="weight", resolution_parameter=1, n_iterations=n_iter)
s = time.perf_counter() - t
print('{"seconds": %f, "maxRssMiB": %f, "quality": %.6f}' % (s, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, g.modularity(p, weights="weight")))
`

function measure(command, args) {
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 })
  if (run.status !== 0) return { error: (run.stderr || run.stdout).trim().split('\n').slice(-1)[0] }
  return JSON.parse(run.stdout.trim().split('\n').at(-1))
}

async function parent() {
  const sizes = arg('links', '100000,1000000').split(',').map(Number)
  const iterations = Number(arg('iterations', '2'))
  const layoutIterations = Number(arg('layout-iterations', '1'))
  const igraph = spawnSync(PYTHON, ['-c', 'import igraph; print(igraph.__version__)'], { encoding: 'utf8' })
  const igraphVersion = igraph.status === 0 ? igraph.stdout.trim() : null
  if (!igraphVersion) console.log(`python3-igraph is not available (${PYTHON} -c "import igraph" failed)`)
  const dir = mkdtempSync(join(tmpdir(), 'meridian-bench-networks-'))
  const self = fileURLToPath(import.meta.url)
  const f = (x, d = 2) => (x == null ? '-' : x.toFixed(d))
  try {
    console.log(
      `Leiden (modularity, resolution 1, ${iterations} iterations, seed 1); igraph ${igraphVersion ?? 'absent'}`,
    )
    console.log(
      'links      nodes    ours s  igraph s  time x  ours MiB  igraph MiB  mem x  ours Q    igraph Q',
    )
    for (const size of sizes) {
      const graph = synthetic(size)
      const file = join(dir, `g${size}.txt`)
      writeFileSync(file, graph.text)
      const ours = measure(process.execPath, [self, '--child', 'leiden', file, String(iterations)])
      const theirs = igraphVersion ? measure(PYTHON, ['-c', IGRAPH, file, String(iterations)]) : {}
      if (ours.error || theirs.error) console.log(`${size}: ${ours.error ?? ''} ${theirs.error ?? ''}`)
      console.log(
        [
          String(graph.links).padEnd(10),
          String(graph.authors).padEnd(8),
          f(ours.seconds).padStart(7),
          f(theirs.seconds).padStart(9),
          f(ours.seconds / theirs.seconds).padStart(7),
          f(ours.maxRssMiB, 0).padStart(9),
          f(theirs.maxRssMiB, 0).padStart(11),
          f(ours.maxRssMiB / theirs.maxRssMiB).padStart(6),
          f(ours.quality, 4).padStart(8),
          f(theirs.quality, 4).padStart(10),
        ].join(' '),
      )
      if (size <= 200_000) {
        const layout = measure(process.execPath, [self, '--child', 'layout', file, String(layoutIterations)])
        console.log(
          `  VOS layout, ${layoutIterations} gradient-descent iterations: ${f(layout.seconds)} s, ${f(layout.maxRssMiB, 0)} MiB ` +
            `(${f(layout.seconds / layoutIterations)} s per iteration; O(n^2) per iteration, VOSviewer runs up to 1,000)`,
        )
      } else console.log('  VOS layout skipped: O(n^2) per iteration is impractical at this size')
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4], Number(process.argv[5]))
else await parent()
