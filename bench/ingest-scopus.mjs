// Benchmark: Scopus CSV exports into the store, against DuckDB's own CSV loader in the same run: the largest
// real Scopus CSV of the shared data, and that file replicated to `--real-works` distinct works.
//   node bench/ingest-scopus.mjs [--real-works 20000] [--repeats 3]
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { detectFile } from '@meridian/io'
import { runTask } from './lib/child.mjs'
import { count, machineNote, outPath, sharedData } from './lib/env.mjs'
import { reuseOrMake } from './lib/manifest.mjs'
import { saveResults, sizeLabel } from './lib/results.mjs'
import { fmtInt, fmtMiB, fmtRatio, fmtSec, interleaved, table } from './lib/stats.mjs'

const BASELINE = 'duckdb read_csv padded'

/** Every `.csv` under the shared data that is a Scopus export by content (never by name), largest first. */
async function scopusFiles(data) {
  const found = []
  for (const entry of readdirSync(data, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.toLowerCase().endsWith('.csv')) continue
    const file = join(entry.parentPath, entry.name)
    if ((await detectFile(file).catch(() => null)) === 'scopus-csv')
      found.push({ file, bytes: statSync(file).size })
  }
  return found.sort((a, b) => b.bytes - a.bytes)
}

async function replicatedInput(data, source, records) {
  const file = outPath(`scopus-shaped-${sizeLabel(records)}.csv`)
  const params = {
    records,
    source: relative(data, source),
    sourceBytes: statSync(source).size,
    writer: 'replicate-v1',
  }
  const info = await reuseOrMake(file, params, async () => {
    console.log(`replicating ${params.source} to ${fmtInt(records)} distinct works in ${file} ...`)
    const r = await runTask('write-scopus-shaped.mjs', [source, file, records])
    return { records: r.records, originals: r.originals }
  })
  if (info.reused) console.log(`reusing ${file} (manifest matches)`)
  return file
}

async function measure(label, file, repeats) {
  const mib = statSync(file).size / 2 ** 20
  console.log(`\n== ${label}: ${file} (${mib.toFixed(2)} MiB), ${repeats} run(s) per path`)
  const tag = label.toLowerCase().replace(/\W+/g, '-').replace(/^-|-$/g, '')
  const paths = [
    {
      name: 'duckdb read_csv',
      task: 'duckdb-csv.mjs',
      args: ['read_csv', outPath(`duckdb-${tag}.duckdb`), file],
    },
    {
      name: BASELINE,
      task: 'duckdb-csv.mjs',
      args: ['read_csv_padded', outPath(`duckdb-${tag}.duckdb`), file],
    },
    { name: 'meridian reader only', task: 'ingest-meridian.mjs', args: ['reader', '-', file] },
    {
      name: 'meridian full ingest',
      task: 'ingest-meridian.mjs',
      args: ['full', outPath(`meridian-${tag}.duckdb`), file],
    },
  ]
  const r = await interleaved(paths, repeats, runTask)
  const base = r[BASELINE]
  const rows = Object.entries(r).map(([name, x]) => [
    name,
    fmtInt(x.records),
    fmtSec(x.seconds),
    x.error ? 'failed' : fmtInt(x.records / x.seconds),
    base.error || x.error ? '-' : fmtRatio(base.seconds / x.seconds),
    fmtMiB(x.maxRssMiB),
  ])
  console.log(`\n${label}: records/s and ratio against ${BASELINE} (>1: faster than DuckDB)\n`)
  console.log(table(['path', 'records', 'seconds', 'records/s', 'vs read_csv', 'peak RSS'], rows))
  for (const [name, x] of Object.entries(r)) if (x.error) console.log(`  ${name} failed: ${x.error}`)
  const reader = r['meridian reader only']
  for (const name of ['duckdb read_csv', BASELINE])
    if (!r[name].error && r[name].records !== reader.records)
      console.log(
        `  note: ${name} loaded ${fmtInt(r[name].records)} rows, ` +
          `the reader ${fmtInt(reader.records)} records`,
      )
  console.log(`  DuckDB: ${base.columns} columns, threads setting ${base.threads}; ${base.sql}`)
  const full = r['meridian full ingest']
  console.log(
    `  full ingest: ${fmtInt(full.added)} works added, ${fmtInt(full.duplicates)} duplicates, ` +
      `${full.problems} problems; read + stage ${fmtSec(full.readAndStageSeconds)} s, ` +
      `commit ${fmtSec(full.commitSeconds)} s, close ${fmtSec(full.closeSeconds)} s`,
  )
  return { file, mib: +mib.toFixed(2), repeats, paths: r }
}

export async function ingestScopus({ realWorks, repeats }) {
  console.log(`# Scopus CSV ingest benchmark (${machineNote()})`)
  const data = sharedData()
  if (!data) {
    console.log('SKIP: no shared data folder (set MERIDIAN_SHARED_DATA or add ../shared/data)')
    return null
  }
  const files = await scopusFiles(data)
  const listed = files.map((f) => `${relative(data, f.file)} (${fmtInt(f.bytes / 1024)} KiB)`)
  console.log(`Scopus CSVs by content: ${listed.join(', ') || 'none'}`)
  if (files.length === 0) {
    console.log('SKIP: no Scopus CSV in the shared data')
    return null
  }
  const largest = files[0].file
  const figures = { files: files.map((f) => ({ file: relative(data, f.file), bytes: f.bytes })) }
  figures.largest = await measure(`largest real file`, largest, repeats)
  const replicated = await replicatedInput(data, largest, realWorks)
  figures.replicated = await measure(`scopus-shaped ${sizeLabel(realWorks)}`, replicated, repeats)
  return saveResults('ingest-scopus', figures)
}

if (import.meta.url === `file://${process.argv[1]}`)
  await ingestScopus({ realWorks: count('real-works', 20_000), repeats: count('repeats', 3) })
