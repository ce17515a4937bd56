// Task: build a synthetic store: generateCorpus straight into one ingest run, then commit.
import { rmSync } from 'node:fs'
import { generateCorpus } from '@meridian/demo'
import { Store } from '@meridian/store'
import { report } from '../lib/child.mjs'
import { profileStatements } from '../lib/phases.mjs'

const [storePath, works, seed] = process.argv.slice(2)
const total = Number(works)
for (const f of [storePath, `${storePath}.wal`]) rmSync(f, { force: true })
const start = performance.now()
const store = await Store.open({ path: storePath })
const phases = profileStatements(store.db)
const run = await store.beginIngest()
const every = Math.max(100_000, Math.round(total / 20))
let added = 0
for (const work of generateCorpus({ works: total, seed: Number(seed) })) {
  run.add(work)
  if (++added % every === 0) {
    const s = (performance.now() - start) / 1000
    const rss = process.memoryUsage().rss / 2 ** 20
    console.log(
      `staged ${added.toLocaleString('en-US')} works in ${s.toFixed(0)} s, rss ${rss.toFixed(0)} MiB`,
    )
  }
}
const staged = performance.now()
console.log(`committing (merge + facts) ...`)
const counts = await run.commit({ files: [`demo:seed=${seed}`], problems: 0, now: new Date() })
const committed = performance.now()
store.close()
const end = performance.now()
report({
  records: total,
  added: counts.added,
  seconds: (end - start) / 1000,
  generateAndStageSeconds: (staged - start) / 1000,
  commitSeconds: (committed - staged) / 1000,
  closeSeconds: (end - committed) / 1000,
  phases: phases(),
})
