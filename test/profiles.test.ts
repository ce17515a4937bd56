import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildProfile, buildProfiles, type Profile, type ProfileSource } from '@meridian/connect'
import { evaluate, indicator, type IndicatorRow } from '@meridian/indicators'
import { buildNetwork } from '@meridian/networks'
import { Store } from '@meridian/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'
import { HAVE_SHARED_DATA, shared } from './shared-data.js'

// Profiles of the Journal of Informetrics file (770 WoS records, 2007-2017), institutions matched to the ROR
// records in ../shared/data: outputs and partner counts must equal what `meridian indicators`, the indicator
// engine and the country network give, exactly (policy iso, full counting, all years).
const JOI = 'wos-joi-and-savedrecs174/joi_JournalOfInformetrics_2007-2017.txt'
const ROR = 'ror-records/ror_v2_latest_records.jsonl.gz'

let dir: string
let store: Store
let source: ProfileSource
let cliOutput: readonly IndicatorRow[]
let cliPartners: readonly IndicatorRow[]
beforeAll(async () => {
  if (!HAVE_SHARED_DATA) return
  dir = mkdtempSync(join(tmpdir(), 'meridian-profiles-'))
  const cli = async (...argv: string[]) => {
    const result = await runCli(dir, [...argv, '--store', 'data'])
    expect(result.code, result.stderr).toBe(0)
    return result.stdout
  }
  await cli('registry', 'load', shared(ROR))
  await cli('ingest', shared(JOI))
  const rows = async (id: string) =>
    (
      JSON.parse(await cli('indicators', id, '--format', 'json', '--no-intervals')) as {
        rows: IndicatorRow[]
      }
    ).rows
  cliOutput = await rows('output')
  cliPartners = await rows('partners')
  store = await Store.open({ path: join(dir, 'data', 'meridian.duckdb'), readOnly: true })
  source = { all: (q) => store.runner.all(q), dataVersion: () => store.dataVersion() }
}, 180_000)
afterAll(() => {
  store?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const valueOf = (rows: readonly IndicatorRow[], key: string, unit: string) =>
  rows.find((r) => r[key] === unit)?.value ?? null

describe.skipIf(!HAVE_SHARED_DATA)('profiles of the Journal of Informetrics file', () => {
  it('the top 5 countries: outputs and partners equal `meridian indicators` and the country network', async () => {
    const top = cliOutput.slice(0, 5).map((r) => String(r.country))
    expect(top).toEqual(['US', 'CN', 'NL', 'BE', 'DE'])
    const fractional = await evaluate(source, indicator('output'), {
      counting: 'fractional',
      intervals: false,
    })
    const byYear = await evaluate(source, indicator('output'), { byYear: true, intervals: false })
    const network = await buildNetwork(source, { level: 'country' })
    for (const unit of top) {
      const p = await buildProfile(source, { level: 'country', unit })
      expect(p.production.works).toBe(valueOf(cliOutput, 'country', unit))
      expect(p.production.fractionalWorks).toBe(valueOf(fractional.rows, 'country', unit))
      expect(p.production.byYear.map((y) => [y.year, y.full])).toEqual(
        byYear.rows
          .filter((r) => r.country === unit)
          .map((r) => [r.year, r.value])
          .sort((a, b) => Number(a[0]) - Number(b[0])),
      )
      expect(p.partners.count).toBe(valueOf(cliPartners, 'country', unit))
      const node = network.nodes.findIndex((n) => n.id === unit)
      expect(p.production.works).toBe(network.nodes[node]?.weights.works)
      const links = network.links.filter((l) => l.source === node || l.target === node)
      expect(p.partners.countries).toHaveLength(links.length)
      for (const link of links) {
        const other = network.nodes[link.source === node ? link.target : link.source]?.id
        expect(p.partners.countries.find((c) => c.id === other)?.works, `${unit}-${other}`).toBe(
          link.strength,
        )
      }
    }
  })

  it('pins the Netherlands and the United States', async () => {
    const nl = await buildProfile(source, { level: 'country', unit: 'NL' })
    expect(nl.production.works).toBe(90)
    expect(nl.partners.count).toBe(20)
    expect(nl.partners.countries[0]).toMatchObject({ id: 'DE', works: 14 })
    const us = await buildProfile(source, { level: 'country', unit: 'US' })
    expect(us.production.works).toBe(127)
    expect(us.partners.count).toBe(25)
  })

  it('the top 3 institutions: outputs, partner counts and partners equal the indicator engine', async () => {
    const output = await evaluate(source, indicator('output'), { level: 'institution', intervals: false })
    const partners = await evaluate(source, indicator('partners'), { level: 'institution', intervals: false })
    const pairs = await evaluate(source, indicator('pair-leadership'), {
      level: 'institution',
      intervals: false,
    })
    const top = output.rows.slice(0, 3).map((r) => String(r.institution))
    expect(top[0]).toBe('https://ror.org/05f950310') // KU Leuven, 49 works
    const all = new Map<string, Profile>(
      (await buildProfiles(source, { level: 'institution' })).map((p) => [p.unit, p]),
    )
    for (const unit of top) {
      const p = await buildProfile(source, { level: 'institution', unit })
      expect(all.get(unit)).toEqual(p)
      expect(p.production.works).toBe(valueOf(output.rows, 'institution', unit))
      expect(p.partners.count).toBe(valueOf(partners.rows, 'institution', unit))
      const expected = pairs.rows
        .filter((r) => r.institution === unit)
        .map((r) => [String(r.partner), r.works])
        .sort()
      expect(p.partners.institutions.map((i) => [i.id, i.works]).sort()).toEqual(expected)
    }
    const leuven = await buildProfile(source, { level: 'institution', unit: '05f950310' })
    expect(leuven).toMatchObject({ name: 'KU Leuven', production: { works: 49 } })
  })

  it('rolled up: an institution counts under the top of its ROR chain, as the indicators roll up', async () => {
    const options = { level: 'institution', rollUp: true, intervals: false } as const
    const output = await evaluate(source, indicator('output'), options)
    const partners = await evaluate(source, indicator('partners'), options)
    for (const row of output.rows.slice(0, 3)) {
      const unit = String(row.institution)
      const p = await buildProfile(source, { level: 'institution', unit, rollUp: true })
      expect(p.unit).toBe(unit)
      expect(p.method.rollUp).toBe(true)
      expect(p.production.works).toBe(row.value)
      expect(p.partners.count).toBe(valueOf(partners.rows, 'institution', unit))
    }
  })
})
