// Benchmark: Web of Science exports (plain text and tab-delimited) from the shared data: a bare line read
// (baseline), the reader alone, and the full ingest into a fresh store, in the same run.
//   node bench/ingest-wos.mjs [--repeats 3]
import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { detectFile } from '@meridian/io'
import { runTask } from './lib/child.mjs'
import { count, machineNote, outPath, sharedData } from './lib/env.mjs'
import { saveResults } from './lib/results.mjs'
import { fmtInt, fmtMiB, fmtRatio, fmtSec, interleaved, table } from './lib/stats.mjs'

/** Where the WoS exports are, relative to the shared data folder, and which names to try. */
const SOURCES = [
  ['wos-joi-and-savedrecs174', /\.txt$/],
  ['metaknowledge-tests', /\.isi$/],
  ['bibliometrix-legacy-2017', /\.txt$/],
  ['bibliometrix-fixtures', /^wos_sample\.txt$/],
  ['wos-tabdelim-scientopy-ble', /\.txt$/],
]
const JOI = 'wos-joi-and-savedrecs174/joi_JournalOfInformetrics_2007-2017.txt'

/** bibliometrix's own figures, as reported in bibliometrix-groundtruth/README.md: not measured here. */
const REPORTED = [
  ['bibliometrix 5.4, JOI file, full pipeline (import, analysis, country network)', 10.6, 393],
  ['bibliometrix 5.4, 4,071 WoS records', 41.7, 513],
]

/** The candidate files, split by the format their content says (never their name); the rest listed apart. */
async function wosFiles(data) {
  const groups = { 'wos-plaintext': [], 'wos-tabdelimited': [] }
  const skipped = []
  for (const [dir, pattern] of SOURCES)
    for (const name of readdirSync(resolve(data, dir))
      .filter((n) => pattern.test(n))
      .sort()) {
      const file = resolve(data, dir, name)
      const format = await detectFile(file).catch(() => null)
      if (format && format in groups) groups[format].push(file)
      else skipped.push(`${dir}/${name} (${format ?? 'not a recognised format'})`)
    }
  return { groups, skipped }
}

async function measure(label, files, repeats) {
  console.log(`\n== ${label}: ${files.length} file(s), ${repeats} run(s) per path`)
  const tag = label.toLowerCase().replace(/\W+/g, '-').replace(/^-|-$/g, '')
  const paths = [
    { name: 'readLines (baseline)', task: 'wos.mjs', args: ['lines', '-', ...files] },
    { name: 'reader only', task: 'wos.mjs', args: ['reader', '-', ...files] },
    { name: 'full ingest', task: 'wos.mjs', args: ['full', outPath(`wos-${tag}.duckdb`), ...files] },
  ]
  const r = await interleaved(paths, repeats, runTask)
  const records = r['reader only'].records
  const lines = r['readLines (baseline)']
  const rows = Object.entries(r).map(([name, x]) => [
    name,
    fmtInt(records),
    fmtSec(x.seconds),
    fmtInt(records / x.seconds),
    fmtRatio(x.seconds / lines.seconds),
    fmtSec(x.processSeconds),
    fmtMiB(x.maxRssMiB),
  ])
  console.log(
    `\n${label}: ${fmtInt(records)} records, ${fmtInt(lines.lines)} lines, ${(lines.chars / 2 ** 20).toFixed(1)} Mi chars`,
  )
  console.log(
    '(records/s: records of the reader over each path\'s time; "x line read": time over the bare line read)\n',
  )
  console.log(
    table(['path', 'records', 'seconds', 'records/s', 'x line read', 'process s', 'peak RSS'], rows),
  )
  const full = r['full ingest']
  console.log(
    `  full ingest: ${fmtInt(full.added)} works added, ${fmtInt(full.duplicates)} duplicates, ${full.problems} problems`,
  )
  console.log(
    `  open + read + stage ${fmtSec(full.readAndStageSeconds)} s, commit ${fmtSec(full.commitSeconds)} s:`,
  )
  for (const [phase, p] of Object.entries(full.phases)) console.log(`    ${phase}: ${fmtSec(p.seconds)} s`)
  return { files: files.length, records, repeats, paths: r }
}

export async function ingestWos({ repeats }) {
  console.log(`# WoS ingest benchmark (${machineNote()})`)
  const data = sharedData()
  if (!data) {
    console.log('SKIP: no shared data folder (set MERIDIAN_SHARED_DATA or add ../shared/data)')
    return null
  }
  const { groups, skipped } = await wosFiles(data)
  console.log(`not WoS by content, left out: ${skipped.join(', ') || 'none'}`)
  const figures = {}
  figures.plaintext = await measure('WoS plain text', groups['wos-plaintext'], repeats)
  figures.tabdelimited = await measure('WoS tab-delimited', groups['wos-tabdelimited'], repeats)
  figures.joi = await measure('JOI file alone (plain text)', [resolve(data, JOI)], repeats)
  console.log(
    '\nfor context, as reported by bibliometrix-groundtruth/README.md (not measured by us; whole R process):\n',
  )
  console.log(
    table(
      ['reported', 'seconds', 'peak'],
      REPORTED.map(([what, s, mib]) => [what, fmtSec(s), `${mib} MiB`]),
    ),
  )
  const tab = figures.tabdelimited.paths['full ingest']
  const joi = figures.joi.paths['full ingest']
  console.log(
    `\nours, whole child process (Node start-up included): 4,071 tab-delimited records ${fmtSec(tab.processSeconds)} s ` +
      `and ${fmtMiB(tab.maxRssMiB)}; JOI file ${fmtSec(joi.processSeconds)} s and ${fmtMiB(joi.maxRssMiB)} ` +
      "(ingest and facts; bibliometrix's figure also includes its analysis and network)",
  )
  figures.reported = REPORTED.map(([what, seconds, mib]) => ({ what, seconds, peakMiB: mib }))
  return saveResults('ingest-wos', figures)
}

if (import.meta.url === `file://${process.argv[1]}`) await ingestWos({ repeats: count('repeats', 3) })
