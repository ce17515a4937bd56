import { describe, expect, it } from 'vitest'
import type { ReadItem } from '@meridian/model'
import { detectCrossrefJson, readCrossrefJson } from './crossref-json.js'

async function collect(text: string): Promise<ReadItem[]> {
  async function* lines(): AsyncIterable<string> {
    yield* text.split('\n')
  }
  const out: ReadItem[] = []
  for await (const item of readCrossrefJson(lines(), { file: 'page.json' })) out.push(item)
  return out
}

const work = {
  DOI: '10.1000/XYZ.1',
  type: 'journal-article',
  title: ['Cross-border science'],
  'container-title': ['Journal of Tests'],
  issued: { 'date-parts': [[2022, 3, 1]] },
  'is-referenced-by-count': 7,
  subject: ['Physics'],
  author: [
    {
      given: 'Ana',
      family: 'Silva',
      sequence: 'first',
      ORCID: 'http://orcid.org/0000-0002-1825-0097',
      affiliation: [
        {
          name: 'Instituto Superior Técnico, Universidade de Lisboa, Lisbon, Portugal',
          id: [{ id: 'https://ror.org/01c27hj86', 'id-type': 'ROR', 'asserted-by': 'publisher' }],
        },
      ],
    },
    {
      given: 'Li',
      family: 'Wei',
      sequence: 'additional',
      affiliation: [{ name: 'Tsinghua University, Beijing, P.R. China' }],
    },
    { name: 'The Consortium', sequence: 'additional', affiliation: [] },
  ],
}

describe('readCrossrefJson', () => {
  it('reads every item of a works page, with affiliations, countries and ROR ids', async () => {
    const page = JSON.stringify(
      { status: 'ok', 'message-type': 'work-list', message: { items: [work, { DOI: 'nope' }] } },
      null,
      2,
    )
    const items = await collect(page)
    expect(items).toHaveLength(2)
    const [first, second] = items
    if (first?.kind !== 'work') throw new Error('expected a work')
    expect(first.work.ids.doi).toBe('10.1000/xyz.1')
    expect(first.work.year).toBe(2022)
    expect(first.work.citedBy).toBe(7)
    expect(first.work.authorships.map((a) => a.name)).toEqual(['Silva, Ana', 'Wei, Li', 'The Consortium'])
    expect(first.work.authorships[0]?.orcid).toBe('0000-0002-1825-0097')
    expect(first.work.authorships[0]?.affiliations[0]?.institution?.ror).toBe('https://ror.org/01c27hj86')
    expect(first.work.authorships.map((a) => a.affiliations[0]?.country ?? null)).toEqual(['PT', 'CN', null])
    expect(second).toMatchObject({
      kind: 'problem',
      problem: { code: 'BAD_RECORD', field: 'message.items[1].DOI' },
    })
  })

  it('reads a single work response', async () => {
    const items = await collect(JSON.stringify({ 'message-type': 'work', message: work }))
    expect(items.map((i) => i.kind)).toEqual(['work'])
  })

  it('reports text that is not JSON as one problem', async () => {
    const items = await collect('{"message": ')
    expect(items).toMatchObject([{ kind: 'problem', problem: { code: 'BAD_RECORD', line: 1 } }])
  })

  it('detects Crossref responses by their message type', () => {
    expect(detectCrossrefJson('{"status":"ok","message-type":"work-list","message":{')).toBe(true)
    expect(detectCrossrefJson('{"meta":{"count":1},"results":[]}')).toBe(false)
  })
})
