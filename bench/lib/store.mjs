// A synthetic indicator store, built once per size and seed and reused (indicators.mjs, steer.mjs).
import { statSync } from 'node:fs'
import { runTask } from './child.mjs'
import { outPath } from './env.mjs'
import { reuseOrMake } from './manifest.mjs'
import { sizeLabel } from './results.mjs'
import { fmtInt, fmtMiB, fmtSec, table } from './stats.mjs'

const SEED = 7

/** `generateCorpus({ works, seed: 7 })` committed into `bench/out/indicators-<size>.duckdb` (in a child). */
export async function buildStore(works) {
  const file = outPath(`indicators-${sizeLabel(works)}.duckdb`)
  const info = await reuseOrMake(
    file,
    { works, seed: SEED, builder: 'generateCorpus->beginIngest/add/commit' },
    async () => {
      console.log(
        `building a ${fmtInt(works)}-work store in ${file} (one ingest run, in a child process) ...`,
      )
      const r = await runTask('build-store.mjs', [file, works, SEED])
      return { build: r }
    },
  )
  const b = info.build
  console.log(
    `${info.reused ? 'reusing the store; figures of its build' : 'store built'}: ${fmtSec(b.seconds)} s in all ` +
      `(${fmtInt(b.records / b.seconds)} works/s), generate + stage ${fmtSec(b.generateAndStageSeconds)} s, ` +
      `commit ${fmtSec(b.commitSeconds)} s, close ${fmtSec(b.closeSeconds)} s, peak RSS ${fmtMiB(b.maxRssMiB)}, ` +
      `file ${(statSync(file).size / 2 ** 30).toFixed(2)} GiB`,
  )
  console.log(
    table(
      ['commit phase', 'seconds'],
      Object.entries(b.phases).map(([p, x]) => [p, fmtSec(x.seconds)]),
    ),
  )
  return { file, reused: info.reused, build: b, gib: +(statSync(file).size / 2 ** 30).toFixed(2) }
}
