import { describe, expect, it } from 'vitest'
import { readTemplate } from './template.js'

describe('the Meridian programme file', () => {
  it('reads {"programmes": [...]}, a list, one programme, and JSON Lines with their lines', () => {
    const one = { title: 'A' }
    expect(readTemplate(JSON.stringify({ programmes: [one, one] }), 'f.json')).toEqual([
      { value: one, line: 1 },
      { value: one, line: 1 },
    ])
    expect(readTemplate(JSON.stringify([one]), 'f.json')).toEqual([{ value: one, line: 1 }])
    expect(readTemplate(JSON.stringify(one), 'f.jsonl')).toEqual([{ value: one, line: 1 }])
    expect(readTemplate(`${JSON.stringify(one)}\n\n${JSON.stringify({ title: 'B' })}\n`, 'f.jsonl')).toEqual([
      { value: one, line: 1 },
      { value: { title: 'B' }, line: 3 },
    ])
  })

  it('locates a line that is not JSON', () => {
    expect(() => readTemplate('{"title": "A"}\n{"title": \n', 'f.jsonl')).toThrow(
      expect.objectContaining({ code: 'BAD_RECORD', location: { file: 'f.jsonl', line: 2 } }),
    )
    expect(() => readTemplate('{"programmes": 3}', 'f.json')).toThrow(
      expect.objectContaining({ code: 'BAD_RECORD' }),
    )
  })
})
