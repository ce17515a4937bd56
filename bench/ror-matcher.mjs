// ROR registry load, matcher index build and matcher throughput, with precision/recall/F1 on the ROR gold
// sets (scored on pairs whose gold id is in the loaded registry). Needs the built package:
//   npx tsc -b packages/ror && node bench/ror-matcher.mjs
// Data: ../shared/data (or $MERIDIAN_SHARED_DATA). Prints figures; never fails on time.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { createMatcher, readGoldCsv, readRorRegistry, scoreMatches } from '../packages/ror/dist/index.js'

const DATA = process.env.MERIDIAN_SHARED_DATA ?? fileURLToPath(new URL('../../shared/data', import.meta.url))
if (!existsSync(`${DATA}/ror-records`)) {
  console.log(`ror-matcher: skipped, ${DATA}/ror-records is absent`)
  process.exit(0)
}

const ms = (t0) => (performance.now() - t0).toFixed(0)
let t0 = performance.now()
const text = gunzipSync(readFileSync(`${DATA}/ror-records/ror_v2_latest_records.jsonl.gz`)).toString('utf8')
const registry = readRorRegistry(text, { file: 'ror_v2_latest_records.jsonl.gz' })
console.log(`registry read: ${registry.records.length} organisations in ${ms(t0)} ms`)
t0 = performance.now()
const matcher = createMatcher(registry)
console.log(
  `matcher index build: ${ms(t0)} ms; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
)

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
  for (const p of kept.slice(0, 200)) matcher.match(p.affiliation) // warm up
  const cpu0 = process.cpuUsage()
  t0 = performance.now()
  const matches = kept.map((p) => matcher.match(p.affiliation))
  const wall = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  const s = scoreMatches(kept, matches)
  console.log(
    `${name}: ${kept.length} of ${gold.length} pairs scored; ` +
      `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (tp ${s.tp} fp ${s.fp} fn ${s.fn}); ` +
      `${((kept.length / wall) * 1000).toFixed(0)} strings/s wall, ` +
      `${((kept.length / ((cpu.user + cpu.system) / 1000)) * 1000).toFixed(0)} strings/s CPU`,
  )
}
