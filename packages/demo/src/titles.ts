import type { WorkKeyword } from '@meridian/model'
import type { Rng } from './rng.js'
import { randomInt } from './sample.js'
import { TITLE_ADJECTIVES, TITLE_LINKS, TITLE_NOUNS } from './words.js'

const CAPITALISED = TITLE_ADJECTIVES.map((word) => word.charAt(0).toUpperCase() + word.slice(1))

/** A drawn title and the author keywords it implies. */
export interface DrawnTitle {
  readonly title: string
  /** The title's two phrases (`adaptive networks`, `coastal sediments`); the work's fields are added later. */
  readonly phrases: readonly [string, string]
}

/** A title that says it is synthetic: `Synthetic work 17: Adaptive networks of coastal sediments`. */
export function drawTitle(rng: Rng, n: number): DrawnTitle {
  const a = randomInt(rng, CAPITALISED.length)
  const noun = TITLE_NOUNS[randomInt(rng, TITLE_NOUNS.length)]!
  const link = TITLE_LINKS[randomInt(rng, TITLE_LINKS.length)]!
  const object = TITLE_ADJECTIVES[randomInt(rng, TITLE_ADJECTIVES.length)]!
  const noun2 = TITLE_NOUNS[randomInt(rng, TITLE_NOUNS.length)]!
  return {
    title: `Synthetic work ${n}: ${CAPITALISED[a]!} ${noun} ${link} ${object} ${noun2}`,
    phrases: [`${TITLE_ADJECTIVES[a]!} ${noun}`, `${object} ${noun2}`],
  }
}

/**
 * Synthetic author keywords: the title's two phrases, then the work's fields, each once. Drawn from no
 * random numbers, so the corpus a seed gives is otherwise unchanged.
 */
export function demoKeywords(phrases: readonly string[], fields: readonly string[]): WorkKeyword[] {
  const out: WorkKeyword[] = []
  for (const keyword of [...phrases, ...fields])
    if (!out.some((k) => k.keyword === keyword)) out.push({ keyword, kind: 'author', score: null })
  return out
}
