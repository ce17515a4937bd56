// ROR registry load, matcher index build, matcher throughput (single thread) and memory, with
// precision/recall/F1 on the ROR gold sets (scored on pairs whose gold id is in the loaded registry; the
// OpenAlex gold set by organisation name, as its labels are OpenAlex ids). Needs the built package:
//   npx tsc -b packages/ror && node bench/ror-matcher.mjs
// Data: ../shared/data (or $MERIDIAN_SHARED_DATA). Prints figures; never fails on time.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import {
  createMatcher,
  readGoldCsv,
  readRorRegistry,
  scoreMatches,
  tokens,
} from '../packages/ror/dist/index.js'

const DATA = process.env.MERIDIAN_SHARED_DATA ?? fileURLToPath(new URL('../../shared/data', import.meta.url))
if (!existsSync(`${DATA}/ror-records`)) {
  console.log(`ror-matcher: skipped, ${DATA}/ror-records is absent`)
  process.exit(0)
}

const ms = (t0) => (performance.now() - t0).toFixed(0)
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`
let peakHeap = 0
const sampleHeap = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed))
let t0 = performance.now()
const text = gunzipSync(readFileSync(`${DATA}/ror-records/ror_v2_latest_records.jsonl.gz`)).toString('utf8')
const registry = readRorRegistry(text, { file: 'ror_v2_latest_records.jsonl.gz' })
console.log(`registry read: ${registry.records.length} organisations in ${ms(t0)} ms`)
t0 = performance.now()
const matcher = createMatcher(registry)
sampleHeap()
console.log(`matcher index build: ${ms(t0)} ms; heap ${mib(process.memoryUsage().heapUsed)}`)

/** Time the matcher on affiliation strings: wall and CPU strings/s, after a warm-up. */
function timed(affiliations) {
  for (const a of affiliations.slice(0, 200)) matcher.match(a)
  const cpu0 = process.cpuUsage()
  const start = performance.now()
  const matches = affiliations.map((a) => matcher.match(a))
  const wall = performance.now() - start
  const cpu = process.cpuUsage(cpu0)
  sampleHeap()
  const rate = (x) => ((affiliations.length / x) * 1000).toFixed(0)
  return {
    matches,
    speed: `${rate(wall)} strings/s wall, ${rate((cpu.user + cpu.system) / 1000)} strings/s CPU`,
  }
}
const figures = (s) =>
  `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (tp ${s.tp} fp ${s.fp} fn ${s.fn})`

const loaded = new Set(registry.records.map((r) => r.id))
for (const [name, file] of [
  ['ROR API logs (threshold chosen here)', '20230903_affiliation_matching_logs.csv'],
  [
    'Crossref publisher-asserted (held out)',
    '20230628_Crossref_publisher_asserted_affiliation_string_ROR_IDs.csv',
  ],
]) {
  const gold = readGoldCsv(readFileSync(`${DATA}/ror-affiliation-matching/${file}`, 'utf8'))
  const kept = gold.filter((p) => p.rors.length === 0 || p.rors.some((id) => loaded.has(id)))
  const { matches, speed } = timed(kept.map((p) => p.affiliation))
  const s = scoreMatches(kept, matches)
  console.log(`${name}: ${kept.length} of ${gold.length} pairs scored; ${figures(s)}; ${speed}`)
}

// OpenAlex institution gold (tuning): labels are OpenAlex ids with names; a match is right when the
// matched record has one of the labelled names. Pairs whose labels name no loaded organisation are left out.
const OPENALEX = `${DATA}/ror-affiliation-matching/openalex_institution_gold_v2`
if (existsSync(OPENALEX)) {
  const key = (name) => tokens(name).join(' ')
  const known = new Set(registry.records.flatMap((r) => r.names.map((n) => key(n.value))))
  const pairs = []
  for (const file of ['gold_data_institution_parsing_labeled.tsv', 'sampled_200_labeled.tsv']) {
    for (const line of readFileSync(`${OPENALEX}/${file}`, 'utf8').split('\n').slice(1)) {
      const [, affiliation, , labels] = line.split('\t')
      if (labels === undefined) continue
      const names = [...labels.matchAll(/['"](-?\d+) - (.*?)['"](?=, |\])/g)]
        .filter((m) => m[1] !== '-1')
        .map((m) => key(m[2]))
      if (names.length === 0 || names.some((n) => known.has(n))) pairs.push({ affiliation, names })
    }
  }
  const { matches, speed } = timed(pairs.map((p) => p.affiliation))
  let [tp, fp, fn] = [0, 0, 0]
  pairs.forEach((p, i) => {
    const record = matches[i].ror && matcher.record(matches[i].ror)
    if (record && record.names.some((n) => p.names.includes(key(n.value)))) tp++
    else {
      if (record) fp++
      if (p.names.length > 0) fn++
    }
  })
  const precision = tp / (tp + fp)
  const recall = tp / (tp + fn)
  const f1 = (2 * precision * recall) / (precision + recall)
  console.log(
    `OpenAlex institution gold (by name): ${pairs.length} pairs scored; ${figures({ precision, recall, f1, tp, fp, fn })}; ${speed}`,
  )
}

const { rss, heapUsed } = process.memoryUsage()
console.log(
  `memory: peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}, RSS now ${mib(rss)}, ` +
    `peak heap seen ${mib(Math.max(peakHeap, heapUsed))}`,
)
