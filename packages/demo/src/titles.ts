import type { Rng } from './rng.js'
import { randomInt } from './sample.js'
import { TITLE_ADJECTIVES, TITLE_LINKS, TITLE_NOUNS } from './words.js'

const CAPITALISED = TITLE_ADJECTIVES.map((word) => word.charAt(0).toUpperCase() + word.slice(1))

/** A title that says it is synthetic: `Synthetic work 17: Adaptive networks of coastal sediments`. */
export function drawTitle(rng: Rng, n: number): string {
  const adjective = CAPITALISED[randomInt(rng, CAPITALISED.length)]!
  const noun = TITLE_NOUNS[randomInt(rng, TITLE_NOUNS.length)]!
  const link = TITLE_LINKS[randomInt(rng, TITLE_LINKS.length)]!
  const object = TITLE_ADJECTIVES[randomInt(rng, TITLE_ADJECTIVES.length)]!
  const noun2 = TITLE_NOUNS[randomInt(rng, TITLE_NOUNS.length)]!
  return `Synthetic work ${n}: ${adjective} ${noun} ${link} ${object} ${noun2}`
}
