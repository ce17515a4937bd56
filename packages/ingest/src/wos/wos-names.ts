/** A key to compare author names as WoS spells them in AU/AF, C1 brackets, RP and OI: case and punctuation ignored. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N},]+/gu, '')
}

/** The family-name part of a key (`smith,john` -> `smith`). */
export function familyKey(key: string): string {
  const comma = key.indexOf(',')
  return comma < 0 ? key : key.slice(0, comma)
}

/**
 * Finds an author's position from a name as another field writes it: first by full name (AF), then by
 * short name (AU), then by family name when only one author has it.
 */
export class AuthorIndex {
  readonly #full = new Map<string, number>()
  readonly #short = new Map<string, number>()
  readonly #family = new Map<string, number>()

  constructor(fullNames: readonly string[], shortNames: readonly string[]) {
    const add = (map: Map<string, number>, key: string, position: number): void => {
      // A name two authors share identifies neither: -1 marks it ambiguous.
      map.set(key, map.has(key) ? -1 : position)
    }
    fullNames.forEach((name, i) => add(this.#full, nameKey(name), i))
    shortNames.forEach((name, i) => add(this.#short, nameKey(name), i))
    const families = fullNames.length > 0 ? fullNames : shortNames
    families.forEach((name, i) => add(this.#family, familyKey(nameKey(name)), i))
  }

  /** The 0-based position of the author `name` designates, or -1. */
  find(name: string): number {
    const key = nameKey(name)
    return this.#full.get(key) ?? this.#short.get(key) ?? this.#family.get(familyKey(key)) ?? -1
  }
}
