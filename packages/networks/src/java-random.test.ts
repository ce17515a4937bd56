import { describe, expect, it } from 'vitest'
import { javaRandom } from './java-random.js'

describe('javaRandom', () => {
  it('gives the sequence of java.util.Random', () => {
    // new java.util.Random(42): nextInt(10) x3, then nextDouble()
    const random = javaRandom(42)
    expect([random.nextInt(10), random.nextInt(10), random.nextInt(10)]).toEqual([0, 3, 8])
    const again = javaRandom(42)
    again.nextInt(10)
    expect(javaRandom(42).nextDouble()).toBeCloseTo(0.7275636800328681, 15)
  })

  it('stays in range', () => {
    const random = javaRandom(7)
    for (let i = 0; i < 1000; i++) {
      const n = random.nextInt(37)
      expect(n >= 0 && n < 37).toBe(true)
      const d = random.nextDouble()
      expect(d >= 0 && d < 1).toBe(true)
    }
  })
})
