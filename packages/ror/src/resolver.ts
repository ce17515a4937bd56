import type { CountryCode, Institution } from '@meridian/model'
import { placeCountry } from './country-names.js'
import type { Matcher } from './matcher.js'
import { findAffiliationOverride, type Overrides } from './overrides.js'
import { rorInstitution } from './ror-record.js'

/** What the resolver says about one affiliation string (the store's `AffiliationResolution`). */
export interface Resolution {
  readonly ror: string | null
  readonly country: CountryCode | null
  readonly confidence: number
  readonly reason: string
  readonly basis: 'matcher' | 'override'
  readonly institution: Institution | null
  readonly stringCountry: CountryCode | null
}

/** Options of `createResolver`. */
export interface ResolverOptions {
  /** The matcher, built on first use (building the index takes seconds); `null` when no registry is loaded. */
  readonly matcher: () => Matcher | null
  readonly overrides: Overrides | null
}

/** The country the last part of an address names, if any. */
export function stringCountry(raw: string): CountryCode | null {
  const last = raw.split(/[,;]/).at(-1) ?? raw
  return placeCountry(last)
}

/**
 * Overrides first (the first rule that applies), then the affiliation matcher for strings the source left
 * without an institution.
 * @example
 *   const resolver = createResolver({ matcher: () => createMatcher(registry), overrides: null })
 *   resolver.resolve('Dept Phys, Univ Bonn, Bonn, Germany', true)
 */
export function createResolver(options: ResolverOptions): {
  readonly hasOverrides: boolean
  resolve(raw: string, needsMatch: boolean): Resolution | null
} {
  let matcher: Matcher | null | undefined
  const getMatcher = () => (matcher === undefined ? (matcher = options.matcher()) : matcher)
  const overrides = options.overrides
  return {
    hasOverrides: (overrides?.affiliations.length ?? 0) > 0,
    resolve(raw, needsMatch) {
      const rule = overrides ? findAffiliationOverride(overrides, raw) : undefined
      if (rule) {
        const record = rule.ror ? getMatcher()?.record(rule.ror) : undefined
        return {
          ror: rule.ror,
          country: rule.country ?? record?.country ?? null,
          confidence: 1,
          reason: `override ${overrides?.file}:${rule.line}${rule.note ? ` (${rule.note})` : ''}`,
          basis: 'override',
          institution: record
            ? rorInstitution(record)
            : rule.ror
              ? {
                  ror: rule.ror,
                  openalex: null,
                  name: rule.ror,
                  type: null,
                  country: rule.country,
                  lat: null,
                  lon: null,
                }
              : null,
          stringCountry: stringCountry(raw),
        }
      }
      if (!needsMatch) return null
      const m = getMatcher()
      if (!m) return null
      const match = m.match(raw)
      const record = match.ror ? m.record(match.ror) : undefined
      return {
        ror: match.ror,
        country: match.country,
        confidence: match.confidence,
        reason: match.reason,
        basis: 'matcher',
        institution: record ? rorInstitution(record) : null,
        stringCountry: stringCountry(raw),
      }
    },
  }
}
