/** A source of uniform numbers in [0, 1). Injected everywhere so a seed fixes every draw. */
export type Rng = () => number

/** splitmix32: spreads a small integer seed over many well-mixed 32-bit words. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x9e3779b9) >>> 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

/**
 * A seeded sfc32 generator: small, fast and good enough for simulation (it passes PractRand to 2^50 bytes).
 * `stream` selects an independent sequence for the same seed, so the world and the works never share draws.
 *
 * @example
 * const rng = createRng(42)
 * rng() // 0.7213... and the same on every machine
 */
export function createRng(seed: number, stream = 0): Rng {
  const mix = splitmix32((seed >>> 0) ^ Math.imul(stream + 1, 0x2545f491))
  let a = mix()
  let b = mix()
  let c = mix()
  let d = mix()
  const rng = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  // The first outputs of sfc32 still echo the seed; discard them.
  for (let i = 0; i < 12; i++) rng()
  return rng
}
