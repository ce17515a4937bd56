import { describe, expect, test } from 'vitest'
import { fractionalMatrix, normalizeMatrix, type PairCount } from './matrix-normalization.js'

// Works: w1 {A,B}, w2 {A,B,C}, w3 {A}, w4 {C}. M: AA 3, BB 2, CC 2, AB 2, AC 1, BC 1; N = 4.
const pairs: PairCount[] = [
  { country: 'A', partner: 'A', value: 3 },
  { country: 'B', partner: 'B', value: 2 },
  { country: 'C', partner: 'C', value: 2 },
  ...[
    ['A', 'B', 2],
    ['A', 'C', 1],
    ['B', 'C', 1],
  ].flatMap(([i, j, v]) => [
    { country: String(i), partner: String(j), value: Number(v) },
    { country: String(j), partner: String(i), value: Number(v) },
  ]),
]
const cell = (cells: { country: string; partner: string; value: number | null }[], i: string, j: string) =>
  cells.find((c) => c.country === i && c.partner === j)?.value

describe('normalizeMatrix', () => {
  test('counts: every ordered pair, zero where absent', () => {
    const cells = normalizeMatrix(pairs, ['A', 'B', 'D'], 'counts', 4)
    expect(cells).toHaveLength(9)
    expect(cell(cells, 'A', 'B')).toBe(2)
    expect(cell(cells, 'A', 'D')).toBe(0)
  })
  test('salton, jaccard, association strength', () => {
    expect(cell(normalizeMatrix(pairs, ['A', 'B'], 'salton', 4), 'A', 'B')).toBeCloseTo(2 / Math.sqrt(6), 15)
    expect(cell(normalizeMatrix(pairs, ['A', 'B'], 'jaccard', 4), 'A', 'B')).toBeCloseTo(2 / 3, 15)
    expect(cell(normalizeMatrix(pairs, ['A', 'C'], 'association', 4), 'A', 'C')).toBeCloseTo(4 / 6, 15)
    expect(cell(normalizeMatrix(pairs, ['A', 'B'], 'salton', 4), 'A', 'A')).toBe(1)
  })
  test('null where the denominator is zero', () => {
    expect(cell(normalizeMatrix(pairs, ['A', 'D'], 'salton', 4), 'A', 'D')).toBeNull()
    expect(cell(normalizeMatrix(pairs, ['D'], 'jaccard', 4), 'D', 'D')).toBeNull()
    expect(cell(normalizeMatrix(pairs, ['D'], 'association', 4), 'D', 'D')).toBeNull()
  })
})

describe('fractionalMatrix', () => {
  test('1/(n-1) per country pair; the diagonal is the row sum', () => {
    const sized = [
      { country: 'A', partner: 'B', countries: 2, value: 1 },
      { country: 'A', partner: 'B', countries: 3, value: 1 },
      { country: 'A', partner: 'C', countries: 3, value: 1 },
    ]
    const cells = fractionalMatrix(sized, ['A', 'B'])
    expect(cell(cells, 'A', 'B')).toBe(1.5)
    expect(cell(cells, 'A', 'A')).toBe(2) // two international works of A
    expect(cell(cells, 'B', 'A')).toBe(0) // only rows given for B count
  })
})
