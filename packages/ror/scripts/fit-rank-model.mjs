// Fit the matcher's ranking model (a conditional logit over each string's candidates and "no
// organisation") on gold pairs, and write packages/ror/src/rank-model.ts.
//   npx tsc -b packages/ror && node packages/ror/scripts/fit-rank-model.mjs [--dry-run]
// Fitted on: the ROR API logs (all pairs whose gold is in the loaded registry, and the `NP` pairs), and the
// `fit` halves of the Crossref publisher-asserted pairs and of the OpenAlex institution gold (a hash of the
// string decides the half). The `held-out` halves are never seen here; their figures are the ones to quote.
// Data: ../shared/data (or $MERIDIAN_SHARED_DATA).
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import {
  CANDIDATE_FEATURES,
  NONE_FEATURES,
  createMatcher,
  goldHalf,
  goldScore,
  rankProbabilities,
  readGoldCsv,
  namedGoldKnown,
  namedGoldRight,
  readNamedGold,
  readRorRegistry,
  treeSum,
} from '../dist/index.js'

const DATA =
  process.env.MERIDIAN_SHARED_DATA ?? fileURLToPath(new URL('../../../../shared/data', import.meta.url))
const INPUTS = [
  'ror-records/ror_v2_latest_records.jsonl.gz',
  'ror-affiliation-matching/20230903_affiliation_matching_logs.csv',
  'ror-affiliation-matching/20230628_Crossref_publisher_asserted_affiliation_string_ROR_IDs.csv',
  'ror-affiliation-matching/openalex_institution_gold_v2/gold_data_institution_parsing_labeled.tsv',
  'ror-affiliation-matching/openalex_institution_gold_v2/sampled_200_labeled.tsv',
]
const absent = INPUTS.filter((file) => !existsSync(`${DATA}/${file}`))
if (absent.length > 0) {
  console.error(`fit-rank-model: missing in ${DATA}: ${absent.join(', ')}`)
  process.exit(1)
}
const OUT = fileURLToPath(new URL('../src/rank-model.ts', import.meta.url))
const dryRun = process.argv.includes('--dry-run')

const text = gunzipSync(readFileSync(`${DATA}/ror-records/ror_v2_latest_records.jsonl.gz`)).toString('utf8')
const registry = readRorRegistry(text, { file: 'ror_v2_latest_records.jsonl.gz' })
const rules = createMatcher(registry, { model: null })
const loaded = new Set(registry.records.map((r) => r.id))
const gold = (file) =>
  readGoldCsv(readFileSync(`${DATA}/ror-affiliation-matching/${file}`, 'utf8')).filter(
    (p) => p.rors.length === 0 || p.rors.some((id) => loaded.has(id)),
  )
const ids = (p) => ({
  affiliation: p.affiliation,
  hasGold: p.rors.length > 0,
  right: (id) => p.rors.includes(id),
})
const logs = gold('20230903_affiliation_matching_logs.csv').map(ids)
const crossref = gold('20230628_Crossref_publisher_asserted_affiliation_string_ROR_IDs.csv').map(ids)

// OpenAlex institution gold: labels are OpenAlex ids with names; a candidate is right when it has one of the
// labelled names. Pairs whose labels name no loaded organisation are left out.
const OPENALEX = `${DATA}/ror-affiliation-matching/openalex_institution_gold_v2`
const known = namedGoldKnown(registry.records)
const openalex = ['gold_data_institution_parsing_labeled.tsv', 'sampled_200_labeled.tsv']
  .flatMap((file) => readNamedGold(readFileSync(`${OPENALEX}/${file}`, 'utf8')))
  .filter(known)
  .map((p) => ({
    affiliation: p.affiliation,
    hasGold: p.names.length > 0,
    right: (id) => namedGoldRight(p, rules.record(id)),
  }))
const half = (pairs, which) => pairs.filter((p) => goldHalf(p.affiliation) === which)
const sets = {
  'ROR API logs': [logs, []],
  'Crossref publisher-asserted': [half(crossref, 'fit'), half(crossref, 'held-out')],
  'OpenAlex institution gold': [half(openalex, 'fit'), half(openalex, 'held-out')],
}
const fitPairs = Object.values(sets).flatMap(([fit]) => fit)

