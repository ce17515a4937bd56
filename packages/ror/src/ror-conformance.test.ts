import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { readGoldCsv, scoreMatches, type GoldScore } from './gold.js'
import { createMatcher, DEFAULT_THRESHOLD, type Matcher } from './matcher.js'
import { readRorRegistry, type RorRegistry } from './read-ror-registry.js'

const DATA =
  process.env['MERIDIAN_SHARED_DATA'] ?? fileURLToPath(new URL('../../../../shared/data', import.meta.url))
const MISSING = !existsSync(`${DATA}/ror-records`) || !existsSync(`${DATA}/ror-affiliation-matching`)
if (MISSING) console.warn(`ROR conformance tests skipped: shared data folder ${DATA} is absent`)

let registry: RorRegistry
let matcher: Matcher
let loaded: Set<string>

/** Score on the gold pairs whose gold id is in the loaded registry (a subset of ROR), plus `NP` pairs. */
function score(file: string): { total: number; kept: number; score: GoldScore } {
  const gold = readGoldCsv(readFileSync(`${DATA}/ror-affiliation-matching/${file}`, 'utf8'))
  const kept = gold.filter((pair) => pair.rors.length === 0 || pair.rors.some((id) => loaded.has(id)))
  const matches = kept.map((pair) => matcher.match(pair.affiliation))
  const result = { total: gold.length, kept: kept.length, score: scoreMatches(kept, matches) }
  return result
}

describe.skipIf(MISSING)('ROR registry and matcher on real data', () => {
  beforeAll(() => {
    const text = gunzipSync(readFileSync(`${DATA}/ror-records/ror_v2_latest_records.jsonl.gz`)).toString(
      'utf8',
    )
    registry = readRorRegistry(text, { file: 'ror_v2_latest_records.jsonl.gz' })
    matcher = createMatcher(registry)
    loaded = new Set(registry.records.map((r) => r.id))
  })

  it('reads all 35,990 v2 records and the 3,000 v1 records without a problem', () => {
    expect(registry.records).toHaveLength(35_990)
    expect(registry.problems).toEqual([])
    expect(new Set(registry.records.map((r) => r.country)).size).toBe(213)
    const v1 = readRorRegistry(readFileSync(`${DATA}/ror-records/ror_v1_sample_3000.json`, 'utf8'), {
      file: 'v1',
    })
    expect(v1.records).toHaveLength(3000)
    expect(v1.problems).toEqual([])
  })

  // Threshold chosen on this set (the best F1 of 0.50, 0.55, ..., 0.90).
  it('scores as pinned on the ROR API logs (threshold-tuning set)', () => {
    const { total, kept, score: s } = score('20230903_affiliation_matching_logs.csv')
    expect(DEFAULT_THRESHOLD).toBe(0.85)
    // 1,379 strings: 556 `NP` (no organisation) kept, 529 of the 823 with gold ids in the loaded registry.
    // Many `NP` strings name an organisation the registry has ("Korea University"): precision is capped.
    expect([total, kept]).toEqual([1379, 1085])
    expect([s.tp, s.fp, s.fn]).toEqual([437, 87, 92])
    expect(s.precision).toBeCloseTo(0.834, 3)
    expect(s.recall).toBeCloseTo(0.826, 3)
    expect(s.f1).toBeCloseTo(0.83, 3)
  })

  // Held out: never used to choose thresholds or rules.
  it('scores as pinned on the Crossref publisher-asserted pairs (held out)', () => {
    const {
      total,
      kept,
      score: s,
    } = score('20230628_Crossref_publisher_asserted_affiliation_string_ROR_IDs.csv')
    // 13,495 pairs (13,512 lines: some strings hold line breaks), 10,591 (78.5 %) with gold in the registry.
    expect([total, kept]).toEqual([13_495, 10_591])
    expect([s.tp, s.fp, s.fn]).toEqual([8837, 1068, 1754])
    expect(s.precision).toBeCloseTo(0.892, 3)
    expect(s.recall).toBeCloseTo(0.834, 3)
    expect(s.f1).toBeCloseTo(0.862, 3)
  })
})
