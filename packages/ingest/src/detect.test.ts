import { describe, expect, it } from 'vitest'
import { detectFormat } from './detect.js'

describe('detectFormat', () => {
  it('tells OpenAlex JSON Lines whose first line is longer than the head by its id', () => {
    const head = `{"id":"https://openalex.org/W123","title":"${'x'.repeat(70_000)}`.slice(0, 65_536)
    expect(detectFormat(head)).toBe('openalex-jsonl')
    expect(detectFormat(`{"name":"${'x'.repeat(70_000)}`.slice(0, 65_536))).toBeNull()
  })
})
