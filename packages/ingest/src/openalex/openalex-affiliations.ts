import { toCountryCode, toInstitutionType, toOpenAlexId, toRorId } from '@meridian/model'
import type { Affiliation, CountryCode, Institution, OpenAlexId } from '@meridian/model'
import { arrayOrEmpty, isJsonObject, stringOrNull } from './json-value.js'
import type { JsonObject } from './json-value.js'

/**
 * The affiliations of one OpenAlex authorship, in this order:
 * 1. one per entry of `institutions[]`, with the first raw string that `affiliations[]` links to it;
 * 2. one `{ raw: null, institution: null, country }` per code of `countries[]` that no institution of the
 *    authorship already gives (OpenAlex also finds countries in strings it could not match to an institution);
 * 3. one `{ raw, institution: null, country: null }` per raw string linked to none of the institutions.
 *
 * Unknown country codes become `null` (data quality, not a problem: the work is still good).
 * Without `affiliations[]` (older snapshots) the only link we infer is one string to one institution; with
 * several of both we cannot tell which is which, so the strings are left out rather than double-counted.
 */
export function decodeAffiliations(authorship: JsonObject): Affiliation[] {
  const institutions: Institution[] = []
  for (const entry of arrayOrEmpty(authorship.institutions)) {
    if (isJsonObject(entry)) institutions.push(decodeInstitution(entry))
  }
  const { rawOf, unlinked } = linkRawStrings(authorship, institutions)

  const affiliations: Affiliation[] = []
  const covered = new Set<CountryCode>()
  for (const institution of institutions) {
    const raw = institution.openalex === null ? null : (rawOf.get(institution.openalex) ?? null)
    affiliations.push({ raw, institution, country: institution.country })
    if (institution.country !== null) covered.add(institution.country)
  }
  for (const code of arrayOrEmpty(authorship.countries)) {
    const country = toCountryCode(stringOrNull(code))
    if (country === null || covered.has(country)) continue
    covered.add(country)
    affiliations.push({ raw: null, institution: null, country })
  }
  for (const raw of unlinked) affiliations.push({ raw, institution: null, country: null })
  return affiliations
}

function decodeInstitution(entry: JsonObject): Institution {
  return {
    ror: toRorId(stringOrNull(entry.ror)),
    openalex: toOpenAlexId(stringOrNull(entry.id)),
    name: stringOrNull(entry.display_name) ?? '',
    type: toInstitutionType(stringOrNull(entry.type)),
    country: toCountryCode(stringOrNull(entry.country_code)),
    // OpenAlex works carry no coordinates; the store fills them from ROR.
    lat: null,
    lon: null,
  }
}

interface Links {
  /** The raw string for each institution id, the first that links to it. */
  readonly rawOf: Map<OpenAlexId, string>
  /** Raw strings linked to none of the authorship's institutions, each once, in order. */
  readonly unlinked: readonly string[]
}

function linkRawStrings(authorship: JsonObject, institutions: readonly Institution[]): Links {
  const present = new Set<OpenAlexId>()
  for (const institution of institutions) if (institution.openalex !== null) present.add(institution.openalex)
  const rawOf = new Map<OpenAlexId, string>()
  const strings = arrayOrEmpty(authorship.raw_affiliation_strings).map(stringOrNull)

  if (!Array.isArray(authorship.affiliations)) {
    const only = institutions.length === 1 ? institutions[0]?.openalex : undefined
    if (only && strings.length === 1 && strings[0]) rawOf.set(only, strings[0])
    const unlinked = institutions.length === 0 ? strings.filter((raw): raw is string => !!raw) : []
    return { rawOf, unlinked: [...new Set(unlinked)] }
  }

  const linked = new Set<string>()
  const candidates = new Set<string>()
  for (const link of arrayOrEmpty(authorship.affiliations)) {
    if (!isJsonObject(link)) continue
    const raw = stringOrNull(link.raw_affiliation_string)
    if (!raw) continue
    candidates.add(raw)
    for (const id of arrayOrEmpty(link.institution_ids)) {
      const openalex = toOpenAlexId(stringOrNull(id))
      // `[null]` and ids of institutions the authorship does not list link to nothing we keep.
      if (openalex === null || !present.has(openalex)) continue
      linked.add(raw)
      if (!rawOf.has(openalex)) rawOf.set(openalex, raw)
    }
  }
  // A string OpenAlex left out of `affiliations[]` is linked to nothing either.
  for (const raw of strings) if (raw) candidates.add(raw)
  return { rawOf, unlinked: [...candidates].filter((raw) => !linked.has(raw)) }
}
