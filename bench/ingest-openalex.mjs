// Benchmark: OpenAlex JSONL.gz into the store, against DuckDB's own JSON loader in the same run.
//   node bench/ingest-openalex.mjs [--works 1000000] [--real-works 30000] [--repeats N]
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { runTask } from './lib/child.mjs'
import { count, machineNote, outPath, sharedData } from './lib/env.mjs'
import { reuseOrMake } from './lib/manifest.mjs'
import { saveResults, sizeLabel } from './lib/results.mjs'
import { fmtInt, fmtMiB, fmtRatio, fmtSec, interleaved, table } from './lib/stats.mjs'

const SEED = 7
const REAL = 'openalex-openalexpro-fixtures/openalex_works_340.jsonl'

export async function syntheticInput(works) {
  const file = outPath(`synthetic-${sizeLabel(works)}.jsonl.gz`)
  const info = await reuseOrMake(
    file,
    { works, seed: SEED, writer: 'toOpenAlexJsonl+writeLines' },
    async () => {
      console.log(`writing ${fmtInt(works)} synthetic works to ${file} ...`)
      const r = await runTask('write-synthetic.mjs', [file, works, SEED])
      console.log(
        `  written in ${fmtSec(r.seconds)} s (${fmtInt(r.records / r.seconds)} works/s), peak RSS ${fmtMiB(r.maxRssMiB)}`,
      )
      return { records: r.records }
    },
  )
  if (info.reused) console.log(`reusing ${file} (manifest matches)`)
  return file
}

export async function realShapedInput(works) {
  const data = sharedData()
  if (!data) {
    console.log(
      'SKIP real-shaped input: no shared data folder (set MERIDIAN_SHARED_DATA or add ../shared/data)',
    )
    return null
  }
  const source = resolve(data, REAL)
  const file = outPath(`real-shaped-${sizeLabel(works)}.jsonl.gz`)
  const params = { works, source: REAL, sourceBytes: statSync(source).size, writer: 'replicate-v1' }
  const info = await reuseOrMake(file, params, async () => {
    console.log(`replicating ${REAL} to ${fmtInt(works)} distinct works in ${file} ...`)
    const r = await runTask('write-real-shaped.mjs', [source, file, works])
    return { records: r.records }
  })
  if (info.reused) console.log(`reusing ${file} (manifest matches)`)
  return file
}

async function measure(label, file, repeats) {
  const mb = statSync(file).size / 2 ** 20
  console.log(`\n== ${label}: ${file} (${mb.toFixed(1)} MiB gzip), ${repeats} run(s) per path`)
  const tag = label.toLowerCase().replace(/\W+/g, '-').replace(/^-|-$/g, '')
  const paths = [
    {
      name: 'duckdb read_json',
      task: 'duckdb-load.mjs',
      args: ['read_json', outPath(`duckdb-${tag}.duckdb`), file],
    },
    {
      name: 'duckdb read_json_auto nd',
      task: 'duckdb-load.mjs',
      args: ['read_json_auto_nd', outPath(`duckdb-${tag}.duckdb`), file],
    },
    { name: 'meridian reader only', task: 'ingest-meridian.mjs', args: ['reader', '-', file] },
    {
      name: 'meridian full ingest',
      task: 'ingest-meridian.mjs',
      args: ['full', outPath(`meridian-${tag}.duckdb`), file],
    },
  ]
  const r = await interleaved(paths, repeats, runTask)
  const base = r['duckdb read_json']
  const rows = Object.entries(r).map(([name, x]) => [
    name,
    fmtInt(x.records),
    fmtSec(x.seconds),
    x.error ? 'failed' : fmtInt(x.records / x.seconds),
    base.error || x.error ? '-' : fmtRatio(base.seconds / x.seconds),
    fmtMiB(x.maxRssMiB),
  ])
  console.log(`\n${label}: records/s and ratio against DuckDB read_json (>1: faster than DuckDB)\n`)
  console.log(table(['path', 'records', 'seconds', 'records/s', 'vs read_json', 'peak RSS'], rows))
  for (const [name, x] of Object.entries(r)) if (x.error) console.log(`  ${name} failed: ${x.error}`)
  if (!base.error) console.log(`  DuckDB: ${base.columns} columns inferred, ${base.threads} threads`)
  const full = r['meridian full ingest']
  const reader = r['meridian reader only']
  const split = [
    ['read (reader only)', reader.seconds],
    ['staging appends (read+stage minus read)', Math.max(0, full.readAndStageSeconds - reader.seconds)],
    ...Object.entries(full.phases).map(([phase, p]) => [phase, p.seconds]),
    ['close (checkpoint)', full.closeSeconds],
  ]
  console.log(`\nwhere the full ingest's time goes (median run, ${fmtSec(full.seconds)} s in all):\n`)
  console.log(
    table(
      ['phase', 'seconds', 'share'],
      split.map(([p, s]) => [p, fmtSec(s), `${((100 * s) / full.seconds).toFixed(0)}%`]),
    ),
  )
  return { file, gzipMiB: +mb.toFixed(1), repeats, paths: r }
}

export async function ingestOpenAlex({ works, realWorks, repeats }) {
  console.log(`# OpenAlex ingest benchmark (${machineNote()})`)
  const figures = {}
  const synthetic = await syntheticInput(works)
  figures.synthetic = await measure(
    `synthetic ${sizeLabel(works)}`,
    synthetic,
    repeats ?? (works <= 200_000 ? 3 : 1),
  )
  const real = await realShapedInput(realWorks)
  if (real) figures.realShaped = await measure(`real-shaped ${sizeLabel(realWorks)}`, real, repeats ?? 3)
  return saveResults('ingest-openalex', figures)
}

if (import.meta.url === `file://${process.argv[1]}`)
  await ingestOpenAlex({
    works: count('works', 1_000_000),
    realWorks: count('real-works', 30_000),
    repeats: count('repeats', undefined),
  })
