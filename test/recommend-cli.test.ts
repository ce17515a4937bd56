import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASELINES } from '@meridian/connect'
import { sql } from '@meridian/indicators'
import { javaRandom } from '@meridian/networks'
import { Store } from '@meridian/store'
import { runCli } from './run-cli.js'
import { HAVE_SHARED_DATA, shared } from './shared-data.js'

// `meridian recommend` over yearly Pajek files written here (a seeded network growing by triadic closure) and
// over a small demo store at the three levels.
let dir: string

/** Twelve yearly Pajek files, 1990-2001, over 40 labelled units; loops are each unit's works that year. */
function writeYearlyPajek(folder: string): void {
  mkdirSync(folder)
  const random = javaRandom(11)
  const units = 40
  const partners: Set<number>[] = Array.from({ length: units }, () => new Set())
  for (let year = 1990; year <= 2001; year++) {
    const lines = [
      `*Vertices ${units}`,
      ...Array.from({ length: units }, (_, i) => `${i + 1} "C${i}"`),
      '*Arcs',
    ]
    for (let i = 0; i < units; i++) lines.push(`${i + 1} ${i + 1} ${5 + i}`)
    for (let step = 0; step < 25; step++) {
      const a = random.nextInt(units)
      const known = [...partners[a]!]
      const via = known.length > 0 && random.nextDouble() < 0.7 ? known[random.nextInt(known.length)]! : -1
      const next = via >= 0 ? [...partners[via]!] : []
      const b = next.length > 0 ? next[random.nextInt(next.length)]! : random.nextInt(units)
      if (a === b) continue
      partners[a]!.add(b)
      partners[b]!.add(a)
    }
    for (let a = 0; a < units; a++) for (const b of partners[a]!) lines.push(`${a + 1} ${b + 1} 1`)
    writeFileSync(join(folder, `Net${year}.net`), lines.join('\r\n'))
  }
  writeFileSync(join(folder, 'README.txt'), 'not a network')
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-recommend-'))
  writeYearlyPajek(join(dir, 'years'))
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
}, 300_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Row {
  readonly model: string
  readonly auc: number
  readonly precisionAt20: number
  readonly recallAt20: number
}

describe('meridian recommend backtest', () => {
  it('prints one row per model from yearly Pajek files, the combined model first', async () => {
    const out = await runCli(dir, [
      'recommend',
      'backtest',
      '--pajek-dir',
      'years',
      '--train-end',
      '1997',
      '--horizon',
      '3',
      '--format',
      'json',
    ])
    expect(out.code, out.stderr).toBe(0)
    const rows = JSON.parse(out.stdout) as Row[]
    expect(rows.map((r) => r.model)).toEqual(['meridian', ...BASELINES])
    for (const row of rows) expect(Object.keys(row)).toEqual(['model', 'auc', 'precisionAt20', 'recallAt20'])
  })
  it('says in the table how the backtest was run', async () => {
    const out = await runCli(dir, [
      'recommend',
      'backtest',
      '--pajek-dir',
      'years',
      '--train-end',
      '1997',
      '--horizon',
      '3',
    ])
    expect(out.code, out.stderr).toBe(0)
    expect(out.stdout).toContain('new ties in 1998-2000')
    expect(out.stdout).toContain('nothing after 1997 was seen')
  })
  it('--task strengthening scores ties that grow, and says so', async () => {
    const args = ['recommend', 'backtest', '--pajek-dir', 'years', '--train-end', '1997', '--horizon', '3']
    const out = await runCli(dir, [...args, '--task', 'strengthening'])
    expect(out.code, out.stderr).toBe(0)
    expect(out.stdout).toContain(
      'strengthening ties: pairs tied in 1990-1997 whose joint works in 1998-2000 exceed those of 1995-1997',
    )
    expect(out.stdout).toContain('strengthened ties')
    expect((await runCli(dir, [...args, '--task', 'weakening'])).code).toBe(2)
  })
  it('refuses a cut-off the files cannot score, and a missing folder', async () => {
    const late = await runCli(dir, [
      'recommend',
      'backtest',
      '--pajek-dir',
      'years',
      '--train-end',
      '2000',
      '--horizon',
      '3',
    ])
    expect(late.code).toBe(2)
    expect(late.stderr).toContain('1990-2001')
    const missing = await runCli(dir, [
      'recommend',
      'backtest',
      '--pajek-dir',
      'nowhere',
      '--train-end',
      '1997',
      '--horizon',
      '3',
    ])
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toContain('nowhere')
  })
  it.skipIf(!HAVE_SHARED_DATA)(
    'on the real OpenAlex country networks, the combined model leads at T=2010, H=5',
    async () => {
      const out = await runCli(dir, [
        'recommend',
        'backtest',
        '--pajek-dir',
        shared('openalex-world-country-coauthorship-bavla/WrldCo_years'),
        '--train-end',
        '2010',
        '--horizon',
        '5',
        '--format',
        'json',
      ])
      expect(out.code, out.stderr).toBe(0)
      const [meridian, ...baselines] = JSON.parse(out.stdout) as Row[]
      expect(meridian).toEqual({ model: 'meridian', auc: 0.7956, precisionAt20: 0.581, recallAt20: 0.4587 })
      for (const row of baselines) expect(meridian!.precisionAt20).toBeGreaterThan(row.precisionAt20)
    },
    60_000,
  )
  it('backtests the demo store at the institution level', async () => {
    const out = await runCli(dir, [
      'recommend',
      'backtest',
      '--store',
      'data',
      '--level',
      'institution',
      '--train-end',
      '2018',
      '--horizon',
      '3',
      '--format',
      'json',
    ])
    expect(out.code, out.stderr).toBe(0)
    expect((JSON.parse(out.stdout) as Row[])[0]!.auc).toBeGreaterThan(0.5)
  }, 60_000)
})