/** One example: candidate rows, none row, indexes of the right answers (the none index when no candidate is). */
function examples(pairs) {
  return pairs.map((p) => {
    const input = rules.rankingInput(p.affiliation)
    if (!input) return { pair: p, rows: [], none: [], right: [], candidates: [] }
    const right = input.candidates.flatMap((id, i) => (p.right(id) ? [i] : []))
    return {
      pair: p,
      candidates: input.candidates,
      rows: input.features,
      none: input.none,
      right: right.length > 0 ? right : [input.candidates.length],
    }
  })
}
const cached = new Map()
const examplesOf = (pairs) => {
  if (!cached.has(pairs)) cached.set(pairs, examples(pairs))
  return cached.get(pairs)
}
const train = Object.values(sets)
  .flatMap(([fit]) => examplesOf(fit))
  .filter((e) => e.rows.length > 0)
console.log(`fit on ${fitPairs.length} pairs (${train.length} with candidates)`)

// Standardise the candidate features (mean 0, sd 1 over all candidate rows) for the optimiser.
const K = CANDIDATE_FEATURES.length
const N = NONE_FEATURES.length
const mean = new Float64Array(K)
const sd = new Float64Array(K)
let rows = 0
for (const e of train) {
  for (const r of e.rows) {
    rows++
    r.forEach((x, k) => (mean[k] += x))
  }
}
mean.forEach((_, k) => (mean[k] /= rows))
for (const e of train) for (const r of e.rows) r.forEach((x, k) => (sd[k] += (x - mean[k]) ** 2))
sd.forEach((_, k) => (sd[k] = Math.sqrt(sd[k] / rows) || 1))
const z = (r) => r.map((x, k) => (x - mean[k]) / sd[k])
const data = train.map((e) => ({ rows: e.rows.map(z), none: e.none, right: e.right }))

const dot = (w, x) => x.reduce((a, xk, k) => a + w[k] * xk, 0)
const L2 = 1e-3
const w = new Float64Array(K + N)
const m = new Float64Array(K + N)
const v = new Float64Array(K + N)
const model = () => ({ candidate: [...w.slice(0, K)], none: [...w.slice(K)] })
for (let step = 1; step <= 3000; step++) {
  const g = new Float64Array(K + N)
  let loss = 0
  const current = model()
  for (const e of data) {
    const p = rankProbabilities(current, e.rows, e.none)
    const pr = e.right.reduce((a, i) => a + p[i], 0)
    loss -= Math.log(Math.max(pr, 1e-12))
    // d(-log sum_right p)/du_j = p_j - [j right] p_j / pr
    p.forEach((pj, j) => {
      const d = pj - (e.right.includes(j) ? pj / pr : 0)
      if (j < e.rows.length) e.rows[j].forEach((x, k) => (g[k] += d * x))
      else e.none.forEach((x, k) => (g[K + k] += d * x))
    })
  }
  for (let k = 0; k < K + N; k++) {
    const grad = g[k] / data.length + L2 * w[k]
    m[k] = 0.9 * m[k] + 0.1 * grad
    v[k] = 0.999 * v[k] + 0.001 * grad * grad
    w[k] -= (0.05 * (m[k] / (1 - 0.9 ** step))) / (Math.sqrt(v[k] / (1 - 0.999 ** step)) + 1e-8)
  }
  if (step % 500 === 0) console.log(`step ${step}: loss ${(loss / data.length).toFixed(4)}`)
}

// Back to raw features: u = sum w_k (x_k - mean_k) / sd_k; the constant moves to "no organisation".
const candidate = [...w.slice(0, K)].map((x, k) => x / sd[k])
const shift = [...w.slice(0, K)].reduce((a, x, k) => a + (x * mean[k]) / sd[k], 0)
const none = [...w.slice(K)]
none[0] += shift
const fitted = { candidate, none }

// Boosted regression trees on top of the linear model (Newton steps on the same likelihood), for what a
// weighted sum cannot say ("a city alone names its university" holds for short strings, not long ones).
const DEPTH = 3
const RATE = 0.2
const LAMBDA = 1
const MIN_HESSIAN = 1
const MAX_TREES = 800

