// Task: STEER on a synthetic store. KPIs are registered, then (a) the bare indicator evaluations their actuals
// and computed baselines need, (b) `refreshKpis` after a new data version, interleaved `repeats` times; and a
// programme report (gather + HTML, + PDF when Chromium is there) against the bare evaluations of its KPIs.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { evaluate, indicator } from '@meridian/indicators'
import { DEFAULT_CHROMIUM, gatherReport, renderReport } from '@meridian/report'
import { MIGRATIONS, openState } from '@meridian/state'
import { createSteer, evaluateKpi, STEER_MIGRATIONS } from '@meridian/steer'
import { Store } from '@meridian/store'
import { report } from '../lib/child.mjs'

const [storePath, kpiCount, repeatsArg] = process.argv.slice(2)
const wanted = Number(kpiCount)
const repeats = Number(repeatsArg)
const actor = { kind: 'operator', label: 'cli:bench' }
const store = await Store.open({ path: storePath, readOnly: true })
const dir = mkdtempSync(join(tmpdir(), 'meridian-bench-steer-'))
const state = await openState({ dir: join(dir, 'state'), migrations: { ...MIGRATIONS, ...STEER_MIGRATIONS } })
const steer = createSteer(state)
const version = await store.dataVersion()
let revision = 0
/** The store as it is, under a data version no KPI has seen: what an ingest leaves behind for the refresh. */
const freshSource = () => ({ runner: store.runner, dataVersion: { ...version, benchRevision: ++revision } })
const seconds = (start) => (performance.now() - start) / 1000

// The KPIs: four indicator queries x five year windows x the countries with most works, half with a computed
// baseline: many KPIs share a query and differ in the row they read, as a funder's portfolio does.
const top = await evaluate(store.runner, indicator('output'), { intervals: false })
const countries = top.rows
  .map((r) => String(r.country))
  .filter((c) => c !== 'DE')
  .slice(0, 60)
const QUERIES = [
  ['output', { counting: 'fractional' }, (c) => ({ kind: 'country', country: c })],
  ['output', { counting: 'full' }, (c) => ({ kind: 'country', country: c })],
  ['international-share', {}, (c) => ({ kind: 'country', country: c })],
  ['bilateral-matrix', {}, (c) => ({ kind: 'country-pair', country: 'DE', partner: c })],
]
const WINDOWS = ['2019-2023', '2018-2022', '2017-2021', '2016-2020', '2015-2019']
const setupStart = performance.now()
const programme = await steer.createProgramme(actor, {
  title: 'Benchmark programme (synthetic)',
  synthetic: true,
})
const small = await steer.createProgramme(actor, {
  title: 'Benchmark report programme (synthetic)',
  synthetic: true,
})
// Registering is not measured: its evaluations share one memory, so a thousand KPIs register in minutes.
const source = { ...freshSource(), evaluations: new Map() }
for (let i = 0; i < wanted; i++) {
  const [id, options, scope] = QUERIES[i % QUERIES.length]
  const country = countries[Math.floor(i / QUERIES.length) % countries.length]
  const years = WINDOWS[Math.floor(i / (QUERIES.length * countries.length)) % WINDOWS.length]
  await steer.addKpi(
    actor,
    {
      programmeId: i < 12 ? small.id : programme.id,
      indicator: id,
      options: { ...options, years },
      scope: scope(country),
      baseline: i % 2 === 0 ? { period: '2010-2014' } : { period: '2010-2014', value: 1 },
      target: { value: 2, date: '2030-12-31' },
      owner: 'Benchmark owner',
    },
    source,
  )
}
const setupSeconds = seconds(setupStart)
const kpis = [...(await steer.listKpis(actor, small.id)), ...(await steer.listKpis(actor, programme.id))]
const distinct = new Set(
  kpis.flatMap((k) => [
    JSON.stringify([k.indicator, k.options]),
    ...(k.baseline.source === 'computed'
      ? [JSON.stringify([k.indicator, k.options, k.baseline.period])]
      : []),
  ]),
).size

/**
 * The evaluations the KPIs' actuals (and computed baselines) take, with nothing of STEER around them: each
 * distinct query once (what a refresh must run at the least), or `shared: false` each KPI's own.
 */
async function bare(list, { shared = true } = {}) {
  const memo = shared ? new Map() : undefined
  for (const k of list) {
    const spec = { options: k.options, scope: k.scope, measure: k.measure }
    const definition = indicator(k.indicator)
    await Promise.all([
      evaluateKpi(store.runner, definition, spec, undefined, undefined, memo),
      k.baseline.source === 'computed'
        ? evaluateKpi(store.runner, definition, spec, k.baseline.period, undefined, memo)
        : null,
    ])
  }
}

const bareTimes = []
const refreshTimes = []
// Each KPI on its own (no query shared), on a sample: what refresh cost before queries were shared.
const sample = kpis.slice(0, Math.min(kpis.length, 48))
let start = performance.now()
await bare(sample, { shared: false })
const unsharedPerKpi = seconds(start) / sample.length
for (let r = 0; r < repeats; r++) {
  start = performance.now()
  await bare(kpis)
  bareTimes.push(seconds(start))
  start = performance.now()
  const summary = await steer.refreshKpis(actor, freshSource())
  refreshTimes.push(seconds(start))
  if (summary.refreshed !== kpis.length) throw new Error(`refreshed ${summary.refreshed} of ${kpis.length}`)
}

const smallKpis = kpis.filter((k) => k.programmeId === small.id)
const reportTimes = { bare: [], gather: [], html: [], pdf: [] }
const pdf = existsSync(process.env.MERIDIAN_CHROMIUM ?? DEFAULT_CHROMIUM)
let pages = null
for (let r = 0; r < repeats; r++) {
  start = performance.now()
  await bare(smallKpis)
  reportTimes.bare.push(seconds(start))
  start = performance.now()
  const data = await gatherReport({ steer, actor, programmeId: small.id, source, now: () => new Date() })
  reportTimes.gather.push(seconds(start))
  start = performance.now()
  await renderReport(data, { lang: 'en', format: 'html' })
  reportTimes.html.push(seconds(start))
  if (pdf) {
    start = performance.now()
    const rendered = await renderReport(data, { lang: 'zh', format: 'pdf' })
    reportTimes.pdf.push(seconds(start))
    pages = (rendered.body.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
  }
}
await state.close()
store.close()
rmSync(dir, { recursive: true, force: true })
report({
  kpis: kpis.length,
  distinctEvaluations: distinct,
  evaluations: kpis.reduce((n, k) => n + (k.baseline.source === 'computed' ? 2 : 1), 0),
  setupSeconds,
  bareTimes,
  refreshTimes,
  unsharedPerKpi,
  reportKpis: smallKpis.length,
  reportTimes,
  pages,
})
