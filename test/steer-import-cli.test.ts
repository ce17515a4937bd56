import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openState } from '@meridian/state'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

// `meridian programmes import` of a STIP Compass file (a fixture of our own in the published layout) on the
// embedded state database and, when MERIDIAN_TEST_DATABASE_URL names one, on a PostgreSQL server.
const FIXTURE = new URL('../packages/steer/test-fixtures/stip-sample.csv', import.meta.url)
const server = process.env.MERIDIAN_TEST_DATABASE_URL
const name = `meridian_stip_${process.pid}`
let dir: string
let url = ''
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-stip-'))
  copyFileSync(FIXTURE, join(dir, 'stip.csv'))
  mkdirSync(join(dir, 'cordis'))
  for (const [from, to] of [
    ['cordis-project.csv', 'project.csv'],
    ['cordis-organization.csv', 'organization.csv'],
  ] as const)
    copyFileSync(new URL(`../packages/steer/test-fixtures/${from}`, import.meta.url), join(dir, 'cordis', to))
  writeFileSync(join(dir, 'bad.csv'), readFileSync(FIXTURE, 'utf8').replace('|PRT|', '|PRX|'))
  if (!server) return
  const admin = await openState({ url: server, migrate: false })
  await sql.raw(`create database ${name}`).execute(admin.db)
  await admin.close()
  const parsed = new URL(server)
  parsed.pathname = `/${name}`
  url = parsed.toString()
})
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  if (!server) return
  const admin = await openState({ url: server, migrate: false })
  await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db)
  await admin.close()
})

const engines = [
  { engine: 'pglite', target: () => ['--store', 'data'] },
  ...(server ? [{ engine: 'postgres', target: () => ['--database-url', url] }] : []),
]

describe.each(engines)('meridian programmes import of a STIP file on $engine', ({ target }) => {
  const list = async () => {
    const result = await runCli(dir, ['programmes', 'list', '--format', 'json', ...target()])
    expect(result.code, result.stderr).toBe(0)
    return JSON.parse(result.stdout) as { id: number; title: string }[]
  }

  it('refuses a file with a malformed row, naming file, line and column, and stores nothing', async () => {
    const bad = await runCli(dir, ['programmes', 'import', 'bad.csv', ...target()])
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/\(bad\.csv:6 CountryCode\) \[INVALID_VALUE\]/)
    expect(await list()).toEqual([])
  })

  it('counts a three-instrument initiative once, and a second import adds nothing', async () => {
    const first = await runCli(dir, ['programmes', 'import', 'stip.csv', ...target()])
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toContain('imported 3 programmes')
    const rows = await list()
    expect(rows.map((r) => r.title).sort()).toEqual([
      'Synthetic innovation vouchers',
      'Synthetic joint lab programme',
      'Synthetic national AI strategy',
    ])
    expect(rows.every((r) => Number.isInteger(r.id))).toBe(true)
    const again = await runCli(dir, ['programmes', 'import', 'stip.csv', '--format', 'stip', ...target()])
    expect(again.stderr).toMatch(/\(stip\.csv:3 programmes\[0\]\.externalId\) \[CONFLICT\]/)
    expect(await list()).toEqual(rows)
    // Exported in the STIP layout and read back into another store: the same initiatives, once each.
    const out = await runCli(dir, [
      'programmes',
      'export',
      '--format',
      'stip',
      '--out',
      'out.csv',
      ...target(),
    ])
    expect(out.code, out.stderr).toBe(0)
    const copy = await runCli(dir, ['programmes', 'import', 'out.csv', '--store', `copy-${target()[0]}`])
    expect(copy.stdout).toContain('imported 3 programmes')
    writeFileSync(join(dir, 'other.csv'), 'a,b\n1,2\n')
    const unknown = await runCli(dir, ['programmes', 'import', 'other.csv', ...target()])
    // A CORDIS project file with its organisations beside it: one programme per project, partners included.
    const cordis = await runCli(dir, ['programmes', 'import', 'cordis/project.csv', ...target()])
    expect(cordis.stdout, cordis.stderr).toContain('imported 2 programmes')
    const all = await list()
    expect(all).toHaveLength(5)
    const lab = all.find((r) => r.title.startsWith('SYNLAB'))
    const shown = await runCli(dir, ['programmes', 'show', String(lab?.id), '--format', 'json', ...target()])
    expect(JSON.parse(shown.stdout)).toMatchObject({
      source: 'cordis',
      countries: ['DE'],
      partnerCountries: ['GR', 'PT', 'GB'],
      entities: [{ role: 'lead' }, { role: 'partner' }, { role: 'partner' }, { role: 'partner' }],
    })
    expect(unknown.stderr).toMatch(/\(other\.csv:1\) \[UNKNOWN_FORMAT\]/)
  })
})

