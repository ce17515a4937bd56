// Benchmark: the indicator engine against the same figures written by hand in DuckDB SQL, on one store, same run.
//   node bench/indicators-vs-sql.mjs --store bench/out/indicators-1m.duckdb [--repeats 3]
// The hand-written queries read the same fact tables directly (no unit relation, no periods, no coverage query);
// the ratio is our overhead. Intervals are off: the hand-written side has none.
import { evaluate, indicator, sql } from '@meridian/indicators'
import { Store } from '@meridian/store'
import { flag } from './lib/env.mjs'
import { fmtRatio, fmtSec, median, table } from './lib/stats.mjs'

const path = flag('store', undefined)
if (!path || path === true)
  throw new Error('--store <file.duckdb> is required (e.g. a store built by bench/indicators.mjs)')
const repeats = Number(flag('repeats', 3))

const HAND = {
  'output full': `SELECT country, count(*) AS value FROM work_countries WHERE policy = 'iso' GROUP BY country`,
  'output fractional': `SELECT country, sum(fractional) AS value FROM work_countries WHERE policy = 'iso' GROUP BY country`,
  'international-share': `SELECT country, count(*) AS works, sum(CASE WHEN n_countries >= 2 THEN 1 ELSE 0 END) AS intl
    FROM work_countries WHERE policy = 'iso' GROUP BY country`,
  'collaboration-types': `SELECT c.country, count(*) AS works,
      sum(CASE WHEN f.collab_type = 'single-institution' THEN 1 ELSE 0 END) AS single,
      sum(CASE WHEN f.collab_type = 'domestic' THEN 1 ELSE 0 END) AS domestic,
      sum(CASE WHEN f.collab_type = 'international' THEN 1 ELSE 0 END) AS intl
    FROM work_countries c JOIN work_facts f ON f.work_id = c.work_id AND f.policy = c.policy
    WHERE c.policy = 'iso' GROUP BY c.country`,
  leadership: `SELECT c.country, count(*) AS intl, sum(CASE WHEN c.is_corresponding THEN 1 ELSE 0 END) AS led,
      sum(CASE WHEN f.corresponding_known THEN 1 ELSE 0 END) AS known
    FROM work_countries c JOIN work_facts f ON f.work_id = c.work_id AND f.policy = c.policy
    WHERE c.policy = 'iso' AND c.n_countries >= 2 GROUP BY c.country`,
  partners: `WITH pairs AS (SELECT a.country, b.country AS partner, count(*) AS m FROM work_countries a
      JOIN work_countries b ON b.work_id = a.work_id AND b.policy = a.policy AND b.country <> a.country
      WHERE a.policy = 'iso' GROUP BY a.country, b.country),
    t AS (SELECT country, sum(m) AS total FROM pairs GROUP BY country)
    SELECT p.country, count(*) AS partners, sum((p.m / t.total) * (p.m / t.total)) AS hhi
    FROM pairs p JOIN t USING (country) GROUP BY p.country`,
  'bilateral-matrix': `SELECT a.country, b.country AS partner, count(*) AS m FROM work_countries a
    JOIN work_countries b ON b.work_id = a.work_id AND b.policy = a.policy WHERE a.policy = 'iso'
    GROUP BY a.country, b.country`,
}
const OURS = {
  'output full': ['output', {}],
  'output fractional': ['output', { counting: 'fractional' }],
  'international-share': ['international-share', {}],
  'collaboration-types': ['collaboration-types', {}],
  leadership: ['leadership', {}],
  partners: ['partners', {}],
  'bilateral-matrix': ['bilateral-matrix', {}],
}

const store = await Store.open({ path, readOnly: true })
const time = async (f) => {
  const t = performance.now()
  await f()
  return (performance.now() - t) / 1000
}
const rows = []
let handTotal = 0
let oursTotal = 0
for (const name of Object.keys(HAND)) {
  const hand = []
  const ours = []
  for (let i = 0; i < repeats; i++) {
    // Interleaved, so drift in the machine's load hits both alike.
    hand.push(await time(() => store.runner.all(sql([HAND[name]]))))
    const [id, options] = OURS[name]
    ours.push(await time(() => evaluate(store.runner, indicator(id), { ...options, intervals: false })))
  }
  const h = median(hand)
  const o = median(ours)
  handTotal += h
  oursTotal += o
  rows.push([name, fmtSec(h), fmtSec(o), fmtRatio(o / h)])
}
rows.push(['all', fmtSec(handTotal), fmtSec(oursTotal), fmtRatio(oursTotal / handTotal)])
console.log(`# Indicators vs hand-written DuckDB SQL on ${path} (median of ${repeats}, interleaved)`)
console.log(table(['indicator', 'hand-written s', 'Meridian s', 'ratio'], rows))
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`)
store.close()
