import type { Rng } from './rng.js'
import { randomInt } from './sample.js'
import { SYLLABLES } from './words.js'

/** A capitalised made-up word of `min` to `max` syllables: `Kariten`, `Solwei`. */
export function syllableName(rng: Rng, min: number, max: number): string {
  const count = min + randomInt(rng, max - min + 1)
  let word = ''
  for (let i = 0; i < count; i++) word += SYLLABLES[randomInt(rng, SYLLABLES.length)]
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/** `count` distinct made-up words, none of them in `taken` (which is updated). */
export function distinctNames(rng: Rng, count: number, taken: Set<string> = new Set()): string[] {
  const names: string[] = []
  // Retries stay rare: 64 syllables give over 260,000 words of two or three syllables.
  while (names.length < count) {
    const name = syllableName(rng, 2, 3)
    if (taken.has(name)) continue
    taken.add(name)
    names.push(name)
  }
  return names
}
