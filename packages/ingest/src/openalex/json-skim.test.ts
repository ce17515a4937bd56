import { describe, expect, it } from 'vitest'
import { forEachElement, keepMembers, valueEnd } from './json-skim.js'

const keep = (text: string, ...keys: string[]) => keepMembers(text, new Set(keys))

describe('keepMembers', () => {
  it('keeps the named top-level members verbatim and drops the rest', () => {
    const text =
      '{"id":"W1","abstract_inverted_index":{"a":[0,2],"b":[1]},"title":"T","referenced_works":["W2"]}'
    expect(keep(text, 'id', 'title')).toBe('{"id":"W1","title":"T"}')
  })

  it('does not look inside strings for brackets, quotes or keys', () => {
    const text = String.raw`{"skip":"} ] \" { [ \\","x":{"id":"nested"},"id":"W\"1\\"}`
    const kept = keep(text, 'id')
    expect(JSON.parse(kept ?? '')).toEqual({ id: 'W"1\\' })
  })

  it('matches keys written with escapes as JSON.parse does', () => {
    expect(keep('{"\\u0069d":"W1","idx":2}', 'id')).toBe('{"\\u0069d":"W1"}')
  })

  it('accepts whitespace anywhere JSON does', () => {
    const text = ' \t{ "id" : "W1" ,\r\n "n" : [ 1 , { "a" : null } ] , "y" : 2001 } \r\n'
    expect(keep(text, 'id', 'y')).toBe('{"id" : "W1","y" : 2001}')
    expect(keep('{}', 'id')).toBe('{}')
  })

  it.each([
    ['an unclosed string', '{"id":"W1}'],
    ['an unbalanced container', '{"a":{"b":[1,2}}'],
    ['a bracket closed by a brace', '{"a":[1}'],
    ['trailing text', '{"id":"W1"} x'],
    ['two objects', '{"id":"W1"}{"id":"W2"}'],
    ['an array', '[1,2]'],
    ['a missing colon', '{"id" "W1"}'],
    ['a missing value', '{"id":,"x":1}'],
    ['a leading comma', '{,"id":"W1"}'],
    ['nesting deeper than the scan follows', `{"a":${'['.repeat(40)}${']'.repeat(40)}}`],
  ])('gives up on %s so the caller parses the whole text', (_name, text) => {
    expect(keep(text, 'id')).toBeUndefined()
  })
})

describe('valueEnd and forEachElement', () => {
  it('finds where scalars, strings and containers end', () => {
    expect(valueEnd('123,', 0)).toBe(3)
    expect(valueEnd('"a\\\\",', 0)).toBe(5)
    expect(valueEnd('{"a":[1,{"b":"]"}]} ', 0)).toBe(19)
  })

  it('visits each element of an array', () => {
    const text = '[ {"a":1}, 2 ,"x" ]'
    const seen: string[] = []
    expect(forEachElement(text, 0, (from, to) => seen.push(text.slice(from, to)))).toBe(text.length)
    expect(seen).toEqual(['{"a":1}', '2', '"x"'])
  })
})
