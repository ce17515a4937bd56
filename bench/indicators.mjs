// Benchmark: every indicator on a synthetic store, against a bare scan of work_countries in the same run.
//   node bench/indicators.mjs [--works 10000000] [--repeats 3]
import { INDICATORS } from '@meridian/indicators'
import { runTask } from './lib/child.mjs'
import { count, machineNote } from './lib/env.mjs'
import { buildStore } from './lib/store.mjs'
import { saveResults } from './lib/results.mjs'
import { fmtInt, fmtMiB, fmtRatio, fmtSec, median, table } from './lib/stats.mjs'

const TARGET_SECONDS = 60
const BASELINES = ['scan: count(*) work_countries', 'scan: iso countries group by']

/** Every indicator with its default options, plus the two variants the issue names. */
const RUNS = [
  ...INDICATORS.map((d) => [d.id, {}]),
  ['output', { counting: 'fractional' }],
  ['international-share', { byYear: true }],
]
const label = ([id, options]) => {
  const kebab = (k) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
  const extra = Object.entries(options).map(([k, v]) => (v === true ? `--${kebab(k)}` : `--${kebab(k)} ${v}`))
  return [id, ...extra].join(' ')
}

export async function indicators({ works, repeats }) {
  console.log(`# Indicators benchmark (${machineNote()})`)
  const store = await buildStore(works)
  console.log(
    `\nEach line: its own read-only child process, ${repeats} runs in a row (first = cold start of the process).`,
  )
  const results = []
  const one = async (name, id, options) => {
    const r = await runTask('indicator.mjs', [store.file, id, JSON.stringify(options), repeats])
    const row = {
      name,
      rows: r.rows,
      first: r.times[0],
      median: median(r.times),
      times: r.times,
      maxRssMiB: r.maxRssMiB,
      value: r.first,
    }
    console.log(
      `  ${name}: first ${fmtSec(row.first)} s, median ${fmtSec(row.median)} s, ${r.rows} rows, peak RSS ${fmtMiB(r.maxRssMiB)}`,
    )
    results.push(row)
    return row
  }
  for (const b of BASELINES) await one(b, b, {})
  for (const run of RUNS) await one(label(run), run[0], run[1])
  const whole = await runTask('indicator.mjs', [store.file, 'whole-set', JSON.stringify(RUNS), 1])
  const base = results.find((r) => r.name === BASELINES[1])
  const measured = results.filter((r) => !BASELINES.includes(r.name))
  const totalFirst = measured.reduce((s, r) => s + r.first, 0)
  const totalMedian = measured.reduce((s, r) => s + r.median, 0)
  const scanRows = Number(results[0].value?.n ?? 0)
  console.log(
    `\n${fmtInt(works)} works, ${fmtInt(scanRows)} work_countries rows; ratio = median / median of "${BASELINES[1]}"\n`,
  )
  console.log(
    table(
      ['run', 'rows', 'first s', 'median s', 'vs scan', 'peak RSS'],
      [
        ...results.map((r) => [
          r.name,
          fmtInt(r.rows),
          fmtSec(r.first),
          fmtSec(r.median),
          fmtRatio(r.median / base.median),
          fmtMiB(r.maxRssMiB),
        ]),
        [
          'total of the indicators',
          '-',
          fmtSec(totalFirst),
          fmtSec(totalMedian),
          fmtRatio(totalMedian / base.median),
          '-',
        ],
        ['whole set, one process', '-', fmtSec(whole.times[0]), '-', '-', fmtMiB(whole.maxRssMiB)],
      ],
    ),
  )
  const verdict = whole.times[0] <= TARGET_SECONDS ? 'within' : 'OVER'
  console.log(
    `\nwhole indicator set: ${fmtSec(whole.times[0])} s, ${verdict} the ${TARGET_SECONDS} s target (issue) at ${fmtInt(works)} works`,
  )
  return saveResults('indicators', {
    works,
    store: {
      file: store.file,
      gib: store.gib,
      reused: store.reused,
      build: store.build,
      workCountries: scanRows,
    },
    repeats,
    runs: results,
    total: { firstSeconds: totalFirst, medianSeconds: totalMedian },
    wholeSet: { seconds: whole.times[0], maxRssMiB: whole.maxRssMiB },
  })
}

if (import.meta.url === `file://${process.argv[1]}`)
  await indicators({ works: count('works', 10_000_000), repeats: count('repeats', 3) })
