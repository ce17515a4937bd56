import { BIBLIOMETRIX_REMAPS } from './bibliometrix-remaps.js'
import type { CountryCode } from './country.js'
import { MeridianError } from './errors.js'
import { unknownName } from './suggest.js'

/** A named, documented mapping applied to every country code at indicator time. */
export interface CountryPolicy {
  readonly kind: 'country-policy'
  readonly id: CountryPolicyId
  readonly title: string
  readonly description: string
  /**
   * Whose country extraction decides a work's countries: ours (`meridian`), or, for records a source gives
   * bibliometrix-readable addresses for (WoS), bibliometrix's own (`bibliometrix`), so its tables are reproduced.
   */
  readonly extraction: 'meridian' | 'bibliometrix'
  /** Codes counted as another code (or as no country: `null`); codes not listed count as themselves. */
  readonly remaps: Readonly<Record<string, CountryCode | null>>
}

export const COUNTRY_POLICY_IDS = Object.freeze(['iso', 'hk-mo-cn', 'bibliometrix'] as const)
export type CountryPolicyId = (typeof COUNTRY_POLICY_IDS)[number]

const policy = (p: Omit<CountryPolicy, 'kind'>): CountryPolicy =>
  Object.freeze({ kind: 'country-policy', ...p, remaps: Object.freeze({ ...p.remaps }) })

/** The country policies Meridian knows, by id. `iso` is the default. */
export const COUNTRY_POLICIES: Readonly<Record<CountryPolicyId, CountryPolicy>> = Object.freeze({
  iso: policy({
    id: 'iso',
    title: 'ISO 3166-1 as given by the source',
    description:
      'Each affiliation counts for the ISO 3166-1 alpha-2 country its source gives. England, Scotland, Wales ' +
      'and Northern Ireland are folded into GB when a source names them apart; Hong Kong, Macao and Taiwan ' +
      'count as themselves.',
    extraction: 'meridian',
    remaps: {},
  }),
  'hk-mo-cn': policy({
    id: 'hk-mo-cn',
    title: 'Hong Kong and Macao counted as China',
    description:
      'As iso, but Hong Kong (HK) and Macao (MO) count as China (CN), as the CWTS Leiden Ranking does. ' +
      'Taiwan (TW) counts as itself.',
    extraction: 'meridian',
    remaps: { HK: 'CN' as CountryCode, MO: 'CN' as CountryCode },
  }),
  bibliometrix: policy({
    id: 'bibliometrix',
    title: 'bibliometrix 5.4 country labels',
    description:
      "Reproduces the current bibliometrix (5.4): for Web of Science records a work's countries and its " +
      "corresponding-author country are what bibliometrix's own extraction reads from the C1 and RP " +
      'addresses (faults included: it takes the first name of its country list found anywhere in the reprint ' +
      'address); Taiwan is folded into China, Hong Kong is kept apart, the UK nations are one country. Other ' +
      'sources are remapped the same way. Older bibliometrix versions differed (its 2020 output kept Taiwan ' +
      'apart). Use it to compare with bibliometrix, not as a default.',
    extraction: 'bibliometrix',
    remaps: BIBLIOMETRIX_REMAPS,
  }),
})

/** The policy in force when none is asked for. */
export const DEFAULT_COUNTRY_POLICY: CountryPolicyId = 'iso'

/** Look a policy up by id; throws `BAD_OPTION` naming the known ids. */
export function countryPolicy(id: string = DEFAULT_COUNTRY_POLICY): CountryPolicy {
  if ((COUNTRY_POLICY_IDS as readonly string[]).includes(id)) return COUNTRY_POLICIES[id as CountryPolicyId]
  throw new MeridianError('BAD_OPTION', unknownName('country policy', id, COUNTRY_POLICY_IDS))
}

/** Apply a policy to one code. */
export function applyCountryPolicy(policy: CountryPolicy, code: CountryCode): CountryCode | null {
  const mapped = policy.remaps[code]
  return mapped === undefined ? code : mapped
}
