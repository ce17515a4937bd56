import { describe, expect, it } from 'vitest'
import type { ReadItem } from '@meridian/model'
import { readOpenAlexJsonl } from './openalex-jsonl.js'

async function* linesOf(lines: readonly string[]): AsyncIterable<string> {
  yield* lines
}

async function read(lines: readonly string[]): Promise<ReadItem[]> {
  const items: ReadItem[] = []
  for await (const item of readOpenAlexJsonl(linesOf(lines), { file: 'part_000.jsonl' })) items.push(item)
  return items
}

const summary = (items: readonly ReadItem[]) =>
  items.map((item) =>
    item.kind === 'work'
      ? ['work', item.work.provenance.line, item.work.ids.openalex]
      : ['problem', item.problem.line, item.problem.code, item.problem.field],
  )

describe('readOpenAlexJsonl', () => {
  it('reads one work per line, skips blank lines and reports each bad line and goes on', async () => {
    const items = await read([
      '\uFEFF{"id":"https://openalex.org/W1","abstract_inverted_index":{"x":[0]}}',
      '',
      '   \r',
      '{"id":"W2", "title": "broken',
      '[1, 2]',
      '{"id":"W3","publication_year":"2001"}',
      '{"title":"no id"}',
      '{"id":"W4","referenced_works":["W1"]}\r',
    ])
    expect(summary(items)).toEqual([
      ['work', 1, 'W1'],
      ['problem', 4, 'BAD_RECORD', null],
      ['problem', 5, 'BAD_RECORD', null],
      ['problem', 6, 'BAD_FIELD', 'publication_year'],
      ['problem', 7, 'BAD_RECORD', 'id'],
      ['work', 8, 'W4'],
    ])
  })

  it('names the file in provenance and problems', async () => {
    const [good, bad] = await read(['{"id":"W1"}', 'nope'])
    expect(good?.kind === 'work' && good.work.provenance).toEqual({
      source: 'openalex',
      format: 'openalex-jsonl',
      file: 'part_000.jsonl',
      line: 1,
    })
    expect(bad?.kind === 'problem' && bad.problem.file).toBe('part_000.jsonl')
  })

  it('decodes a line the fast scan gives up on the same way as any other', async () => {
    const deep = `{"id":"W1","x":${'['.repeat(40)}${']'.repeat(40)},"publication_year":1999}`
    const [item] = await read([deep])
    expect(item?.kind === 'work' && item.work.year).toBe(1999)
  })

  it('reports years and counts the store cannot hold as located problems, and goes on', async () => {
    const items = await read([
      '{"id":"W1","cited_by_count":2147483648}',
      '{"id":"W2","publication_year":1e308}',
      '{"id":"W3","publication_year":-5}',
      '{"id":"W4","cited_by_count":"many"}',
      '{"id":"W5","cited_by_count":-1}',
      '{"id":"W6","publication_year":2020,"cited_by_count":2147483647}',
    ])
    expect(summary(items)).toEqual([
      ['problem', 1, 'BAD_FIELD', 'cited_by_count'],
      ['problem', 2, 'BAD_FIELD', 'publication_year'],
      ['problem', 3, 'BAD_FIELD', 'publication_year'],
      ['problem', 4, 'BAD_FIELD', 'cited_by_count'],
      ['problem', 5, 'BAD_FIELD', 'cited_by_count'],
      ['work', 6, 'W6'],
    ])
  })

  it('reports authorships nested 10,000 levels deep as a problem with a bounded excerpt', async () => {
    const deep = `{"id":"W1","authorships":[${'['.repeat(10_000)}${']'.repeat(10_000)}]}`
    const [item] = await read([deep])
    expect(item?.kind === 'problem' && [item.problem.code, item.problem.field]).toEqual([
      'BAD_FIELD',
      'authorships[0]',
    ])
    expect(item?.kind === 'problem' && item.problem.message.length).toBeLessThan(200)
  })
})
