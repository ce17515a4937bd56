/** Normalisations of a bilateral matrix the API offers. */
export const NORMALIZATIONS = Object.freeze([
  'counts',
  'salton',
  'jaccard',
  'association',
  'fractional',
] as const)
export type Normalization = (typeof NORMALIZATIONS)[number]

/** The formula of each normalisation, for method cards. */
export const NORMALIZATION_FORMULAS: Readonly<Record<Normalization, string>> = Object.freeze({
  counts: 'M(i,j) = works with both i and j; M(i,i) = works with i',
  salton: 'S(i,j) = M(i,j) / sqrt(M(i,i) · M(j,j))',
  jaccard: 'J(i,j) = M(i,j) / (M(i,i) + M(j,j) − M(i,j))',
  association: 'AS(i,j) = M(i,j) · N / (M(i,i) · M(j,j)), N = works with a known country in the period',
  fractional:
    'F(i,j) = Σ_w 1/(n_w − 1) over works w with i and j, n_w = countries of w; F(i,i) = Σ_{j≠i} F(i,j) (the international works of i)',
})

/** One cell of a matrix: `value` is `null` where the normalisation divides by zero. */
export interface MatrixCell {
  readonly country: string
  readonly partner: string
  readonly value: number | null
}

/** A full count: works with both `country` and `partner` (the diagonal: works with the country). */
export interface PairCount {
  readonly country: string
  readonly partner: string
  readonly value: number
}

/** Works with both countries that have exactly `countries` countries (`country` ≠ `partner`). */
export interface SizedPairCount extends PairCount {
  readonly countries: number
}

const key = (a: string, b: string) => `${a}\u0000${b}`

const lookup = (pairs: readonly PairCount[]) => {
  const map = new Map<string, number>()
  for (const p of pairs)
    map.set(key(p.country, p.partner), (map.get(key(p.country, p.partner)) ?? 0) + p.value)
  return (a: string, b: string) => map.get(key(a, b)) ?? 0
}

const grid = (countries: readonly string[], value: (i: string, j: string) => number | null): MatrixCell[] =>
  countries.flatMap((country) =>
    countries.map((partner) => ({ country, partner, value: value(country, partner) })),
  )

const divide = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator

/**
 * Normalise full counts over a set of countries (every ordered pair, diagonal included).
 * `total` is N of association strength: works with a known country in the period.
 * @example
 *   normalizeMatrix(pairs, ['CN', 'US'], 'salton', 0) // [{ country: 'CN', partner: 'CN', value: 1 }, ...]
 */
export function normalizeMatrix(
  pairs: readonly PairCount[],
  countries: readonly string[],
  normalization: Exclude<Normalization, 'fractional'>,
  total: number,
): MatrixCell[] {
  const m = lookup(pairs)
  switch (normalization) {
    case 'counts':
      return grid(countries, m)
    case 'salton':
      return grid(countries, (i, j) => divide(m(i, j), Math.sqrt(m(i, i) * m(j, j))))
    case 'jaccard':
      return grid(countries, (i, j) => divide(m(i, j), m(i, i) + m(j, j) - m(i, j)))
    case 'association':
      return grid(countries, (i, j) => divide(m(i, j) * total, m(i, i) * m(j, j)))
  }
}

/**
 * Fractional matrix (Perianes-Rodríguez, Waltman & van Eck 2016, at country level): each pair of countries on a
 * work with n countries gets 1/(n − 1), so a country's links on one work sum to 1. The diagonal is the sum of the
 * row over all partners (selected or not), which is the number of the country's international works.
 */
export function fractionalMatrix(
  sized: readonly SizedPairCount[],
  countries: readonly string[],
): MatrixCell[] {
  const weighted: PairCount[] = []
  const rowSums = new Map<string, number>()
  for (const p of sized) {
    if (p.countries < 2 || p.country === p.partner) continue
    const value = p.value / (p.countries - 1)
    weighted.push({ country: p.country, partner: p.partner, value })
    rowSums.set(p.country, (rowSums.get(p.country) ?? 0) + value)
  }
  const m = lookup(weighted)
  return grid(countries, (i, j) => (i === j ? (rowSums.get(i) ?? 0) : m(i, j)))
}
