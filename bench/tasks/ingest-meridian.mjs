// Task: Meridian's ingest of files, either in full into a fresh store (read, staging appends, merge, facts,
// commit) or the reader alone (`--reader`: ingestFiles into a sink that discards).
import { rmSync } from 'node:fs'
import { ingestFiles } from '@meridian/io'
import { Store } from '@meridian/store'
import { report } from '../lib/child.mjs'
import { profileStatements } from '../lib/phases.mjs'

const [mode, storePath, ...files] = process.argv.slice(2)
const quiet = { onProblem: () => {} }

if (mode === 'reader') {
  let works = 0
  const start = performance.now()
  const read = await ingestFiles(files, { add: () => void works++ }, quiet)
  report({
    records: read.records,
    problems: read.problems.length,
    seconds: (performance.now() - start) / 1000,
  })
} else if (mode === 'full') {
  for (const f of [storePath, `${storePath}.wal`]) rmSync(f, { force: true })
  const start = performance.now()
  const store = await Store.open({ path: storePath })
  const phases = profileStatements(store.db)
  const run = await store.beginIngest()
  const opened = performance.now()
  const read = await ingestFiles(files, run, quiet)
  const staged = performance.now()
  const counts = await run.commit({ files, problems: read.problems.length, now: new Date() })
  const committed = performance.now()
  store.close()
  const end = performance.now()
  report({
    records: read.records,
    problems: read.problems.length,
    added: counts.added,
    duplicates: counts.duplicatesOfStore + counts.duplicatesInRun,
    seconds: (end - start) / 1000,
    readAndStageSeconds: (staged - opened) / 1000,
    commitSeconds: (committed - staged) / 1000,
    closeSeconds: (end - committed) / 1000,
    phases: phases(),
  })
} else {
  throw new Error(`mode must be full or reader, got ${mode}`)
}
