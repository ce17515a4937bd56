// A workspace server for bench/workspace.mjs: a small synthetic store, a state database on the engine asked
// for, 50 users; prints `@@listening <port>`, serves until SIGTERM, then reports its peak RSS.
//   node bench/tasks/workspace-server.mjs pglite|postgres [database-url]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateCorpus } from '@meridian/demo'
import { createServer } from '@meridian/server'
import { createWorkspace, openState } from '@meridian/state'
import { Store } from '@meridian/store'
import { report } from '../lib/child.mjs'

const [engine, url] = process.argv.slice(2)
const dir = mkdtempSync(join(tmpdir(), 'meridian-bench-state-'))
const schema = `bench_${process.pid}`
const state = await openState(
  engine === 'postgres' ? { url, schema, poolSize: 10 } : { dir: join(dir, 'state') },
)
const store = await Store.open({ path: ':memory:' })
const run = await store.beginIngest()
for (const work of generateCorpus({ works: 2000, seed: 7 })) run.add(work)
await run.commit({ files: ['bench'], problems: 0, now: new Date(0) })
const workspace = createWorkspace(state)
const operator = { kind: 'operator', label: 'bench' }
for (let i = 0; i < 50; i++)
  await workspace.addUser(operator, {
    email: `user${i}@example.org`,
    password: 'bench password 123',
    role: 'analyst',
  })
const app = await createServer({ store, workspace, loginPerMinute: 1e9 })
await app.listen({ port: 0, host: '127.0.0.1' })
process.stdout.write(`@@listening ${app.server.address().port}\n`)
process.once('SIGTERM', async () => {
  await app.close()
  if (engine === 'postgres') await state.db.schema.dropSchema(schema).ifExists().cascade().execute()
  await state.close()
  store.close()
  rmSync(dir, { recursive: true, force: true })
  report({ engine })
  process.exit(0)
})
