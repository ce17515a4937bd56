import type { WorkKeyword } from '@meridian/model'
import { abstractText, distinctKeywords, terms } from '../values/index.js'
import { arrayOrEmpty, isJsonObject, stringOrNull, type JsonObject } from './json-value.js'

/** Positions past this are not a real abstract's; such a word is left out rather than allocating for it. */
const MAX_POSITION = 100_000

/**
 * The abstract OpenAlex stores as `abstract_inverted_index` (word -> its positions), rebuilt as text by
 * putting each word at its positions; `null` when there is none.
 */
export function openAlexAbstract(index: unknown): string | null {
  if (!isJsonObject(index)) return null
  const words: string[] = []
  for (const [word, positions] of Object.entries(index))
    for (const position of arrayOrEmpty(positions))
      if (
        typeof position === 'number' &&
        Number.isInteger(position) &&
        position >= 0 &&
        position < MAX_POSITION
      )
        words[position] = word
  // filter skips a sparse array's holes, so a missing position leaves no double space.
  return abstractText(words.filter(() => true).join(' '))
}

const score = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null

const named = (kind: WorkKeyword['kind'], item: unknown): WorkKeyword[] =>
  isJsonObject(item) ? terms(kind, [stringOrNull(item.display_name)], score(item.score)) : []

/**
 * A work's `keywords` (kind `index`), its `topics` and `primary_topic` (kind `topic`), and its `concepts`
 * (kind `concept`) only when it has no topics, each with OpenAlex's score.
 */
export function openAlexKeywords(work: JsonObject): WorkKeyword[] {
  const topics = [...arrayOrEmpty(work.topics), work.primary_topic].flatMap((t) => named('topic', t))
  return distinctKeywords([
    ...arrayOrEmpty(work.keywords).flatMap((k) => named('index', k)),
    ...topics,
    ...(topics.length > 0 ? [] : arrayOrEmpty(work.concepts).flatMap((c) => named('concept', c))),
  ])
}
