import { describe, expect, it } from 'vitest'
import { closestName } from './suggest.js'

describe('closestName', () => {
  const known = ['output', 'partners', 'international-share', 'iso', 'hk-mo-cn']
  it.each([
    ['ouput', 'output'],
    ['OUTPUT', 'output'],
    ['partner', 'partners'],
    ['internationl-share', 'international-share'],
    ['isoo', 'iso'],
    ['intern', 'international-share'],
  ])('%s -> %s', (value, near) => expect(closestName(value, known)).toBe(near))

  it('suggests nothing when nothing is close', () => {
    expect(closestName('zzzzzz', known)).toBeNull()
    expect(closestName('x'.repeat(10_000), known)).toBeNull()
  })
})
