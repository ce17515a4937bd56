import type { CountryCode } from '@meridian/model'
import { placeCountry } from './country-names.js'
import { CANONICAL_WORDS, tokens, words } from './normalise.js'
import type { RorRecord } from './ror-record.js'

/** How a variant was derived from a record's names; derived variants score a little lower. */
export type VariantKind = 'name' | 'derived'

/**
 * The in-memory index a matcher searches: every name variant as a set of token ids, an inverted index
 * from token to variants, token weights (inverse document frequency), exact token-set keys, acronyms and
 * a city -> country table. Built once per registry; read-only afterwards.
 */
export interface RegistryIndex {
  readonly records: readonly RorRecord[]
  /** Token -> id. */
  readonly tokenIds: ReadonlyMap<string, number>
  /** Token id -> weight. */
  readonly weight: Float64Array
  /** Weight of a token the registry never uses. */
  readonly unknownWeight: number
  /** Token id -> variant ids (only tokens rare enough to generate candidates). */
  readonly postings: readonly (Int32Array | undefined)[]
  readonly variantOrg: Int32Array
  readonly variantTokens: readonly Int32Array[]
  readonly variantWeight: Float64Array
  readonly variantKind: readonly VariantKind[]
  readonly variantName: readonly string[]
  /** Variant id -> weight of its rarest token: low for generic names ("Institute of Physics"). */
  readonly variantSpecificity: Float64Array
  /** Token id -> 1 for words that say what kind of organisation a name is (`univ`, `inst`, `hosp`...). */
  readonly keyword: Uint8Array
  /** Token id -> 1 for one-word city and country names: in a span they are address, unless a name has them. */
  readonly place: Uint8Array
  /** Sorted unique token ids joined by spaces -> variant ids. */
  readonly exact: ReadonlyMap<string, readonly number[]>
  /** Upper-case acronym -> record indexes. */
  readonly acronyms: ReadonlyMap<string, readonly number[]>
  /** Folded city name -> its country, for cities that are in one country only. */
  readonly cityCountry: ReadonlyMap<string, CountryCode>
  /** Record index -> folded city words joined by spaces ('' when unknown). */
  readonly city: readonly string[]
  /** ROR id -> record index. */
  readonly byId: ReadonlyMap<string, number>
}

/** Tokens occurring in more variants than this only score; they do not generate candidates. */
const MAX_POSTINGS = 4000

/** The exact key of a token-id set. */
export const setKey = (ids: Iterable<number>): string => [...new Set(ids)].sort((a, b) => a - b).join(' ')

/** Words that say what kind of organisation a name is: a name that has one is not named without it. */
const KEYWORDS = new Set([
  'univ',
  'inst',
  'coll',
  'hosp',
  'ctr',
  'lab',
  'sch',
  'acad',
  'polytech',
  'fac',
  'clinic',
])

/** Single words that do not name an organisation on their own. */
const GENERIC = new Set([...CANONICAL_WORDS, 'gmbh', 'sa', 'ag', 'llc', 'bv', 'ab', 'as', 'spa', 'srl'])

function variantsOf(
  record: RorRecord,
  isPlace: (text: string) => boolean,
): { text: string; kind: VariantKind }[] {
  const out: { text: string; kind: VariantKind }[] = []
  for (const name of record.names) {
    if (name.types.includes('acronym') && name.types.length === 1) continue
    const qualifiers = [...name.value.matchAll(/\(([^)]*)\)/g)].map((m) => m[1] ?? '')
    const bare = name.value.replace(/\([^)]*\)/g, ' ')
    // ROR disambiguates companies with their country, "Airbus (Netherlands)": strings never say it that way.
    if (qualifiers.length > 0 && qualifiers.every(isPlace)) out.push({ text: bare, kind: 'name' })
    else {
      out.push({ text: name.value, kind: 'name' })
      if (bare !== name.value) out.push({ text: bare, kind: 'derived' })
    }
    // "Institute X, New Delhi": the part before the comma is how most strings name it.
    const comma = bare.indexOf(',')
    if (comma > 0 && tokens(bare.slice(0, comma)).length >= 2)
      out.push({ text: bare.slice(0, comma), kind: 'derived' })
  }
  return out
}

