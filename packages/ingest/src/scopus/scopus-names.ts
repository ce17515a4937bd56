const NOT_LETTER = /[^\p{L}]+/gu

const letters = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(NOT_LETTER, '')

/**
 * The ways Scopus writes one author across its fields, as keys (letters only, lower case): `Liu F.`,
 * `Liu, F.` and `F. Liu` all key as `liuf` or `fliu`. Built from the short name of the `Authors` field.
 */
function keysOf(short: string): string[] {
  const name = short.trim()
  const comma = name.indexOf(',')
  const space = name.lastIndexOf(' ')
  const cut = comma >= 0 ? comma : space
  if (cut < 0) return [letters(name)]
  const surname = letters(name.slice(0, cut))
  const initials = letters(name.slice(cut + 1))
  return [surname + initials, initials + surname]
}

/** Finds an author's position from a name as another Scopus field writes it. */
export class ScopusAuthorIndex {
  readonly #keys = new Map<string, number[]>()

  constructor(shortNames: readonly string[]) {
    shortNames.forEach((name, position) => {
      for (const key of new Set(keysOf(name))) {
        const positions = this.#keys.get(key)
        if (positions) positions.push(position)
        else this.#keys.set(key, [position])
      }
    })
  }

  /**
   * The 0-based position of the first author at or after `from` whom `name` designates, or -1. Two authors
   * with one name are told apart by order: the fields list them in author order.
   */
  find(name: string, from = 0): number {
    return this.#keys.get(letters(name))?.find((p) => p >= from) ?? -1
  }
}

/**
 * Split a CSV author list: `;` separates names in current exports (`Liu F.; Li C.`), `,` in older ones
 * (`Phillips J.C., Braun R.`). Scopus's placeholder for no authors gives none.
 */
export function splitScopusAuthors(text: string | null): string[] {
  if (text === null || text.startsWith('[No author')) return []
  const separator = text.includes(';') ? ';' : ','
  return text
    .split(separator)
    .map((name) => name.trim())
    .filter((name) => name.length > 0)
}
