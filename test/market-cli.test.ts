import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

// The marketplace commands (issue 14's acceptance interface) on the embedded state database over a small demo
// store; the services run on PostgreSQL too, in packages/connect.
let dir: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'meridian-market-'))
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
  expect(demo.stdout).toContain('6 synthetic offers and needs published')
  expect(demo.stdout).toContain('300 synthetic patents generated, 300 added')
}, 300_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = (argv: string[]) => runCli(dir, [...argv, '--store', 'data'])

const NEEDS = [
  {
    externalId: 'T-1',
    title: 'Sensors for battery ageing in storage systems',
    summary: 'We need robust sensors that follow battery degradation in the field.',
    keywords: ['sensors', 'batteries'],
    trl: 4,
    contact: { name: 'A. Tester', email: 'tester@example.org' },
  },
  {
    externalId: 'T-2',
    type: 'rd-request',
    title: '电池 传感器 合作',
    summary: '寻找电池传感器方面的研究伙伴',
    languages: ['zh'],
    contact: { name: '测试', phone: '+86 10 5555 0199' },
  },
]

describe('meridian needs|offers and match', () => {
  it('lists the demo’s synthetic offers and needs', async () => {
    const needs = JSON.parse((await run(['needs', 'list', '--format', 'json'])).stdout) as {
      type: string
      synthetic: boolean
      status: string
    }[]
    expect(needs).toHaveLength(3)
    expect(needs.every((n) => n.synthetic && n.status === 'published')).toBe(true)
    expect((await run(['offers', 'list'])).stdout).toContain('(synthetic demo offer)')
  })

  it('imports a JSON file (a dry run writes nothing), lists it and exports it back', async () => {
    writeFileSync(join(dir, 'needs.json'), JSON.stringify(NEEDS, null, 2))
    const dry = await run(['needs', 'import', 'needs.json', '--dry-run'])
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.stdout).toContain('checked 2 needs')
    const before = JSON.parse((await run(['needs', 'list', '--format', 'json'])).stdout) as unknown[]
    expect(before).toHaveLength(3)
    const done = await run(['needs', 'import', 'needs.json'])
    expect(done.code, done.stderr).toBe(0)
    const after = JSON.parse((await run(['needs', 'list', '--format', 'json'])).stdout) as {
      externalId: string
      type: string
      status: string
    }[]
    expect(
      after.filter((n) => n.externalId?.startsWith('T-')).map((n) => [n.externalId, n.type, n.status]),
    ).toEqual([
      ['T-2', 'rd-request', 'draft'],
      ['T-1', 'technology-request', 'draft'],
    ])
    const exported = await run(['needs', 'export', '--format', 'csv', '--out', 'needs.csv'])
    expect(exported.code, exported.stderr).toBe(0)
    const csv = readFileSync(join(dir, 'needs.csv'), 'utf8')
    expect(csv.split('\n')[0]).toMatch(/^externalId,type,organisation,status,title,summary/)
    expect(csv).toContain('T-1,technology-request')
  })

  it('refuses a bad file whole, naming file, line and field, with exit code 2', async () => {
    writeFileSync(
      join(dir, 'bad.csv'),
      'type,title,summary,trl,contactName,contactEmail\ntechnology-request,A,B,3,C,c@x.org\ntechnology-request,A2,B2,ten,C,c@x.org\n',
    )
    const bad = await run(['needs', 'import', 'bad.csv'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('bad.csv:3')
    expect(bad.stderr).toContain('records[1].trl')
    writeFileSync(
      join(dir, 'offer.json'),
      JSON.stringify([{ ...NEEDS[0], type: 'technology-offer', advantage: 'x' }]),
    )
    const wrongSide = await run(['needs', 'import', 'offer.json'])
    expect(wrongSide.code).toBe(2)
    expect(wrongSide.stderr).toContain('records[0].type')
    const listed = JSON.parse((await run(['needs', 'list', '--format', 'json'])).stdout) as unknown[]
    expect(listed).toHaveLength(5)
  })

  it('matches a need to organisations and researchers with a score, reasons and evidence', async () => {
    const needs = JSON.parse((await run(['needs', 'list', '--format', 'json'])).stdout) as {
      id: number
      externalId: string
    }[]
    const id = needs.find((n) => n.externalId === 'T-1')?.id
    const result = await run(['match', 'need', String(id), '--format', 'json', '--page-size', '50'])
    expect(result.code, result.stderr).toBe(0)
    const answer = JSON.parse(result.stdout) as {
      total: number
      rows: {
        kind: string
        organisation?: { name: string }
        researcher?: { name: string }
        score: number
        reasons: { text: string }[]
        evidence: { works: unknown[]; patents: unknown[] }
      }[]
    }
    expect(answer.total).toBeGreaterThan(50)
    expect(answer.rows).toHaveLength(50)
    expect(new Set(answer.rows.map((r) => r.kind))).toEqual(new Set(['organisation', 'researcher']))
    for (const row of answer.rows) {
      expect(row.organisation ?? row.researcher).toBeDefined()
      expect(row.score).toBeGreaterThan(0)
      expect(row.reasons.length).toBeGreaterThan(0)
      // The demo's synthetic companies come by their patents alone.
      expect(row.evidence.works.length + row.evidence.patents.length).toBeGreaterThan(0)
    }
    // An offer is not a need.
    const offers = JSON.parse((await run(['offers', 'list', '--format', 'json'])).stdout) as { id: number }[]
    expect((await run(['match', 'need', String(offers[0]?.id)])).code).toBe(2)
    const table = await run(['match', 'offer', String(offers[0]?.id), '--kinds', 'record', '--lang', 'zh'])
    expect(table.code, table.stderr).toBe(0)
    expect(table.stdout).toMatch(/candidates for offer/)
  }, 120_000)

  it('shows the demo’s synthetic patents as evidence for a demo need', async () => {
    const needs = JSON.parse((await run(['needs', 'list', '--format', 'json'])).stdout) as {
      id: number
      externalId: string
    }[]
    const id = needs.find((n) => n.externalId === 'SYNTHETIC-NEED-1')?.id
    const result = await run(['match', 'need', String(id), '--format', 'json'])
    expect(result.code, result.stderr).toBe(0)
    const answer = JSON.parse(result.stdout) as {
      method: { patents: string }
      rows: {
        organisation?: { id: string }
        reasons: { kind: string }[]
        evidence: { works: unknown[]; patents: { number: string; title: string; year: number }[] }
      }[]
    }
    expect(answer.method.patents).not.toMatch(/^not used/)
    const withPatents = answer.rows.filter((r) => r.evidence.patents.length > 0)
    expect(withPatents.length).toBeGreaterThan(0)
    for (const row of withPatents) {
      expect(row.reasons.map((r) => r.kind)).toContain('patents')
      for (const patent of row.evidence.patents) {
        expect(patent.title).toMatch(/^Synthetic patent \d+: /)
        expect(patent.number).toMatch(/^[A-Z]{2}SYNTHETIC5\d{5}A1$/)
      }
    }
    // A synthetic company by its patents alone, and an institution of the corpus with its works and patents.
    expect(withPatents.some((r) => r.organisation?.id.startsWith('applicant:SYNTHETIC '))).toBe(true)
    expect(
      withPatents.some((r) => r.evidence.works.length > 0 && !r.organisation?.id.startsWith('applicant:')),
    ).toBe(true)
  }, 120_000)

  it('re-ranks by a local embedding model given as a plug-in, and names a bad plug-in', async () => {
    const needs = JSON.parse((await run(['needs', 'list', '--format', 'json'])).stdout) as {
      id: number
      externalId: string
    }[]
    const id = String(needs.find((n) => n.externalId === 'SYNTHETIC-NEED-1')?.id)
    // A stand-in model: character trigrams hashed into 64 dimensions (a real plug-in would load model files).
    writeFileSync(
      join(dir, 'trigrams.mjs'),
      `export function create({ modelDir }) {
        return {
          name: 'trigrams (' + modelDir.split('/').pop() + ')',
          embed: (texts) => texts.map((text) => {
            const v = new Float32Array(64)
            const t = text.toLowerCase()
            for (let i = 0; i + 3 <= t.length; i++) {
              let h = 0
              for (const c of t.slice(i, i + 3)) h = (h * 31 + c.charCodeAt(0)) >>> 0
              v[h % 64] += 1
            }
            return v
          }),
        }
      }\n`,
    )
    const result = await run([
      'match',
      'need',
      id,
      '--embedding-plugin',
      'trigrams.mjs',
      '--page-size',
      '5',
      '--format',
      'json',
    ])
    expect(result.code, result.stderr).toBe(0)
    const answer = JSON.parse(result.stdout) as {
      total: number
      method: { languages: string }
      rows: { rank: number; score: number; reasons: { kind: string; text: string }[] }[]
    }
    expect(answer.method.languages).toContain('re-ranked by the embedding model "trigrams (')
    expect(answer.rows).toHaveLength(5)
    expect(answer.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5])
    for (const [i, row] of answer.rows.entries()) {
      expect(row.reasons[0]?.kind).toBe('semantic')
      expect(row.score).toBeGreaterThan(0)
      if (i > 0) expect(row.score).toBeLessThanOrEqual(answer.rows[i - 1]!.score)
    }
    writeFileSync(join(dir, 'empty.mjs'), 'export const nothing = 1\n')
    const bad = await run(['match', 'need', id, '--embedding-plugin', 'empty.mjs'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('empty.mjs" exports no create({ modelDir })')
  }, 120_000)
})
