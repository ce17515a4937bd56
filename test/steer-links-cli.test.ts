import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

// meridian programmes link|outputs on the embedded state database over a store of our own OpenAlex records:
// works funded by one funder under two awards, works of one institution over three years, one work of neither.
const ROR = 'https://ror.org/02mhbdp94'
const record = (n: number, year: number, grants: readonly string[], ror: string | null) =>
  JSON.stringify({
    id: `https://openalex.org/W${n}`,
    doi: `https://doi.org/10.5555/link.${n}`,
    title: `Linked work ${n} (synthetic)`,
    publication_year: year,
    authorships: [
      {
        author: { display_name: `Author ${n}` },
        institutions: [
          { id: `https://openalex.org/I${n}`, ror, display_name: 'Univ (synthetic)', country_code: 'DE' },
        ],
        countries: ['DE'],
      },
    ],
    grants: grants.map((award) => ({
      funder: 'https://openalex.org/F4320306076',
      funder_display_name: 'Funder (synthetic)',
      award_id: award,
    })),
  })
const WORKS = [
  record(1, 2019, ['AW-1'], null),
  record(2, 2020, ['AW-1', 'AW-2'], null),
  record(3, 2021, ['AW-2'], ROR),
  record(4, 2019, [], ROR),
  record(5, 2022, [], ROR),
  record(6, 2020, [], null),
]

let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-links-'))
  writeFileSync(join(dir, 'works.jsonl'), WORKS.join('\n') + '\n')
  writeFileSync(
    join(dir, 'programme.json'),
    JSON.stringify({ title: 'Linked programme (synthetic)', externalId: 'LINK-1', countries: ['DE'] }),
  )
  const ingest = await runCli(dir, ['ingest', 'works.jsonl', '--store', 'data'])
  expect(ingest.code, ingest.stderr).toBe(0)
  const imported = await runCli(dir, ['programmes', 'import', 'programme.json', '--store', 'data'])
  expect(imported.code, imported.stderr).toBe(0)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = (argv: string[]) => runCli(dir, [...argv, '--store', 'data'])
const ok = async (argv: string[]) => {
  const result = await run(argv)
  expect(result.code, result.stderr).toBe(0)
  return result.stdout
}

interface Outputs {
  links: { id: number; method: string; matched: number }[]
  total: number
  works: { doi: string; year: number }[]
}

describe('meridian programmes link and outputs', () => {
  it('links by funder and award, DOIs, institutions and years; lists the linked works once each', async () => {
    const [programme] = JSON.parse(await ok(['programmes', 'list', '--format', 'json'])) as { id: number }[]
    const id = String(programme?.id)
    expect(await ok(['programmes', 'link', id, '--funder', 'F4320306076', '--award', 'aw-1'])).toMatch(
      /link \d+ \(funder-award\)/,
    )
    const byDoi = JSON.parse(
      await ok(['programmes', 'link', id, '--doi', '10.5555/link.6', '10.5555/link.1', '--format', 'json']),
    ) as { method: string; dois: string[] }
    expect(byDoi).toMatchObject({ method: 'doi-list', dois: ['10.5555/link.6', '10.5555/link.1'] })
    await ok(['programmes', 'link', id, '--institution', ROR, '--years', '2019-2021', '--note', 'partner'])
    const outputs = JSON.parse(await ok(['programmes', 'outputs', id, '--format', 'json'])) as Outputs
    // AW-1: works 1, 2; DOIs: 6, 1; the institution in 2019-2021: 3, 4 (not 5, of 2022).
    expect(outputs.links.map((l) => [l.method, l.matched])).toEqual([
      ['funder-award', 2],
      ['doi-list', 2],
      ['institutions-period', 2],
    ])
    expect(outputs.total).toBe(5)
    expect(outputs.works.map((w) => w.doi).sort()).toEqual([1, 2, 3, 4, 6].map((n) => `10.5555/link.${n}`))
    const page = JSON.parse(
      await ok(['programmes', 'outputs', id, '--limit', '2', '--offset', '1', '--format', 'json']),
    ) as Outputs
    expect(page.works).toEqual(outputs.works.slice(1, 3))
    const text = await ok(['programmes', 'outputs', id])
    expect(text).toContain('institutions-period')
    expect(text).toContain('works: 5 distinct')
    // A KPI over the linked outputs: every linked work has a country, so their full count is the distinct total.
    const kpi = JSON.parse(
      await ok([
        'kpi',
        'add',
        '--programme',
        id,
        '--indicator',
        'output',
        '--scope',
        'outputs',
        '--counting',
        'full',
        '--baseline-period',
        '2019',
        '--target',
        '10',
        '--target-date',
        '2030-12-31',
        '--owner',
        'Lead agency',
        '--format',
        'json',
      ]),
    ) as { actual: number; baseline: { value: number; source: string } }
    expect(kpi.actual).toBe(outputs.total)
    expect(kpi.baseline).toMatchObject({ value: 2, source: 'computed' })
    expect(await ok(['kpi', 'list', '--programme', id])).toMatch(/output\s+outputs\s/)
  })

  it('refuses a link without one kind, a bad funder or years, and writes nothing', async () => {
    const [programme] = JSON.parse(await ok(['programmes', 'list', '--format', 'json'])) as { id: number }[]
    const id = String(programme?.id)
    const before = JSON.parse(await ok(['programmes', 'show', id, '--format', 'json'])) as {
      outputLinks: unknown[]
    }
    const refused = [
      await run(['programmes', 'link', id]),
      await run(['programmes', 'link', id, '--funder', 'F1', '--doi', '10.5555/link.1']),
      await run(['programmes', 'link', id, '--doi', '10.5555/link.1', '--award', 'A']),
      await run(['programmes', 'link', id, '--funder', 'Some Agency']),
      await run(['programmes', 'link', id, '--institution', ROR]),
      await run(['programmes', 'link', id, '--institution', ROR, '--years', 'soon']),
      await run(['programmes', 'link', '999', '--doi', '10.5555/link.1']),
      await run(['programmes', 'outputs', id, '--limit', '0']),
    ]
    expect(refused.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2, 2, 2])
    expect(refused[3]?.stderr).toContain('link.funder')
    const after = JSON.parse(await ok(['programmes', 'show', id, '--format', 'json'])) as {
      outputLinks: unknown[]
    }
    expect(after.outputLinks).toHaveLength(before.outputLinks.length)
  })

  it('unlinks one link; the outputs shrink to what the others name', async () => {
    const [programme] = JSON.parse(await ok(['programmes', 'list', '--format', 'json'])) as { id: number }[]
    const id = String(programme?.id)
    const before = JSON.parse(await ok(['programmes', 'outputs', id, '--format', 'json'])) as Outputs
    const institutions = before.links.find((l) => l.method === 'institutions-period')
    expect(await ok(['programmes', 'unlink', String(institutions?.id)])).toContain('removed output link')
    const after = JSON.parse(await ok(['programmes', 'outputs', id, '--format', 'json'])) as Outputs
    expect(after.links.map((l) => l.method)).toEqual(['funder-award', 'doi-list'])
    expect(after.total).toBe(3)
    expect((await run(['programmes', 'unlink', String(institutions?.id)])).code).toBe(2)
  })
})
