// Benchmark: STEER's KPI refresh after a new data version and a programme report, each against the bare
// indicator evaluations they need, in the same run and process.
//   node bench/steer.mjs [--works 1000000] [--kpis 1000] [--repeats 3]
import { runTask } from './lib/child.mjs'
import { count, machineNote } from './lib/env.mjs'
import { saveResults } from './lib/results.mjs'
import { fmtInt, fmtMiB, fmtRatio, fmtSec, median, table } from './lib/stats.mjs'
import { buildStore } from './lib/store.mjs'

const TARGET = 1.2

export async function steer({ works, kpis, repeats }) {
  console.log(`# STEER benchmark (${machineNote()})`)
  const store = await buildStore(works)
  console.log(
    `\nregistering ${fmtInt(kpis)} KPIs on PGlite, then ${repeats} rounds of bare evaluations and refresh ...`,
  )
  const r = await runTask('kpi-refresh.mjs', [store.file, kpis, repeats])
  const bare = median(r.bareTimes)
  const refresh = median(r.refreshTimes)
  const reportBare = median(r.reportTimes.bare)
  const gather = median(r.reportTimes.gather)
  const html = median(r.reportTimes.html)
  const pdf = r.reportTimes.pdf.length > 0 ? median(r.reportTimes.pdf) : null
  console.log(
    `${fmtInt(r.kpis)} KPIs need ${fmtInt(r.evaluations)} evaluations (actuals and computed baselines), ` +
      `${fmtInt(r.distinctEvaluations)} of them distinct; registering took ${fmtSec(r.setupSeconds)} s`,
  )
  console.log(
    table(
      ['run', 'median s', 'vs bare', 'runs'],
      [
        ['bare: each distinct evaluation once', fmtSec(bare), '1.00x', r.bareTimes.map(fmtSec).join(' ')],
        [
          'refreshKpis (new data version)',
          fmtSec(refresh),
          fmtRatio(refresh / bare),
          r.refreshTimes.map(fmtSec).join(' '),
        ],
        [
          `bare: each KPI's own evaluations (from ${Math.min(48, r.kpis)} KPIs, x ${fmtInt(r.kpis)})`,
          fmtSec(r.unsharedPerKpi * r.kpis),
          fmtRatio((r.unsharedPerKpi * r.kpis) / bare),
          'extrapolated',
        ],
        [`report: bare evaluations of its ${r.reportKpis} KPIs`, fmtSec(reportBare), '1.00x', ''],
        ['report: gather (programme, KPIs, history)', fmtSec(gather), fmtRatio(gather / reportBare), ''],
        ['report: + HTML', fmtSec(gather + html), fmtRatio((gather + html) / reportBare), ''],
        ...(pdf === null
          ? []
          : [
              [
                `report: + PDF by Chromium (${r.pages} pages, zh)`,
                fmtSec(gather + pdf),
                fmtRatio((gather + pdf) / reportBare),
                '',
              ],
            ]),
      ],
    ),
  )
  console.log(
    `\nrefresh overhead ${fmtRatio(refresh / bare)} the bare evaluations: ${refresh / bare <= TARGET ? 'within' : 'OVER'} the ${TARGET}x target (issue); peak RSS ${fmtMiB(r.maxRssMiB)}`,
  )
  return saveResults('steer', { works, store: { file: store.file, reused: store.reused }, repeats, ...r })
}

if (import.meta.url === `file://${process.argv[1]}`)
  await steer({ works: count('works', 1_000_000), kpis: count('kpis', 1000), repeats: count('repeats', 3) })
