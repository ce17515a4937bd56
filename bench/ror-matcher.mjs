// ROR registry load, matcher index build, matcher throughput (single thread) and memory, with
// precision/recall/F1 on the ROR gold sets (scored on pairs whose gold id is in the loaded registry; the
// OpenAlex gold set by organisation name, as its labels are OpenAlex ids). The ranking model was fitted on
// the ROR API logs and one half of the other two sets (packages/ror/scripts/fit-rank-model.mjs): the
// held-out halves are the figures to quote. Baseline in the same run: the rules alone (`model: null`).
// Needs the built package:
//   npx tsc -b packages/ror && node bench/ror-matcher.mjs
// Data: ../shared/data (or $MERIDIAN_SHARED_DATA). Prints figures; never fails on time.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import {
  createMatcher,
  goldHalf,
  goldScore,
  readGoldCsv,
  namedGoldKnown,
  namedGoldRight,
  readNamedGold,
  readRorRegistry,
  scoreMatches,
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
// The baseline in the same run: the rules alone, without the ranking model.
const rules = createMatcher(registry, { model: null })

/** Time a matcher on affiliation strings: wall and CPU strings/s, after a warm-up. */
function timed(affiliations, m = matcher) {
  for (const a of affiliations.slice(0, 200)) m.match(a)
  const cpu0 = process.cpuUsage()
  const start = performance.now()
  const matches = affiliations.map((a) => m.match(a))
  const wall = performance.now() - start
  const cpu = process.cpuUsage(cpu0)
  sampleHeap()
  const rate = (x) => (affiliations.length / x) * 1000
  return { matches, wall: rate(wall), cpu: rate((cpu.user + cpu.system) / 1000) }
}
const speed = (t) => `${t.wall.toFixed(0)} strings/s wall, ${t.cpu.toFixed(0)} strings/s CPU`
const figures = (s) =>
  `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (tp ${s.tp} fp ${s.fp} fn ${s.fn})`
const heldOut = (pairs, matches) => {
  const keep = pairs.map((p) => goldHalf(p.affiliation) === 'held-out')
  return [pairs.filter((_, i) => keep[i]), matches.filter((_, i) => keep[i])]
}

const loaded = new Set(registry.records.map((r) => r.id))
for (const [name, file, halves] of [
  ['ROR API logs (all fitted on)', '20230903_affiliation_matching_logs.csv', false],
  [
    'Crossref publisher-asserted',
    '20230628_Crossref_publisher_asserted_affiliation_string_ROR_IDs.csv',
    true,
  ],
]) {
  const gold = readGoldCsv(readFileSync(`${DATA}/ror-affiliation-matching/${file}`, 'utf8'))
  const kept = gold.filter((p) => p.rors.length === 0 || p.rors.some((id) => loaded.has(id)))
  const model = timed(kept.map((p) => p.affiliation))
  const base = timed(
    kept.map((p) => p.affiliation),
    rules,
  )
  console.log(`${name}: ${kept.length} of ${gold.length} pairs scored (gold in the loaded registry)`)
  console.log(`  model, all pairs:      ${figures(scoreMatches(kept, model.matches))}; ${speed(model)}`)
  if (halves)
    console.log(`  model, held-out half:  ${figures(scoreMatches(...heldOut(kept, model.matches)))}`)
  console.log(`  rules alone, all:      ${figures(scoreMatches(kept, base.matches))}; ${speed(base)}`)
  if (halves) console.log(`  rules alone, held-out: ${figures(scoreMatches(...heldOut(kept, base.matches)))}`)
  console.log(`  throughput ratio model / rules: ${(model.cpu / base.cpu).toFixed(2)} (CPU)`)
}

// OpenAlex institution gold (tuning): labels are OpenAlex ids with names; a match is right when the
// matched record has one of the labelled names. Pairs whose labels name no loaded organisation are left out.
const OPENALEX = `${DATA}/ror-affiliation-matching/openalex_institution_gold_v2`
if (existsSync(OPENALEX)) {
  const pairs = ['gold_data_institution_parsing_labeled.tsv', 'sampled_200_labeled.tsv']
    .flatMap((file) => readNamedGold(readFileSync(`${OPENALEX}/${file}`, 'utf8')))
    .filter(namedGoldKnown(registry.records))
  const score = (list, matches) => {
    let [tp, fp, fn] = [0, 0, 0]
    list.forEach((p, i) => {
      const record = matches[i].ror ? matcher.record(matches[i].ror) : undefined
      if (namedGoldRight(p, record)) tp++
      else {
        if (record) fp++
        if (p.names.length > 0) fn++
      }
    })
    return goldScore(list.length, tp, fp, fn)
  }
  const model = timed(pairs.map((p) => p.affiliation))
  const base = timed(
    pairs.map((p) => p.affiliation),
    rules,
  )
  console.log(`OpenAlex institution gold (by name): ${pairs.length} pairs scored`)
  console.log(`  model, all pairs:      ${figures(score(pairs, model.matches))}; ${speed(model)}`)
  console.log(`  model, held-out half:  ${figures(score(...heldOut(pairs, model.matches)))}`)
  console.log(`  rules alone, all:      ${figures(score(pairs, base.matches))}; ${speed(base)}`)
  console.log(`  rules alone, held-out: ${figures(score(...heldOut(pairs, base.matches)))}`)
}

const { rss, heapUsed } = process.memoryUsage()
console.log(
  `memory: peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}, RSS now ${mib(rss)}, ` +
    `peak heap seen ${mib(Math.max(peakHeap, heapUsed))}`,
)