interface Recommendation {
  readonly unit: { readonly id: string }
  readonly rows: readonly { partner: string; score: number; reasons: { kind: string; text: string }[] }[]
  readonly backtest: { readonly text: string; readonly rows: readonly Row[] }
}

describe('meridian recommend partners', () => {
  const partners = async (args: readonly string[]) => {
    const out = await runCli(dir, ['recommend', 'partners', '--store', 'data', '--format', 'json', ...args])
    expect(out.code, out.stderr).toBe(0)
    return JSON.parse(out.stdout) as Recommendation
  }
  it('suggests new partners for a country, each with reasons, and publishes the backtest beside them', async () => {
    const result = await partners(['--level', 'country', '--unit', 'DE'])
    expect(result.unit.id).toBe('DE')
    expect(result.rows.length).toBeGreaterThan(0)
    for (const row of result.rows) {
      expect(row.partner).not.toBe('DE')
      expect(row.score).toBeGreaterThan(0)
      expect(row.reasons.length).toBeGreaterThan(0)
    }
    expect(result.backtest.text).toMatch(/Of last period's top-20 suggestions/)
    expect(result.backtest.rows[0]!.model).toBe('meridian')
    const zh = await partners(['--level', 'country', '--unit', 'Germany', '--lang', 'zh', '--limit', '3'])
    expect(zh.rows).toHaveLength(3)
    expect(zh.rows[0]!.reasons[0]!.text).toMatch(/[\u4e00-\u9fff]/)
  }, 60_000)
  it('answers for an institution and an author of the demo store', async () => {
    const store = await Store.open({ path: join(dir, 'data', 'meridian.duckdb'), readOnly: true })
    const top = async (query: string) =>
      String((await store.runner.all(sql([query] as unknown as TemplateStringsArray)))[0]!.id)
    const institution = await top(
      'SELECT institution_key AS id FROM work_institutions GROUP BY institution_key ORDER BY count(*) DESC, id LIMIT 1',
    )
    const author = await top(
      "SELECT 'orcid:' || orcid AS id FROM authorships WHERE orcid IS NOT NULL GROUP BY orcid ORDER BY count(*) DESC, id LIMIT 1",
    )
    store.close()
    for (const [level, id] of [
      ['institution', institution],
      ['author', author],
    ] as const) {
      const result = await partners(['--level', level, '--unit', id])
      expect(result.unit.id, level).toBe(id)
      expect(result.rows.length, level).toBeGreaterThan(0)
      expect(result.rows[0]!.reasons.length).toBeGreaterThan(0)
    }
  }, 120_000)
  it('names an unknown unit with a close match, and refuses options that do not apply', async () => {
    const unknown = await runCli(dir, ['recommend', 'partners', '--store', 'data', '--unit', 'Germny'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Germany')
    const types = await runCli(dir, [
      'recommend',
      'partners',
      '--store',
      'data',
      '--unit',
      'DE',
      '--type',
      'company',
    ])
    expect(types.code).toBe(2)
  })
})
