// Benchmark: API latency in process (Fastify inject) on a synthetic store, uncached vs cached, same run.
//   node bench/api.mjs [--works 20000] [--repeats 30]
import { generateCorpus } from '@meridian/demo'
import { createServer } from '@meridian/server'
import { Store } from '@meridian/store'
import { flag, machineNote } from './lib/env.mjs'
import { fmtInt, median, table } from './lib/stats.mjs'

const works = Number(flag('works', 20_000))
const repeats = Number(flag('repeats', 30))
console.log(`# API benchmark (${machineNote()}), ${fmtInt(works)} synthetic works, in-memory store`)
const store = await Store.open({ path: ':memory:' })
const run = await store.beginIngest()
for (const work of generateCorpus({ works, seed: 7 })) run.add(work)
await run.commit({ files: ['bench'], problems: 0, now: new Date(0) })
const app = await createServer({ store })

const ms = async (url, headers = {}) => {
  const t = performance.now()
  const r = await app.inject({ url, headers })
  return { ms: performance.now() - t, status: r.statusCode, etag: r.headers.etag }
}
const ENDPOINTS = [
  '/api/indicators/international-share',
  '/api/indicators/output?byYear=true',
  '/api/indicators/bilateral-matrix',
  '/api/matrix?countries=CN,US,DE,GB,FR&normalization=salton',
  '/api/countries/CN/profile',
]
const rows = []
for (const base of ENDPOINTS) {
  const cold = []
  // Distinct URLs (a cache-busting parameter the API ignores): each one runs the SQL.
  for (let i = 0; i < Math.min(repeats, 10); i++)
    cold.push((await ms(`${base}${base.includes('?') ? '&' : '?'}bust=${i}`)).ms)
  const warm = []
  const revalidated = []
  const { etag } = await ms(base)
  for (let i = 0; i < repeats; i++) warm.push((await ms(base)).ms)
  for (let i = 0; i < repeats; i++) revalidated.push((await ms(base, { 'if-none-match': etag })).ms)
  rows.push([base, median(cold).toFixed(2), median(warm).toFixed(2), median(revalidated).toFixed(2)])
}
console.log(table(['request', 'uncached median ms', 'cached median ms', '304 median ms'], rows))
await app.close()
store.close()
