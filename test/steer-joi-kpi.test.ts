import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { evaluate, indicator } from '@meridian/indicators'
import { MIGRATIONS, type Actor } from '@meridian/state'
import { closeTestEngines, ENGINES, testClock, type TestEngine } from '@meridian/state/testing'
import { createSteer, STEER_MIGRATIONS } from '@meridian/steer'
import { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'
import { HAVE_SHARED_DATA, shared } from './shared-data.js'

// KPI actuals on real records: the Journal of Informetrics WoS export (2007-2017), affiliations matched to
// the ROR registry at ingest, so institutions have keys. Each KPI's actual, computed baseline and refreshed
// actual must be exactly the indicator engine's own result for the same options (a second implementation of
// an indicator would be a bug); packages/steer/src/kpis.test.ts checks the same on the demo corpus.
const JOI = 'wos-joi-and-savedrecs174/joi_JournalOfInformetrics_2007-2017.txt'
const ROR = 'ror-records/ror_v2_latest_records.jsonl.gz'
const operator: Actor = { kind: 'operator', label: 'cli:test' }

let dir: string
let store: Store
beforeAll(async () => {
  if (!HAVE_SHARED_DATA) return
  dir = mkdtempSync(join(tmpdir(), 'meridian-joi-kpi-'))
  for (const argv of [
    ['registry', 'load', shared(ROR), '--store', 'data', '--quiet'],
    ['ingest', shared(JOI), '--store', 'data', '--quiet'],
  ]) {
    const run = await runCli(dir, argv)
    expect(run.code, run.stderr).toBe(0)
  }
  store = await Store.open({ path: join(dir, 'data', 'meridian.duckdb'), readOnly: true })
}, 600_000)
afterAll(async () => {
  store?.close()
  await closeTestEngines()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

type Row = Record<string, unknown>
type Scope =
  | { kind: 'country'; country: string }
  | { kind: 'country-pair'; country: string; partner: string }
  | { kind: 'institution'; institution: string }
  | { kind: 'countries'; name: string; countries: string[] }

/** The engine's own answer for a scope and options: the scope's row, its `value`. */
async function engine(id: string, options: Record<string, unknown>, scope: Scope) {
  const level =
    scope.kind === 'institution' ? 'institution' : scope.kind === 'countries' ? 'group' : 'country'
  const groups = scope.kind === 'countries' ? { [scope.name]: scope.countries } : null
  const pick = (row: Row) =>
    scope.kind === 'institution'
      ? row.institution === scope.institution
      : scope.kind === 'countries'
        ? row.group === scope.name
        : scope.kind === 'country-pair'
          ? row.country === scope.country && row.partner === scope.partner
          : row.country === scope.country
  const result = await evaluate(store.runner, indicator(id), {
    ...options,
    level,
    groups,
    intervals: false,
  })
  const value = result.rows.find(pick)?.value
  return typeof value === 'number' ? value : null
}

/** Units by output, most first, under the options given. */
const ranked = async (options: Record<string, unknown>, key: 'country' | 'institution') =>
  (await evaluate(store.runner, indicator('output'), { ...options, intervals: false })).rows
    .slice()
    .sort((x, y) => Number(y.value) - Number(x.value))
    .map((r) => String(r[key]))

async function fixture(engineOf: TestEngine) {
  const state = await engineOf.open({ migrations: { ...MIGRATIONS, ...STEER_MIGRATIONS } })
  return createSteer(state, { now: testClock('2026-01-01T00:00:00Z').now })
}

describe.skipIf(!HAVE_SHARED_DATA).each(ENGINES)(
  'KPIs on the Journal of Informetrics records ($name)',
  (engineOf) => {
    it("every KPI's actual, computed baseline and refreshed actual are the engine's results, exactly", async () => {
      const steer = await fixture(engineOf)
      // The two countries with most output, China aside (its KPIs below name a country policy).
      const [a = '', b = ''] = (await ranked({}, 'country')).filter((c) => c !== 'CN')
      const [institution] = await ranked({ level: 'institution' }, 'institution')
      // Hong Kong is folded into China only under the hk-mo-cn policy: a KPI that names the policy must say so.
      const china = (await ranked({ countryPolicy: 'hk-mo-cn' }, 'country')).includes('CN')
      expect([a, b, institution, china]).toEqual([
        expect.stringMatching(/^[A-Z]{2}$/),
        expect.stringMatching(/^[A-Z]{2}$/),
        expect.any(String),
        true,
      ])
      const [programme] = await steer.createProgrammes(operator, [
        { title: 'Informetrics cooperation programme (synthetic)', countries: [a], partnerCountries: [b] },
      ])
      const programmeId = programme?.id ?? 0
      const cases: { indicator: string; options: Record<string, unknown>; scope: Scope }[] = [
        {
          indicator: 'output',
          options: { counting: 'fractional', years: '2012-2016' },
          scope: { kind: 'country', country: a },
        },
        {
          indicator: 'output',
          options: { counting: 'full', countryPolicy: 'hk-mo-cn', years: '2011-2017' },
          scope: { kind: 'country', country: 'CN' },
        },
        {
          indicator: 'international-share',
          options: { years: '2011-2017' },
          scope: { kind: 'country', country: b },
        },
        {
          indicator: 'international-share',
          options: { counting: 'fractional', countryPolicy: 'hk-mo-cn' },
          scope: { kind: 'country', country: 'CN' },
        },
        {
          indicator: 'bilateral-matrix',
          options: { years: '2011-2017' },
          scope: { kind: 'country-pair', country: a, partner: b },
        },
        {
          indicator: 'bilateral-matrix',
          options: { normalization: 'salton', countryPolicy: 'hk-mo-cn' },
          scope: { kind: 'country-pair', country: b, partner: a },
        },
        {
          indicator: 'bilateral-matrix',
          options: { counting: 'fractional', years: '2009-2016' },
          scope: { kind: 'country-pair', country: a, partner: b },
        },
        {
          indicator: 'output',
          options: { counting: 'fractional', years: '2011-2017' },
          scope: { kind: 'institution', institution: institution ?? '' },
        },
        {
          indicator: 'output',
          options: { years: '2013-2017' },
          scope: { kind: 'countries', name: 'Partners', countries: [a, b] },
        },
      ]
      const source = { runner: store.runner, dataVersion: await store.dataVersion() }
      const added = []
      for (const kpi of cases) {
        const view = await steer.addKpi(
          operator,
          {
            programmeId,
            ...kpi,
            baseline: { period: '2007-2010' },
            target: { value: 1, date: '2030-12-31' },
            owner: 'Lead agency',
          },
          source,
        )
        const expected = await engine(kpi.indicator, kpi.options, kpi.scope)
        expect(expected, JSON.stringify(kpi)).not.toBeNull()
        expect(view.actual, JSON.stringify(kpi)).toBe(expected)
        expect(view.baseline, JSON.stringify(kpi)).toEqual({
          period: '2007-2010',
          value: await engine(kpi.indicator, { ...kpi.options, years: '2007-2010' }, kpi.scope),
          source: 'computed',
        })
        added.push(view.actual)
      }
      // A new data version: the refresh evaluates each distinct question once and shares the answer.
      const next = {
        ...source,
        dataVersion: { ...source.dataVersion, revision: source.dataVersion.revision + 1 },
      }
      expect(await steer.refreshKpis(operator, next)).toEqual({ refreshed: cases.length, unchanged: 0 })
      const listed = await steer.listKpis(operator, programmeId)
      expect(listed.map((k) => k.actual)).toEqual(added)
      expect(listed.map((k) => k.history.length)).toEqual(cases.map(() => 2))
    })
  },
)