/** Build the search index of a registry. Withdrawn records are left out. */
export function buildRegistryIndex(all: readonly RorRecord[]): RegistryIndex {
  const isPlace = (text: string): boolean => placeCountry(text) !== null && words(text).length <= 4
  const records = all.filter((r) => r.status !== 'withdrawn')
  const tokenIds = new Map<string, number>()
  const df: number[] = []
  const variantOrg: number[] = []
  const variantTokens: Int32Array[] = []
  const variantKind: VariantKind[] = []
  const variantName: string[] = []
  const seen = new Set<string>()
  records.forEach((record, org) => {
    for (const { text, kind } of variantsOf(record, isPlace)) {
      const list = [...new Set(tokens(text))]
      if (list.length === 0 || (list.length === 1 && GENERIC.has(list[0] as string))) continue
      const ids = list.map((token) => {
        let id = tokenIds.get(token)
        if (id === undefined) {
          id = tokenIds.size
          tokenIds.set(token, id)
          df.push(0)
        }
        return id
      })
      const key = `${org}|${setKey(ids)}`
      if (seen.has(key)) continue
      seen.add(key)
      for (const id of ids) df[id] = (df[id] ?? 0) + 1
      variantOrg.push(org)
      variantTokens.push(Int32Array.from(ids))
      variantKind.push(kind)
      variantName.push(text.trim())
    }
  })
  const n = variantOrg.length
  const weight = Float64Array.from(df, (d) => Math.log(1 + n / d))
  const lists: number[][] = df.map(() => [])
  const variantWeight = new Float64Array(n)
  const variantSpecificity = new Float64Array(n)
  const exact = new Map<string, number[]>()
  for (let v = 0; v < n; v++) {
    const ids = variantTokens[v] as Int32Array
    let w = 0
    let specific = 0
    for (const id of ids) {
      w += weight[id] as number
      specific = Math.max(specific, weight[id] as number)
      if ((df[id] as number) <= MAX_POSTINGS) (lists[id] as number[]).push(v)
    }
    variantWeight[v] = w
    variantSpecificity[v] = specific
    const key = setKey(ids)
    const list = exact.get(key)
    if (list) list.push(v)
    else exact.set(key, [v])
  }
  const keyword = new Uint8Array(df.length)
  for (const [token, id] of tokenIds) if (KEYWORDS.has(token)) keyword[id] = 1
  const postings = lists.map((list) => (list.length > 0 ? Int32Array.from(list) : undefined))

  const acronyms = new Map<string, number[]>()
  const cities = new Map<string, CountryCode | null>()
  const city: string[] = []
  const byId = new Map<string, number>()
  records.forEach((record, org) => {
    byId.set(record.id, org)
    for (const name of record.names) {
      if (!name.types.includes('acronym')) continue
      const key = name.value.toUpperCase()
      const list = acronyms.get(key)
      if (!list) acronyms.set(key, [org])
      else if (!list.includes(org)) list.push(org)
    }
    const place = record.city ? words(record.city).join(' ') : ''
    city.push(place)
    if (place && record.country) {
      const known = cities.get(place)
      cities.set(place, known === undefined || known === record.country ? record.country : null)
    }
  })
  const cityCountry = new Map<string, CountryCode>()
  for (const [place, country] of cities) if (country) cityCountry.set(place, country)
  const place = new Uint8Array(df.length)
  for (const name of [...cities.keys()].filter((name) => !name.includes(' '))) {
    const id = tokenIds.get(name)
    if (id !== undefined && !keyword[id] && placeCountry(name) === null) place[id] = 1
  }
  for (const [token, id] of tokenIds) if (placeCountry(token) !== null) place[id] = 1

  return {
    records,
    tokenIds,
    weight,
    unknownWeight: Math.log(1 + n / 2),
    postings,
    variantOrg: Int32Array.from(variantOrg),
    variantTokens,
    variantWeight,
    variantKind,
    variantName,
    variantSpecificity,
    keyword,
    place,
    exact,
    acronyms,
    cityCountry,
    city,
    byId,
  }
}
