// Task: one WoS measurement over a list of files: `lines` (bare readLines, the baseline), `reader`
// (ingestFiles into a sink that discards) or `full` (ingest into a fresh store and commit).
import { rmSync } from 'node:fs'
import { ingestFiles, readLines } from '@meridian/io'
import { Store } from '@meridian/store'
import { report } from '../lib/child.mjs'
import { profileStatements } from '../lib/phases.mjs'

const [mode, storePath, ...files] = process.argv.slice(2)
const quiet = { onProblem: () => {} }
const start = performance.now()
if (mode === 'lines') {
  let lines = 0
  let chars = 0
  for (const file of files)
    for await (const line of readLines(file)) {
      lines++
      chars += line.length
    }
  report({ lines, chars, seconds: (performance.now() - start) / 1000 })
} else if (mode === 'reader') {
  const read = await ingestFiles(files, { add() {} }, quiet)
  const perFile = read.files.map((f) => ({ file: f.file, format: f.format, records: f.records }))
  report({
    records: read.records,
    problems: read.problems.length,
    perFile,
    seconds: (performance.now() - start) / 1000,
  })
} else if (mode === 'full') {
  for (const f of [storePath, `${storePath}.wal`]) rmSync(f, { force: true })
  const store = await Store.open({ path: storePath })
  const phases = profileStatements(store.db)
  const run = await store.beginIngest()
  const read = await ingestFiles(files, run, quiet)
  const staged = performance.now()
  const counts = await run.commit({ files, problems: read.problems.length, now: new Date() })
  store.close()
  const end = performance.now()
  report({
    records: read.records,
    problems: read.problems.length,
    added: counts.added,
    duplicates: counts.duplicatesOfStore + counts.duplicatesInRun,
    seconds: (end - start) / 1000,
    readAndStageSeconds: (staged - start) / 1000,
    commitSeconds: (end - staged) / 1000,
    phases: phases(),
  })
} else throw new Error(`mode must be lines, reader or full, got ${mode}`)
