// Task (baseline): DuckDB's own JSON loader into a fresh database file, through @duckdb/node-api directly.
import { rmSync } from 'node:fs'
import { DuckDBInstance } from '@duckdb/node-api'
import { report } from '../lib/child.mjs'

const [variant, dbPath, file] = process.argv.slice(2)
const quoted = `'${file.replaceAll("'", "''")}'`
const SOURCES = {
  read_json: `read_json(${quoted})`,
  read_json_auto_nd: `read_json_auto(${quoted}, format = 'newline_delimited')`,
}
const source = SOURCES[variant]
if (!source) throw new Error(`variant must be one of ${Object.keys(SOURCES).join(', ')}`)
for (const f of [dbPath, `${dbPath}.wal`]) rmSync(f, { force: true })

const start = performance.now()
const instance = await DuckDBInstance.create(dbPath)
const connection = await instance.connect()
let error = null
let records = 0
let columns = 0
const [setting] = (await connection.runAndReadAll(`SELECT current_setting('threads') AS t`)).getRowObjectsJS()
const threads = Number(setting.t)
try {
  await connection.run(`CREATE TABLE works AS SELECT * FROM ${source}`)
  const rows = (await connection.runAndReadAll('SELECT count(*) AS n FROM works')).getRowObjectsJS()
  records = Number(rows[0].n)
  const cols = await connection.runAndReadAll(
    `SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'works'`,
  )
  columns = Number(cols.getRowObjectsJS()[0].n)
} catch (cause) {
  error = String(cause.message ?? cause).split('\n')[0]
}
connection.closeSync()
instance.closeSync()
report({
  records,
  columns,
  error,
  threads,
  sql: `CREATE TABLE works AS SELECT * FROM ${source}`,
  seconds: (performance.now() - start) / 1000,
})
