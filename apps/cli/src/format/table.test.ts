import { describe, expect, it } from 'vitest'
import { table } from './table.js'

describe('table', () => {
  it('prints every number of a column with a fraction the same way', () => {
    const text = table(
      ['country', 'works', 'value'],
      [
        { country: 'CN', works: 3, value: 0.8 },
        { country: 'US', works: 12, value: 1 },
      ],
    )
    expect(text.split('\n').slice(2, 4)).toEqual(['CN           3  0.8000', 'US          12  1.0000'])
  })
})
