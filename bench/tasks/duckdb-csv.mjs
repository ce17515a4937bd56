// Task (baseline): DuckDB's own CSV loader, `CREATE TABLE works AS SELECT * FROM read_csv(...)`, into a fresh
// database file, through @duckdb/node-api directly.
import { rmSync } from 'node:fs'
import { DuckDBInstance } from '@duckdb/node-api'
import { report } from '../lib/child.mjs'

const [variant, dbPath, file] = process.argv.slice(2)
const quoted = `'${file.replaceAll("'", "''")}'`
const SOURCES = {
  // Default auto-detection: what `SELECT * FROM 'export.csv'` does.
  read_csv: `read_csv(${quoted})`,
  // Scopus rows may be one cell wider than the header (litstudy's export: a `Funding Text 2` cell), which
  // the sniffer takes for a preamble. Told there is a header and to pad short rows, DuckDB keeps every row;
  // padding with quoted line breaks needs its single-threaded scanner (it says so otherwise).
  read_csv_padded: `read_csv(${quoted}, header = true, null_padding = true, parallel = false)`,
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
  threads: Number(setting.t),
  sql: `CREATE TABLE works AS SELECT * FROM ${source}`,
  seconds: (performance.now() - start) / 1000,
})
