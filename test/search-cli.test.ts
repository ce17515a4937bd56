import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

// meridian search experts over a store of our own OpenAlex records (synthetic): two Chinese titles, two English.
const record = (n: number, title: string, year: number, inst: string, country: string, orcid?: string) =>
  JSON.stringify({
    id: `https://openalex.org/W${n}`,
    doi: `https://doi.org/10.5555/expert.${n}`,
    title,
    publication_year: year,
    authorships: [
      {
        author: { display_name: `Author ${n}`, ...(orcid ? { orcid: `https://orcid.org/${orcid}` } : {}) },
        institutions: [
          {
            id: `https://openalex.org/${inst}`,
            display_name: `${inst} (synthetic)`,
            country_code: country,
            type: 'education',
          },
        ],
        countries: [country],
      },
    ],
  })
const WORKS = [
  record(1, '石墨烯储能材料的研究', 2020, 'I1', 'CN', '0000-0002-1825-0097'),
  record(2, '石墨烯电池电极的制备', 2018, 'I2', 'CN'),
  record(3, 'Graphene battery electrodes', 2021, 'I3', 'DE'),
  record(4, 'Acknowledgement patterns in physics', 2019, 'I4', 'GB'),
]

let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-search-cli-'))
  writeFileSync(join(dir, 'works.jsonl'), WORKS.join('\n') + '\n')
  const ingest = await runCli(dir, ['ingest', 'works.jsonl', '--store', 'data', '--quiet'])
  expect(ingest.code, ingest.stderr).toBe(0)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = (argv: string[]) => runCli(dir, ['search', 'experts', ...argv, '--store', 'data'])

interface Answer {
  readonly total: number
  readonly rows: readonly { id: string; key: string; evidence: readonly { title: string }[] }[]
  readonly method: { readonly aggregation: string }
}

describe('meridian search experts', () => {
  it('answers a Chinese query in JSON with ranked institutions and their works as evidence', async () => {
    const result = await run(['石墨烯电池', '--format', 'json'])
    expect(result.code, result.stderr).toBe(0)
    const answer = JSON.parse(result.stdout) as Answer
    expect(answer.total).toBe(2)
    expect(answer.rows.map((r) => r.id)).toEqual(['I2', 'I1'])
    expect(answer.rows[0]?.evidence[0]?.title).toBe('石墨烯电池电极的制备')
    expect(answer.method.aggregation).toMatch(/best 5/)
  })

  it('ranks researchers by ORCID, filters by country and pages', async () => {
    const authors = JSON.parse(
      (await run(['graphene 石墨烯', '--level', 'author', '--format', 'json'])).stdout,
    ) as Answer
    expect(authors.rows.map((r) => r.key).sort()).toEqual(['name+institution', 'name+institution', 'orcid'])
    const de = JSON.parse(
      (await run(['graphene 石墨烯', '--country', 'DE', '--format', 'json'])).stdout,
    ) as Answer
    expect(de.rows.map((r) => r.id)).toEqual(['I3'])
    const page2 = JSON.parse(
      (await run(['graphene 石墨烯', '--page', '2', '--page-size', '2', '--format', 'json'])).stdout,
    ) as Answer
    expect([page2.total, page2.rows.length]).toEqual([3, 1])
  })

  it('prints a table and CSV', async () => {
    const shown = await run(['knowledge acknowledgement'])
    expect(shown.code, shown.stderr).toBe(0)
    expect(shown.stdout).toMatch(/^1 institutions from 1 matching works/)
    const rows = (await run(['graphene', '--format', 'csv'])).stdout.trim().split('\n')
    expect(rows[0]).toBe('rank,id,label,key,country,type,institution,score,matchingWorks,evidence')
    expect(rows).toHaveLength(2)
  })

  it('exits 2 on a bad level, country or page', async () => {
    for (const argv of [
      ['graphene', '--level', 'planet'],
      ['graphene', '--country', 'XYZ'],
      ['graphene', '--page', '0'],
      ['graphene', '--years', 'lately'],
      [' '],
    ]) {
      const result = await run(argv)
      expect(result.code, argv.join(' ')).toBe(2)
      expect(result.stderr).toMatch(/BAD_OPTION/)
    }
  })
})
