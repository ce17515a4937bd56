// Benchmark: CONNECT's marketplace. (1) Import of 10,000 records (a JSON file of needs and offers) through
// `importRecords` (decode every field, check every constraint, one audit row each, one transaction), against a
// bare multi-row INSERT of the same rows into the same table on the same engine (no decoding, no audit) as the
// baseline. (2) With --store DIR: matching latency, p50 and p95 over 20 needs, of `matchRecord` (organisations,
// researchers and the 10,000 records, with reasons) against expertise search alone (institutions and researchers,
// no reasons, no records) on the same index; the index build (once per data version in the server) and the first
// match (which indexes the published records, once per change of them) are timed apart.
//   node bench/market.mjs [--store DIR|FILE.duckdb] [--records 10000]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  buildExpertiseIndex,
  CONNECT_MIGRATIONS,
  createMarket,
  matchRecord,
  recordQuery,
  searchExperts,
} from '@meridian/connect'
import { MIGRATIONS, openState } from '@meridian/state'
import { Store } from '@meridian/store'

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const N = Number(arg('records') ?? 10_000)
const mib = () => (process.resourceUsage().maxRSS / 1024).toFixed(0)
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]
const operator = { kind: 'operator', label: 'bench' }

const NOUNS =
  'sensors batteries catalysts membranes polymers coatings grids vaccines alloys circuits enzymes'.split(' ')
const ADJECTIVES = 'robust adaptive selective scalable modular anisotropic resilient hybrid'.split(' ')
/** Synthetic records: half needs, half offers, in the demo corpus's words. */
function records(n) {
  return Array.from({ length: n }, (_, i) => {
    const a = ADJECTIVES[i % ADJECTIVES.length]
    const b = NOUNS[(i * 7) % NOUNS.length]
    const c = NOUNS[(i * 3 + 1) % NOUNS.length]
    const offer = i % 2 === 1
    return {
      externalId: `B-${i}`,
      type: offer ? 'technology-offer' : 'technology-request',
      title: `${a} ${b} for ${c} (synthetic ${i})`,
      summary: `Synthetic benchmark record ${i}: ${a} ${b} used with ${c} in field conditions.`,
      ...(offer
        ? { advantage: `Lasts longer than today's ${b}.` }
        : { problem: `Present ${b} fail with ${c}.` }),
      keywords: [b, c],
      classes: ['H01M10/48'],
      trl: (i % 9) + 1,
      partnershipTypes: [offer ? 'licence' : 'research-cooperation'],
      contact: { name: `Contact ${i}`, email: `c${i}@example.org` },
      synthetic: true,
    }
  })
}

const dir = mkdtempSync(join(tmpdir(), 'meridian-market-bench-'))
try {
  const migrations = { ...MIGRATIONS, ...CONNECT_MIGRATIONS }
  const state = await openState({ dir: join(dir, 'state'), migrations })
  const market = createMarket(state)
  const text = JSON.stringify(records(N))
  let t = performance.now()
  const imported = await market.importRecords(operator, text, 'records.json', { publish: true })
  const importSeconds = (performance.now() - t) / 1000
  // The baseline: the same rows, already shaped, in one bare INSERT (batches of 1,000 bound rows).
  const rows = imported.created.map((r) => ({
    created_by: 'bench',
    type: r.type,
    status: 'published',
    external_id: `${r.externalId}-bare`,
    title: r.title,
    summary: r.summary,
    problem: r.problem,
    advantage: r.advantage,
    keywords: [...r.keywords],
    fields: [],
    classes: [...r.classes],
    nace: [],
    trl: r.trl,
    ipr_status: null,
    patent_number: null,
    partnership_types: [...r.partnershipTypes],
    partner_roles: [],
    partner_countries: [],
    languages: ['en'],
    contact: JSON.stringify(r.contact),
    review_reasons: [],
    synthetic: true,
    created_at: new Date(),
    updated_at: new Date(),
  }))
  t = performance.now()
  await market.context.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 1000)
      await trx
        .insertInto('market_records')
        .values(rows.slice(i, i + 1000))
        .execute()
  })
  const bareSeconds = (performance.now() - t) / 1000
  console.log(
    `import of ${N} records (PGlite): Meridian ${importSeconds.toFixed(2)} s, bare INSERT ${bareSeconds.toFixed(2)} s ` +
      `(${(importSeconds / bareSeconds).toFixed(1)}x; decoding, checks and ${N} audit rows), peak RSS ${mib()} MiB`,
  )
  const published = await market.listRecords(operator, { status: 'published' })
  await state.close()

  const storePath = arg('store')
  if (storePath === undefined) console.log('skipping matching latency: give --store DIR (a store directory)')
  else {
    const store = await Store.open({
      path: storePath.endsWith('.duckdb') ? storePath : join(storePath, 'meridian.duckdb'),
      readOnly: true,
    })
    t = performance.now()
    const index = await buildExpertiseIndex(store.runner)
    const buildSeconds = (performance.now() - t) / 1000
    const needs = published.filter((r) => r.type === 'technology-request').slice(0, 20)
    t = performance.now()
    matchRecord(index, needs[0], { records: published, options: { pageSize: 20 } })
    const firstSeconds = (performance.now() - t) / 1000
    const matchMs = []
    const searchMs = []
    for (const need of needs) {
      t = performance.now()
      const result = matchRecord(index, need, { records: published, options: { pageSize: 20 } })
      matchMs.push(performance.now() - t)
      if (result.rows.length === 0) throw new Error(`no match for ${need.title}`)
      t = performance.now()
      for (const kind of ['institution', 'author'])
        searchExperts(index, recordQuery(need), { kind, pageSize: 20, evidence: 3 })
      searchMs.push(performance.now() - t)
    }
    const [m50, m95, s50, s95] = [
      quantile(matchMs, 0.5),
      quantile(matchMs, 0.95),
      quantile(searchMs, 0.5),
      quantile(searchMs, 0.95),
    ]
    console.log(
      `matching on ${index.indexed} works and ${published.length} published records: index built in ` +
        `${buildSeconds.toFixed(1)} s (once per data version); first match ${firstSeconds.toFixed(1)} s (indexes the ` +
        `records); then matchRecord p50 ${m50.toFixed(0)} ms, p95 ` +
        `${m95.toFixed(0)} ms; expertise search alone p50 ${s50.toFixed(0)} ms, p95 ${s95.toFixed(0)} ms ` +
        `(${(m95 / s95).toFixed(1)}x at p95); peak RSS ${mib()} MiB`,
    )
    store.close()
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