describe('meridian programmes export --format meridian-csv|cordis, and import of what it wrote', () => {
  const csv = new URL('../packages/steer/test-fixtures/meridian-template.csv', import.meta.url)
  let work: string
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'meridian-csv-'))
    copyFileSync(csv, join(work, 'programmes.csv'))
    writeFileSync(
      join(work, 'bad.csv'),
      readFileSync(csv, 'utf8').replace(',2026-03-31,inst-b,', ',2026-31-03,inst-b,'),
    )
  })
  afterAll(() => rmSync(work, { recursive: true, force: true }))
  const shown = async (store: string) => {
    const list = await runCli(work, ['programmes', 'list', '--format', 'json', '--store', store])
    const views = []
    for (const { id } of JSON.parse(list.stdout) as { id: number }[]) {
      const show = await runCli(work, [
        'programmes',
        'show',
        String(id),
        '--format',
        'json',
        '--store',
        store,
      ])
      views.push(JSON.parse(show.stdout) as Record<string, unknown>)
    }
    return views
  }

  it('refuses a bad value naming file, line and column, and stores nothing', async () => {
    const bad = await runCli(work, ['programmes', 'import', 'bad.csv', '--store', 'a'])
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/\(bad\.csv:10 dueDate\) \[INVALID_VALUE\]/)
    expect(await shown('a')).toEqual([])
  })

  it('tells the format from the content, and export -> import into another store gives the same programmes', async () => {
    const first = await runCli(work, ['programmes', 'import', 'programmes.csv', '--store', 'a'])
    expect(first.stdout, first.stderr).toContain('imported 2 programmes')
    const out = await runCli(work, [
      'programmes',
      'export',
      '--format',
      'meridian-csv',
      '--out',
      'out.csv',
      '--store',
      'a',
    ])
    expect(out.code, out.stderr).toBe(0)
    expect(readFileSync(join(work, 'out.csv'), 'utf8')).toMatch(/^record,programme,/)
    const copy = await runCli(work, [
      'programmes',
      'import',
      'out.csv',
      '--format',
      'meridian-csv',
      '--store',
      'b',
    ])
    expect(copy.stdout, copy.stderr).toContain('imported 2 programmes')
    // Registry ids, entity keys (e<id>) and timestamps differ between the stores; the content does not.
    const content = (views: Record<string, unknown>[]) =>
      JSON.stringify(views).replace(
        /"(id|programmeId|componentId|responsibleEntityId|createdAt|updatedAt|at)":("[^"]*"|\d+)/g,
        '"$1":0',
      )
    const [a, b] = [await shown('a'), await shown('b')]
    expect(a).toHaveLength(2)
    expect(a[0]).toMatchObject({ title: 'Synthetic Sino-German joint lab programme', externalId: 'SYN-JL-1' })
    expect(content(b)).toBe(content(a))
  })

  it('reads the CSV template as --format meridian too (JSON or CSV told from the content)', async () => {
    const csvAsMeridian = await runCli(work, [
      'programmes',
      'import',
      'programmes.csv',
      '--format',
      'meridian',
      '--store',
      'e',
    ])
    expect(csvAsMeridian.stdout, csvAsMeridian.stderr).toContain('imported 2 programmes')
    const badAsMeridian = await runCli(work, [
      'programmes',
      'import',
      'bad.csv',
      '--format',
      'meridian',
      '--store',
      'f',
    ])
    expect(badAsMeridian.stderr).toMatch(/\(bad\.csv:10 dueDate\) \[INVALID_VALUE\]/)
    expect(await shown('f')).toEqual([])
    // Bad JSON: the hint is to fix the file, not an --on-error option `programmes import` does not have.
    writeFileSync(join(work, 'bad.json'), '{"programmes": [{"title": "A"},]}')
    const json = await runCli(work, [
      'programmes',
      'import',
      'bad.json',
      '--format',
      'meridian',
      '--store',
      'f',
    ])
    expect(json.code).toBe(2)
    expect(json.stderr).toMatch(/\(bad\.json:1\) \[BAD_RECORD\]\n {2}hint: /)
    expect(json.stderr).not.toContain('--on-error')
  })

  it('lists each problem of a refused file with its own location, the first not repeated at the end', async () => {
    const text = readFileSync(FIXTURE, 'utf8').replace('|PRT|', '|PRX|').replace('|2020|2025|', '|2020|20x5|')
    writeFileSync(join(work, 'two.csv'), text)
    const two = await runCli(work, ['programmes', 'import', 'two.csv', '--store', 'g'])
    expect(two.code).toBe(2)
    // The form, not the words: a head line with the code and no location, then one line per problem.
    const lines = two.stderr.split('\n')
    expect(lines[0]).toMatch(/^meridian: [^()]+ \[INVALID_VALUE\]$/)
    expect(lines.slice(1, 3)).toEqual([
      expect.stringMatching(/^ {2}.+ \(two\.csv:6 CountryCode\) \[INVALID_VALUE\]$/),
      expect.stringMatching(/^ {2}.+ \(two\.csv:8 EndDateYear\) \[INVALID_VALUE\]$/),
    ])
    expect(lines.slice(3)).toEqual([expect.stringMatching(/^ {2}hint: /), ''])
    expect(two.stderr).not.toContain('--on-error')
    expect(await shown('g')).toEqual([])
  })

  it('exports CORDIS project.csv and organization.csv, says what CORDIS cannot hold, and reads them back', async () => {
    const lossy = await runCli(work, [
      'programmes',
      'export',
      '--format',
      'cordis',
      '--out',
      'cordis-a',
      '--store',
      'a',
    ])
    expect(lossy.code, lossy.stderr).toBe(0)
    expect(lossy.stdout).toContain(
      'wrote 1 project and 2 organisations to cordis-a/project.csv and cordis-a/organization.csv',
    )
    expect(lossy.stdout).toMatch(
      /not expressed in CORDIS:\n {2}initiatives left out \(CORDIS holds funded projects\): 1\n {2}components: 1\n {2}milestones: 2\n/,
    )
    const noDir = await runCli(work, ['programmes', 'export', '--format', 'cordis', '--store', 'a'])
    expect(noDir.stderr).toMatch(/\[BAD_OPTION\]/)
    // CORDIS in, CORDIS out, CORDIS in again: the same programmes, nothing reported lost.
    mkdirSync(join(work, 'cordis'))
    for (const [from, to] of [
      ['cordis-project.csv', 'project.csv'],
      ['cordis-organization.csv', 'organization.csv'],
    ] as const)
      copyFileSync(
        new URL(`../packages/steer/test-fixtures/${from}`, import.meta.url),
        join(work, 'cordis', to),
      )
    expect(
      (await runCli(work, ['programmes', 'import', 'cordis/organization.csv', '--store', 'c'])).stdout,
    ).toContain('imported 2 programmes')
    const out = await runCli(work, [
      'programmes',
      'export',
      '--format',
      'cordis',
      '--out',
      'cordis-c',
      '--store',
      'c',
    ])
    expect(out.stdout).toBe(
      'wrote 2 projects and 5 organisations to cordis-c/project.csv and cordis-c/organization.csv\n',
    )
    const back = await runCli(work, ['programmes', 'import', 'cordis-c/project.csv', '--store', 'd'])
    expect(back.stdout, back.stderr).toContain('imported 2 programmes')
    expect(
      JSON.stringify(await shown('d')).replace(/"(id|programmeId|createdAt|updatedAt)":("[^"]*"|\d+)/g, ''),
    ).toBe(
      JSON.stringify(await shown('c')).replace(/"(id|programmeId|createdAt|updatedAt)":("[^"]*"|\d+)/g, ''),
    )
  })
})
