import { describe, expect, it } from 'vitest'
import type { ReadItem } from '@meridian/model'
import { readOpenAlexApiPage } from './openalex-api-page.js'

const read = (text: string): ReadItem[] => [...readOpenAlexApiPage(text, { file: 'page.json' })]

const summary = (items: readonly ReadItem[]) =>
  items.map((item) =>
    item.kind === 'work'
      ? ['work', item.work.provenance.line, item.work.ids.openalex]
      : ['problem', item.problem.line, item.problem.code, item.problem.field],
  )

describe('readOpenAlexApiPage', () => {
  it('reads the results of a one-line page, all at line 1, problems with their path', () => {
    const page = JSON.stringify({
      meta: { count: 3, per_page: 25 },
      results: [{ id: 'https://openalex.org/W1' }, { id: 'W2', publication_year: 1.5 }, { id: 'W3' }],
    })
    expect(summary(read(page))).toEqual([
      ['work', 1, 'W1'],
      ['problem', 1, 'BAD_FIELD', 'results[1].publication_year'],
      ['work', 1, 'W3'],
    ])
    const [first] = read(page)
    expect(first?.kind === 'work' && first.work.provenance.format).toBe('openalex-api-page')
  })

  it('reports each result of a pretty-printed page at the line where it starts', () => {
    const page = JSON.stringify({ meta: {}, results: [{ id: 'W1' }, 'oops', { id: 'W3' }] }, null, 2)
    expect(summary(read(page))).toEqual([
      ['work', 4, 'W1'],
      ['problem', 7, 'BAD_RECORD', 'results[1]'],
      ['work', 8, 'W3'],
    ])
  })

  it('reads a single work object', () => {
    expect(summary(read('\n {"id":"W9","title":"alone"}'))).toEqual([['work', 2, 'W9']])
  })

  it('reports a page that is not JSON, or whose results are not an array', () => {
    expect(summary(read('{"meta":{},"results":[{"id":"W1"}'))).toEqual([['problem', 1, 'BAD_RECORD', null]])
    expect(summary(read('{"meta":{},"results":{"id":"W1"}}'))).toEqual([
      ['problem', 1, 'BAD_RECORD', 'results'],
    ])
    expect(summary(read(''))).toEqual([['problem', 1, 'BAD_RECORD', null]])
  })

  it('reads a page the fast scan gives up on by parsing it whole', () => {
    const deep = `{"meta":{"x":${'['.repeat(40)}${']'.repeat(40)}},"results":[{"id":"W1"},{"id":"W2"}]}`
    expect(summary(read(deep))).toEqual([
      ['work', 1, 'W1'],
      ['work', 1, 'W2'],
    ])
  })
})
