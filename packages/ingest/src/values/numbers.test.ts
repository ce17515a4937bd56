import { describe, expect, it } from 'vitest'
import {
  countFromNumber,
  countFromText,
  quote,
  wholeDocument,
  yearFromNumber,
  yearFromText,
} from './index.js'

describe('years and counts', () => {
  it('accepts values the store can hold', () => {
    expect(yearFromText('2019')).toBe(2019)
    expect(countFromText('0')).toBe(0)
    expect(countFromText('2147483647')).toBe(2147483647)
    expect(yearFromNumber(1665)).toBe(1665)
  })

  it.each([
    ['a count beyond int32', countFromText('99999999999')],
    ['a count beyond int32, as a number', countFromNumber(2147483648)],
    ['a negative count', countFromNumber(-1)],
    ['a fractional count', countFromNumber(1.5)],
    ['a count that is not digits', countFromText('many')],
    ['a year of 1e308', yearFromNumber(1e308)],
    ['a negative year', yearFromNumber(-5)],
    ['a year too early', yearFromText('0999')],
    ['a year that is not digits', yearFromText('20X9')],
  ])('reports %s as a problem', (_name, value) => {
    expect(value).toEqual({ problem: expect.any(String) })
  })
})

describe('quote', () => {
  it('quotes a short value as JSON', () => {
    expect(quote({ a: [1, 'x', null] })).toBe('{"a":[1,"x",null]}')
    expect(quote('many')).toBe('"many"')
  })

  it('quotes a bounded excerpt of a value nested 10,000 levels deep, without recursion', () => {
    let deep: unknown = []
    for (let i = 0; i < 10_000; i++) deep = [deep]
    const text = quote(deep)
    expect(text.length).toBeLessThanOrEqual(81)
    expect(text.startsWith('[[[[')).toBe(true)
  })

  it('quotes a bounded excerpt of a huge string', () => {
    expect(quote('x'.repeat(10_000_000)).length).toBeLessThanOrEqual(81)
  })
})

describe('wholeDocument', () => {
  async function* lines(...texts: string[]): AsyncIterable<string> {
    yield* texts
  }
  it('joins the lines of a document, or reports one longer than the limit', async () => {
    expect(await wholeDocument(lines('{"a":', '1}'), 'f', 100)).toBe('{"a":\n1}')
    expect(await wholeDocument(lines('x'.repeat(60), 'y'.repeat(60)), 'f', 100)).toMatchObject({
      kind: 'problem',
      problem: { code: 'BAD_RECORD', file: 'f', line: 1 },
    })
  })
})