function boost(exampleList, base, rounds, validation = []) {
  const rows = []
  const groups = []
  for (const e of exampleList) {
    const first = rows.length
    rows.push(...e.rows)
    const baseU = e.rows.map((x) => dot(base.candidate, x))
    groups.push({ first, e, baseU, noneU: dot(base.none, e.none) })
  }
  const R = rows.length
  const NODES = 2 ** (DEPTH + 1) - 1
  const columns = CANDIDATE_FEATURES.map((_, k) => Float64Array.from(rows, (r) => r[k]))
  const sorted = columns.map((col) => Int32Array.from(rows.keys()).sort((a, b) => col[a] - col[b]))
  const F = new Float64Array(R)
  const g = new Float64Array(R)
  const h = new Float64Array(R)
  const node = new Int32Array(R)
  const trees = []
  const losses = []
  for (let round = 0; round < rounds; round++) {
    for (const { first, e, baseU, noneU } of groups) {
      const u = baseU.map((x, j) => x + F[first + j])
      u.push(noneU)
      const max = Math.max(...u)
      const ex = u.map((x) => Math.exp(x - max))
      const total = ex.reduce((a, b) => a + b, 0)
      const p = ex.map((x) => x / total)
      const pr = e.right.reduce((a, i) => a + p[i], 0)
      for (let j = 0; j < baseU.length; j++) {
        g[first + j] = p[j] - (e.right.includes(j) ? p[j] / pr : 0)
        h[first + j] = Math.max(p[j] * (1 - p[j]), 1e-6)
      }
    }
    const tree = new Array(2 * NODES).fill(0)
    for (let n = 0; n < NODES; n++) tree[2 * n] = -1
    node.fill(0)
    const active = new Uint8Array(NODES)
    active[0] = 1
    for (let depth = 0; depth <= DEPTH; depth++) {
      const G = new Float64Array(NODES)
      const H = new Float64Array(NODES)
      for (let i = 0; i < R; i++) {
        const n = node[i]
        if (!active[n]) continue
        G[n] += g[i]
        H[n] += h[i]
      }
      const gain = new Float64Array(NODES).fill(1e-6)
      const feature = new Int32Array(NODES).fill(-1)
      const at = new Float64Array(NODES)
      if (depth < DEPTH) {
        for (let k = 0; k < columns.length; k++) {
          const col = columns[k]
          const order = sorted[k]
          const GL = new Float64Array(NODES)
          const HL = new Float64Array(NODES)
          const dirty = []
          for (let t = 0; t < R; t++) {
            const i = order[t]
            const n = node[i]
            if (!active[n]) continue
            GL[n] += g[i]
            HL[n] += h[i]
            if (!dirty.includes(n)) dirty.push(n)
            const v = col[i]
            const next = t + 1 < R ? col[order[t + 1]] : Infinity
            if (next <= v || next === Infinity) continue
            for (const d of dirty) {
              const gr = G[d] - GL[d]
              const hr = H[d] - HL[d]
              if (HL[d] < MIN_HESSIAN || hr < MIN_HESSIAN) continue
              const x = GL[d] ** 2 / (HL[d] + LAMBDA) + gr ** 2 / (hr + LAMBDA) - G[d] ** 2 / (H[d] + LAMBDA)
              if (x <= gain[d]) continue
              gain[d] = x
              feature[d] = k
              at[d] = (v + next) / 2
            }
            dirty.length = 0
          }
        }
      }
      for (let n = 0; n < NODES; n++) {
        if (!active[n]) continue
        if (feature[n] >= 0) {
          tree[2 * n] = feature[n]
          tree[2 * n + 1] = at[n]
        } else tree[2 * n + 1] = (-RATE * G[n]) / (H[n] + LAMBDA)
      }
      const next = new Uint8Array(NODES)
      let any = false
      for (let i = 0; i < R; i++) {
        const n = node[i]
        if (!active[n] || feature[n] < 0) continue
        node[i] = columns[feature[n]][i] <= at[n] ? 2 * n + 1 : 2 * n + 2
        next[node[i]] = 1
        any = true
      }
      active.set(next)
      if (!any) break
    }
    const added = [tree.map((x) => Math.round(x * 1e5) / 1e5)]
    trees.push(added[0])
    for (let i = 0; i < R; i++) F[i] += treeSum(added, rows[i])
    if (validation.length > 0) losses.push(logLoss({ ...base, trees }, validation))
  }
  return { trees, losses }
}

