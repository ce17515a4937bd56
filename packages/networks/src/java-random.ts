/** The random source the clustering and layout algorithms draw from. */
export interface Random {
  /** A double in [0, 1). */
  nextDouble(): number
  /** An integer in [0, bound). */
  nextInt(bound: number): number
}

// java.util.Random's 48-bit linear congruential generator, on three 16-bit limbs so every product stays exact.
const [C2, C1, C0] = [0x0005, 0xdeec, 0xe66d]
const MASK16 = 0xffff

/**
 * A seeded generator with the output of `java.util.Random`, so a seed gives the partition and layout
 * VOSviewer's Java code would give for the same network.
 * @example
 *   const random = javaRandom(42)
 *   random.nextInt(10)
 */
export function javaRandom(seed: number): Random {
  const scrambled = (BigInt(Math.trunc(seed)) ^ 0x5deece66dn) & ((1n << 48n) - 1n)
  let s0 = Number(scrambled & 0xffffn)
  let s1 = Number((scrambled >> 16n) & 0xffffn)
  let s2 = Number((scrambled >> 32n) & 0xffffn)
  const next = (bits: number): number => {
    let r0 = s0 * C0 + 0xb
    let carry = Math.floor(r0 / 65536)
    r0 &= MASK16
    let r1 = s1 * C0 + s0 * C1 + carry
    carry = Math.floor(r1 / 65536)
    r1 &= MASK16
    const r2 = (s2 * C0 + s1 * C1 + s0 * C2 + carry) & MASK16
    s0 = r0
    s1 = r1
    s2 = r2
    return (s2 * 65536 + s1) >>> (32 - bits)
  }
  return {
    nextDouble: () => (next(26) * 134217728 + next(27)) / 9007199254740992,
    nextInt: (bound) => {
      let r = next(31)
      const m = bound - 1
      if ((bound & m) === 0) return Math.floor((bound * r) / 2147483648)
      for (let u = r; ((u - (r = u % bound) + m) | 0) < 0; u = next(31));
      return r
    },
  }
}
