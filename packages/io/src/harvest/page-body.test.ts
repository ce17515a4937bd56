import { describe, expect, it } from 'vitest'
import { decodePageBody } from './page-body.js'

const PAGE = JSON.stringify({
  meta: { count: 3, per_page: 2, next_cursor: 'abc=', page: null, cost_usd: 0.0001 },
  results: [{ id: 'https://openalex.org/W1' }, { id: 'https://openalex.org/W2' }],
})

describe('decodePageBody', () => {
  it('reads the count, the next cursor, the number of results and the cost', () => {
    expect(decodePageBody(PAGE)).toEqual({
      kind: 'page',
      meta: { count: 3, nextCursor: 'abc=', results: 2, costUsd: 0.0001 },
    })
  })

  it('reads the last page (next_cursor null, results empty)', () => {
    const last = decodePageBody('{"meta":{"count":3,"next_cursor":null},"results":[]}')
    expect(last).toEqual({ kind: 'page', meta: { count: 3, nextCursor: null, results: 0, costUsd: null } })
  })

  it('refuses every prefix of a page: a truncated body is never taken for a page', () => {
    for (let cut = 0; cut < PAGE.length; cut++)
      expect(decodePageBody(PAGE.slice(0, cut)).kind, PAGE.slice(0, cut)).toBe('invalid')
  })

  it('refuses pages of the wrong shape', () => {
    for (const text of [
      '[]',
      '{"meta":{}}',
      '{"results":[]}',
      '{"meta":{"next_cursor":5},"results":[]}',
      '<html>502 Bad Gateway</html>',
    ])
      expect(decodePageBody(text).kind, text).toBe('invalid')
  })
})
