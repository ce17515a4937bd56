import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

// The STEER commands on the embedded state database (PGlite in <store>/state) over a small demo store; the
// services run on PostgreSQL too in packages/steer, where both engines are tested.
let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-steer-'))
  const demo = await runCli(dir, [
    'demo',
    '--works',
    '2000',
    '--seed',
    '5',
    '--no-serve',
    '--quiet',
    '--store',
    'data',
  ])
  expect(demo.code, demo.stderr).toBe(0)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ok = async (argv: string[]) => {
  const result = await runCli(dir, [...argv, '--store', 'data'])
  expect(result.code, result.stderr).toBe(0)
  return result.stdout
}

const PROGRAMME = {
  title: 'Imported cooperation programme (synthetic)',
  externalId: 'IMP-1',
  countries: ['DE'],
  partnerCountries: ['CN', 'FR'],
  startDate: '2021-01-01',
  entities: [{ key: 'lead', name: 'Lead agency', role: 'lead', country: 'DE' }],
  milestones: [{ title: 'Kick-off', dueDate: '2021-03-01', responsible: 'lead', status: 'done' }],
  outputLinks: [{ method: 'doi-list', dois: ['10.5555/one'] }],
}

describe('meridian programmes and kpi', () => {
  it('the demo registers three clearly synthetic programmes with KPIs computed from the demo store', async () => {
    const list = JSON.parse(await ok(['programmes', 'list', '--format', 'json'])) as {
      id: number
      title: string
    }[]
    expect(list).toHaveLength(3)
    expect(list.every((p) => /synthetic/i.test(p.title))).toBe(true)
    const first = list.find((p) => /Sino-German/.test(p.title))
    const kpis = JSON.parse(
      await ok(['kpi', 'list', '--programme', String(first?.id), '--format', 'json']),
    ) as { indicator: string; actual: number | null; status: string }[]
    expect(kpis.map((k) => k.indicator)).toEqual([
      'international-share',
      'bilateral-matrix',
      'connect-agreements',
    ])
    expect(kpis.every((k) => typeof k.actual === 'number')).toBe(true)
    // The agreements on the programme's marketplace records: the demo's joint-call need names the programme.
    const needs = JSON.parse(await ok(['needs', 'list', '--format', 'json'])) as {
      externalId: string
      programmeId: number | null
    }[]
    expect(needs.filter((n) => n.programmeId === first?.id).map((n) => n.externalId)).toEqual([
      'SYNTHETIC-NEED-2',
    ])
    const shown = JSON.parse(await ok(['programmes', 'show', String(first?.id), '--format', 'json']))
    expect(shown.milestones.map((m: { status: string }) => m.status)).toEqual([
      'done',
      'done',
      'late',
      'planned',
    ])
    // The demo programmes link outputs of the demo store by its synthetic funders: every link is one the
    // engine accepts, and together they match works (a small store may lack a programme's country pairs).
    let linked = 0
    for (const p of list) {
      const outputs = JSON.parse(await ok(['programmes', 'outputs', String(p.id), '--format', 'json'])) as {
        total: number
        links: { problem: string | null }[]
      }
      expect(outputs.links.filter((l) => l.problem)).toEqual([])
      linked += outputs.total
    }
    expect(linked).toBeGreaterThan(0)
  })

  it('imports all or nothing with located errors, lists, shows and exports what import reads back', async () => {
    const before = JSON.parse(await ok(['programmes', 'list', '--format', 'json'])) as {
      id: number
      title: string
    }[]
    writeFileSync(
      join(dir, 'bad.jsonl'),
      [
        JSON.stringify(PROGRAMME),
        JSON.stringify({ ...PROGRAMME, externalId: 'IMP-2', partnerCountries: ['XX'] }),
      ].join('\n'),
    )
    const bad = await runCli(dir, ['programmes', 'import', 'bad.jsonl', '--store', 'data'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/\(bad\.jsonl:2 programmes\[1\]\.partnerCountries\[0\]\) \[INVALID_VALUE\]/)
    expect(JSON.parse(await ok(['programmes', 'list', '--format', 'json']))).toEqual(before)
    writeFileSync(join(dir, 'good.json'), JSON.stringify({ programmes: [PROGRAMME] }))
    expect(await ok(['programmes', 'import', 'good.json', '--format', 'meridian'])).toContain(
      'imported 1 programme',
    )
    const list = JSON.parse(await ok(['programmes', 'list', '--format', 'json'])) as {
      id: number
      title: string
    }[]
    const imported = list.find((p) => p.title === PROGRAMME.title)
    expect(imported).toBeDefined()
    const shown = JSON.parse(await ok(['programmes', 'show', String(imported?.id), '--format', 'json']))
    expect(shown).toMatchObject({
      partnerCountries: ['CN', 'FR'],
      milestones: [{ title: 'Kick-off', status: 'done' }],
    })
    await ok(['programmes', 'export', '--out', 'export.json'])
    const again = await runCli(dir, ['programmes', 'import', 'export.json', '--store', 'data'])
    expect(again.stderr).toMatch(/\[CONFLICT\]/)
    const stip = await runCli(dir, [
      'programmes',
      'import',
      'good.json',
      '--format',
      'stip',
      '--store',
      'data',
    ])
    expect(stip.stderr).toMatch(/\(good\.json:1 InitiativeID\) \[BAD_RECORD\]/)
  })

  it('adds a KPI whose actual is the indicator result, lists it as JSON, refreshes only on a new data version', async () => {
    const list = JSON.parse(await ok(['programmes', 'list', '--format', 'json'])) as {
      id: number
      title: string
    }[]
    const id = String(list.find((p) => p.title === PROGRAMME.title)?.id)
    await ok([
      'kpi',
      'add',
      '--programme',
      id,
      '--indicator',
      'international-share',
      '--scope',
      'country:DE',
      '--years',
      '2019-2024',
      '--baseline-period',
      '2015-2018',
      '--target',
      '0.9',
      '--target-date',
      '2030-12-31',
      '--owner',
      'Lead agency',
    ])
    const kpis = JSON.parse(await ok(['kpi', 'list', '--programme', id, '--format', 'json'])) as Record<
      string,
      unknown
    >[]
    const indicator = JSON.parse(
      await ok([
        'indicators',
        'international-share',
        '--years',
        '2019-2024',
        '--no-intervals',
        '--format',
        'json',
      ]),
    ) as { rows: { country: string; value: number }[] }
    expect(kpis).toHaveLength(1)
    expect(kpis[0]).toMatchObject({
      indicator: 'international-share',
      baseline: { period: '2015-2018', source: 'computed' },
      target: { value: 0.9, date: '2030-12-31' },
      actual: indicator.rows.find((r) => r.country === 'DE')?.value,
      status: expect.stringMatching(/on-track|at-risk|off-track/),
    })
    expect(await ok(['kpi', 'refresh'])).toContain('refreshed 0 KPIs')
  })
})

const CHROMIUM = '/usr/bin/chromium'
if (!existsSync(CHROMIUM)) console.warn(`skipping the PDF report check: no Chromium at ${CHROMIUM}`)

describe('meridian report programme', () => {
  const sinoGerman = async () => {
    const list = JSON.parse(await ok(['programmes', 'list', '--format', 'json'])) as {
      id: number
      title: string
    }[]
    return String(list.find((p) => /Sino-German/.test(p.title))?.id)
  }

  it('writes the report in English and Chinese whose KPI figures are those `kpi list` gives', async () => {
    const id = await sinoGerman()
    const kpis = JSON.parse(await ok(['kpi', 'list', '--programme', id, '--format', 'json'])) as {
      actual: number | null
      baseline: { value: number | null }
    }[]
    for (const lang of ['en', 'zh']) {
      const said = await ok([
        'report',
        'programme',
        id,
        '--lang',
        lang,
        '--format',
        'csv',
        '--out',
        `r-${lang}.csv`,
      ])
      expect(said).toMatch(new RegExp(`wrote .*r-${lang}\\.csv \\(csv, ${lang}, \\d+ bytes\\)`))
      const csv = readFileSync(join(dir, `r-${lang}.csv`), 'utf8')
      const figures = kpis.flatMap((k) => [k.actual, k.baseline.value]).filter((v) => v !== null)
      expect(figures.length).toBeGreaterThan(1)
      for (const figure of figures) expect(csv).toContain(String(figure))
    }
    await ok(['report', 'programme', id, '--lang', 'zh', '--format', 'html', '--out', 'r.html'])
    const html = readFileSync(join(dir, 'r.html'), 'utf8')
    expect(html).toContain('<html')
    expect(html).toContain('关键绩效指标')
  })

  it.skipIf(!existsSync(CHROMIUM))('renders a PDF with Chromium', async () => {
    await ok(['report', 'programme', await sinoGerman(), '--format', 'pdf', '--out', 'r.pdf'])
    expect(readFileSync(join(dir, 'r.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('refuses an unknown programme and an unknown format, and writes nothing', async () => {
    const missing = await runCli(dir, [
      'report',
      'programme',
      '9999',
      '--out',
      'none.html',
      '--store',
      'data',
    ])
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toMatch(/no programme with id 9999 \[NOT_FOUND\]/)
    const format = await runCli(dir, [
      'report',
      'programme',
      '1',
      '--format',
      'doc',
      '--out',
      'none.html',
      '--store',
      'data',
    ])
    expect(format.code).toBe(2)
    expect(format.stderr).toMatch(/Allowed choices are html, pdf, csv, xlsx/)
    expect(existsSync(join(dir, 'none.html'))).toBe(false)
  })
})