function logLoss(model, exampleList) {
  let loss = 0
  for (const e of exampleList) {
    const p = rankProbabilities(model, e.rows, e.none)
    loss -= Math.log(
      Math.max(
        1e-12,
        e.right.reduce((a, i) => a + p[i], 0),
      ),
    )
  }
  return loss / exampleList.length
}

// How many trees: the fewest past which the likelihood on a fifth of the fitting strings set aside stops improving.
const inner = (e) => createHash('sha1').update(`inner ${e.pair.affiliation}`).digest()[0] % 5 === 0
const { losses } = boost(
  train.filter((e) => !inner(e)),
  fitted,
  MAX_TREES,
  train.filter(inner),
)
const rounds = losses.indexOf(Math.min(...losses)) + 1
console.log(
  `trees: ${rounds} (validation log-loss ${losses[0].toFixed(4)} after one, ${Math.min(...losses).toFixed(4)} at best)`,
)
const { trees } = boost(train, fitted, rounds)
const boosted = { ...fitted, trees }

/** Precision, recall, F1 of a model at a threshold, as the matcher decides: the likeliest candidate, if likely enough. */
function score(model, threshold, exampleList) {
  let [tp, fp, fn] = [0, 0, 0]
  for (const e of exampleList) {
    let ror = null
    if (e.rows.length > 0) {
      const p = rankProbabilities(model, e.rows, e.none)
      let at = 0
      for (let i = 1; i < e.rows.length; i++) if (p[i] > p[at]) at = i
      if (p[at] >= threshold) ror = e.candidates[at]
    }
    if (ror !== null && e.pair.right(ror)) tp++
    else {
      if (ror !== null) fp++
      if (e.pair.hasGold) fn++
    }
  }
  return goldScore(exampleList.length, tp, fp, fn)
}
const f = (s) => `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`
// The threshold: the best F1 on the pairs fitted on, among thresholds with precision >= 0.92 there.
const fitExamples = Object.values(sets).flatMap(([fit]) => examplesOf(fit))
let best = null
for (let t = 0.3; t <= 0.9001; t += 0.05) {
  const s = score(boosted, t, fitExamples)
  const held = Object.entries(sets)
    .filter(([, [, out]]) => out.length > 0)
    .map(([name, [, out]]) => `${name} ${f(score(boosted, t, examplesOf(out)))}`)
  console.log(`threshold ${t.toFixed(2)}: fitted-on ${f(s)}; held out: ${held.join('; ')}`)
  if ((!best || s.f1 > best.f1) && s.precision >= 0.92) best = { t, f1: s.f1 }
}
if (!best) {
  console.error(
    'fit-rank-model: no threshold reaches precision 0.92 on the fitting strings; rank-model.ts left as it is',
  )
  process.exit(1)
}
const threshold = Math.round(best.t * 100) / 100
console.log(`threshold chosen: ${threshold}`)
const round = (x) => Math.round(x * 1e4) / 1e4
const lines = [
  `import type { RankModel } from './rank.js'`,
  ``,
  `// Written by packages/ror/scripts/fit-rank-model.mjs; do not edit by hand.`,
  `// Fitted on the ROR API logs and the 'fit' halves of the Crossref publisher-asserted pairs and the OpenAlex`,
  `// institution gold (${train.length} strings with candidates); the threshold is the best F1 there with`,
  `// precision >= 0.92.`,
  ``,
  `/** The fitted ranking model (weights in \`CANDIDATE_FEATURES\` and \`NONE_FEATURES\` order). */`,
  `export const RANK_MODEL: RankModel = {`,
  `  candidate: [`,
  ...CANDIDATE_FEATURES.map((name, k) => `    ${round(candidate[k])}, // ${name}`),
  `  ],`,
  `  none: [`,
  ...NONE_FEATURES.map((name, k) => `    ${round(none[k])}, // ${name}`),
  `  ],`,
  `  trees: [`,
  ...trees.map((tree) => `    [${tree.join(', ')}],`),
  `  ],`,
  `  threshold: ${threshold},`,
  `}`,
  ``,
]
if (dryRun) console.log(lines.join('\n'))
else {
  writeFileSync(OUT, lines.join('\n'))
  console.log(`wrote ${OUT}`)
}
