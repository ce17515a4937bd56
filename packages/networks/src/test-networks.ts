import { makeNetwork, type Network } from './network.js'

/** A network from 1-based edge pairs, nodes named by number: for tests. */
export function fromPairs(nodes: number, pairs: readonly (readonly [number, number, number?])[]): Network {
  return makeNetwork(
    Array.from({ length: nodes }, (_, i) => ({
      id: String(i + 1),
      label: `n${i + 1}`,
      weights: { works: 1 },
    })),
    pairs.map(([a, b, w]) => ({ source: a - 1, target: b - 1, strength: w ?? 1 })),
  )
}

const KARATE_ADJACENCY: Readonly<Record<number, readonly number[]>> = {
  1: [2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 18, 20, 22, 32],
  2: [3, 4, 8, 14, 18, 20, 22, 31],
  3: [4, 8, 9, 10, 14, 28, 29, 33],
  4: [8, 13, 14],
  5: [7, 11],
  6: [7, 11, 17],
  7: [17],
  9: [31, 33, 34],
  10: [34],
  14: [34],
  15: [33, 34],
  16: [33, 34],
  19: [33, 34],
  20: [34],
  21: [33, 34],
  23: [33, 34],
  24: [26, 28, 30, 33, 34],
  25: [26, 28, 32],
  26: [32],
  27: [30, 34],
  28: [34],
  29: [32, 34],
  30: [33, 34],
  31: [33, 34],
  32: [33, 34],
  33: [34],
}

/** Zachary's karate club (Zachary 1977): 34 members, 78 friendships. */
export const KARATE: readonly (readonly [number, number])[] = Object.entries(KARATE_ADJACENCY).flatMap(
  ([a, bs]) => bs.map((b) => [Number(a), b] as const),
)
