import type { Work } from '@meridian/model'

/** Normalised titles shorter than this never key a fuzzy merge ("Editorial", "Reply to ..." repeat). */
export const MIN_FUZZY_TITLE = 30

const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()

/** A title reduced to its letters and digits, accents and markup dropped. */
export function normaliseTitle(title: string): string {
  return fold(title.replace(/<[^>]+>/g, ' ')).replace(/[^\p{L}\p{N}]+/gu, '')
}

const INITIALS = /^(?:\p{Lu}\.?-?){1,4}$/u

/**
 * The surname of an author name as sources write it: "Smith, J." and "Smith J" (surname first, initials
 * after), "John Smith" (surname last). The last word of a multi-word surname, folded: "van der Berg" -> "berg".
 */
export function surname(name: string): string | null {
  const comma = name.indexOf(',')
  let part: string
  if (comma > 0) part = name.slice(0, comma)
  else {
    const words = name.trim().split(/\s+/)
    const last = words[words.length - 1] ?? ''
    part = words.length > 1 && INITIALS.test(last) ? words.slice(0, -1).join(' ') : last
  }
  const words = fold(part)
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 1)
  return words[words.length - 1] ?? null
}

/**
 * The conservative cross-source key: normalised title, year and first author's surname, or `null` when any is
 * missing or the title is too short to tell works apart.
 */
export function fuzzyKey(work: Work): string | null {
  if (work.year === null || !work.title) return null
  const title = normaliseTitle(work.title)
  if (title.length < MIN_FUZZY_TITLE) return null
  const first = work.authorships.find((a) => a.position === 0) ?? work.authorships[0]
  const name = first ? surname(first.name) : null
  return name ? `${title}|${work.year}|${name}` : null
}
