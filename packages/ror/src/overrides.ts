import {
  ERROR_CODES,
  MeridianError,
  toCountryCode,
  toDoi,
  toOpenAlexId,
  toPmid,
  toRorId,
  toScopusEid,
  toWosUt,
  type CountryCode,
  type RorId,
} from '@meridian/model'

/** The first line of an overrides file, and the only version this Meridian reads. */
export const OVERRIDES_HEADER = { meridian: 'overrides', version: 1 } as const

/** A correction of every affiliation written as `affiliation` (case and spacing aside) or matching `pattern`. */
export interface AffiliationOverride {
  readonly kind: 'affiliation'
  readonly affiliation: string | null
  readonly pattern: RegExp | null
  readonly ror: RorId | null
  readonly country: CountryCode | null
  readonly note: string | null
  /** 1-based line in the overrides file. */
  readonly line: number
}

/** A correction of one work's country: one author's, or every author whose country is unknown. */
export interface WorkOverride {
  readonly kind: 'work'
  readonly id: { readonly kind: 'doi' | 'openalex' | 'wos' | 'scopus' | 'pmid'; readonly value: string }
  readonly country: CountryCode
  readonly author: number | null
  readonly note: string | null
  readonly line: number
}

/** A parsed overrides file. */
export interface Overrides {
  readonly file: string
  readonly affiliations: readonly AffiliationOverride[]
  readonly works: readonly WorkOverride[]
}

const ID_DECODERS = {
  doi: toDoi,
  openalex: toOpenAlexId,
  wos: toWosUt,
  scopus: toScopusEid,
  pmid: toPmid,
} as const

/** Fold an affiliation string for exact-match overrides: case, accents and spacing do not count. */
export function foldAffiliation(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Read an overrides file: JSON Lines, first line `{"meridian":"overrides","version":1}`, then one rule per line
 * (blank lines and lines starting with `#` are comments). Rules, first match wins:
 * - `{"affiliation": "...", "ror"?: "https://ror.org/...", "country"?: "XX", "note"?: "..."}`
 * - `{"pattern": "<regular expression, case-insensitive>", "ror"?: ..., "country"?: ..., "note"?: ...}`
 * - `{"work": "doi:10.1000/x" | "wos:WOS:..." | "scopus:2-s2.0-..." | "pmid:..." | "openalex:W...",
 *    "country": "XX", "author"?: 0, "note"?: "..."}`
 * Throws `BAD_FIELD` naming the file, line and field of the first bad rule.
 * @example
 *   parseOverrides('{"meridian":"overrides","version":1}\n{"affiliation":"Univ Bonn","country":"DE"}', 'fixes.jsonl')
 */
export function parseOverrides(text: string, file: string): Overrides {
  const affiliations: AffiliationOverride[] = []
  const works: WorkOverride[] = []
  let header = false
  text.split(/\r?\n/).forEach((source, index) => {
    const line = index + 1
    const trimmed = source.trim()
    if (trimmed === '' || trimmed.startsWith('#')) return
    const fail = (field: string | undefined, message: string): never => {
      throw new MeridianError(ERROR_CODES.BAD_FIELD, `overrides ${file}:${line}: ${message}`, {
        location: { file, line, field },
      })
    }
    let value: unknown
    try {
      value = JSON.parse(trimmed)
    } catch {
      fail(undefined, `not a JSON object: ${JSON.stringify(trimmed.slice(0, 80))}`)
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return fail(undefined, 'a rule must be a JSON object')
    const rule = value as Record<string, unknown>
    if (!header) {
      if (rule.meridian !== OVERRIDES_HEADER.meridian)
        fail('meridian', `the first line must be ${JSON.stringify(OVERRIDES_HEADER)}`)
      if (rule.version !== OVERRIDES_HEADER.version)
        fail('version', `version ${JSON.stringify(rule.version)} is not read by this Meridian (it reads 1)`)
      header = true
      return
    }
    const text = (field: string): string | null => {
      const v = rule[field]
      if (v === undefined || v === null) return null
      if (typeof v !== 'string' || v.trim() === '') return fail(field, `${field} must be a non-empty string`)
      return v
    }
    const known = new Set(['affiliation', 'pattern', 'work', 'ror', 'country', 'author', 'note'])
    for (const key of Object.keys(rule))
      if (!known.has(key)) fail(key, `unknown field ${JSON.stringify(key)}`)
    const note = text('note')
    const countryText = text('country')
    const country = countryText === null ? null : toCountryCode(countryText)
    if (countryText !== null && country === null)
      fail('country', `${JSON.stringify(countryText)} is not an ISO 3166-1 alpha-2 code`)
    const work = text('work')
    if (work !== null) {
      const at = work.indexOf(':')
      const kind = work.slice(0, at) as keyof typeof ID_DECODERS
      const decoded = at > 0 && kind in ID_DECODERS ? ID_DECODERS[kind](work.slice(at + 1)) : null
      if (!decoded)
        fail('work', `${JSON.stringify(work)} is not doi:, openalex:, wos:, scopus: or pmid: an id`)
      if (!country) fail('country', 'a work rule needs a country')
      const author = rule.author
      if (author !== undefined && !(Number.isInteger(author) && (author as number) >= 0))
        fail('author', 'author must be a 0-based author position')
      works.push({
        kind: 'work',
        id: { kind, value: String(decoded) },
        country: country as CountryCode,
        author: author === undefined ? null : (author as number),
        note,
        line,
      })
      return
    }
    const affiliation = text('affiliation')
    const patternText = text('pattern')
    if ((affiliation === null) === (patternText === null))
      fail(undefined, 'a rule needs exactly one of "affiliation", "pattern" or "work"')
    let pattern: RegExp | null = null
    if (patternText !== null)
      try {
        pattern = new RegExp(patternText, 'iu')
      } catch (cause) {
        fail('pattern', `not a regular expression: ${(cause as Error).message}`)
      }
    const rorText = text('ror')
    const ror = rorText === null ? null : toRorId(rorText)
    if (rorText !== null && ror === null) fail('ror', `${JSON.stringify(rorText)} is not a ROR id`)
    if (ror === null && country === null) fail(undefined, 'an affiliation rule needs a "ror" or a "country"')
    affiliations.push({
      kind: 'affiliation',
      affiliation: affiliation === null ? null : foldAffiliation(affiliation),
      pattern,
      ror,
      country,
      note,
      line,
    })
  })
  if (!header)
    throw new MeridianError(ERROR_CODES.BAD_FIELD, `overrides ${file}: no header line`, {
      location: { file, line: 1, field: 'meridian' },
    })
  return { file, affiliations, works }
}

/** The first affiliation rule that applies to a string, or `undefined`. */
export function findAffiliationOverride(overrides: Overrides, raw: string): AffiliationOverride | undefined {
  const folded = foldAffiliation(raw)
  return overrides.affiliations.find((r) =>
    r.affiliation !== null ? r.affiliation === folded : (r.pattern?.test(raw) ?? false),
  )
}
