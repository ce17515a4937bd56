import type { CountryCode, RorId } from '@meridian/model'
import { cleanAffiliation } from './clean-affiliation.js'
import { placeCountry } from './country-names.js'
import { tokens, words } from './normalise.js'
import type { RorRegistry } from './read-ror-registry.js'
import { buildRegistryIndex, setKey, type RegistryIndex } from './registry-index.js'
import type { RorRecord } from './ror-record.js'

/** What the matcher says about one affiliation string. */
export interface AffiliationMatch {
  /** The organisation, or `null` when none scored above the threshold. */
  readonly ror: RorId | null
  /** The matched organisation's country, else the country the address names, else `null`. */
  readonly country: CountryCode | null
  /** 0..1; a match is made at `threshold` and above. */
  readonly confidence: number
  /** Why, in words: which segment matched which name, country agreement, what else was seen. */
  readonly reason: string
}

/** One organisation the matcher considered, with its best score. */
export interface MatchCandidate {
  readonly ror: RorId
  readonly name: string
  readonly score: number
  readonly segment: string
}

/** A match with the diagnostics behind it. */
export interface DetailedMatch extends AffiliationMatch {
  readonly segments: readonly string[]
  /** The best candidates, best first (at most 5). */
  readonly candidates: readonly MatchCandidate[]
}

export interface MatcherOptions {
  /** Minimum confidence for a match. Default `DEFAULT_THRESHOLD`, chosen on the ROR API log gold set. */
  readonly threshold?: number
}

export interface Matcher {
  /** Match one affiliation string. */
  match(affiliation: string): AffiliationMatch
  /** Match one affiliation string and return the candidates and segments too. */
  matchDetailed(affiliation: string): DetailedMatch
  /** The record of a ROR id in the loaded registry. */
  record(id: RorId): RorRecord | undefined
  /** Number of organisations indexed. */
  readonly size: number
}

/** The default confidence threshold (see the package README for how it was chosen). */
export const DEFAULT_THRESHOLD = 0.85

const COUNTRY_AGREES = 0.05
const COUNTRY_DISAGREES = 0.3
const CITY_NAMED = 0.05
const DERIVED = 0.03
const INACTIVE = 0.05
const AMBIGUOUS = 0.15
const CHILD_MARGIN = 0.1
const ACRONYM = 0.85
/** Postings read per span to generate candidates (the rarest token's are always read). */
const POSTINGS_BUDGET = 1500
/** Candidates below this similarity are not kept. */
const FLOOR = 0.45

interface Hit {
  org: number
  score: number
  /** Weight of the string's tokens the name accounts for. */
  inter: number
  variant: number
  span: number
  exact: boolean
  acronym: string | null
}

const round = (x: number): number => Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000

/**
 * Build an affiliation matcher over a ROR registry (in memory; about a second for 36k organisations).
 * @example
 * const matcher = createMatcher(readRorRegistry(text, { file: 'ror.jsonl' }))
 * matcher.match('Dept of Physics, Univ of Oxford, Oxford, UK') // { ror: 'https://ror.org/052gg0110', ... }
 */
export function createMatcher(
  registry: RorRegistry | readonly RorRecord[],
  options: MatcherOptions = {},
): Matcher {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD
  const index = buildRegistryIndex('records' in registry ? registry.records : registry)
  const acc = new Float64Array(index.variantOrg.length)
  const matchDetailed = (affiliation: string): DetailedMatch => run(index, acc, threshold, affiliation)
  return {
    match: (affiliation) => {
      const { ror, country, confidence, reason } = matchDetailed(affiliation)
      return { ror, country, confidence, reason }
    },
    matchDetailed,
    record: (id) => {
      const org = index.byId.get(id)
      return org === undefined ? undefined : index.records[org]
    },
    size: index.records.length,
  }
}

function detectCountry(index: RegistryIndex, segments: readonly string[]): CountryCode | null {
  for (let i = segments.length - 1; i >= Math.max(0, segments.length - 3); i--) {
    const country = placeCountry(segments[i] as string)
    if (country) return country
  }
  for (let i = segments.length - 1; i >= Math.max(1, segments.length - 2); i--) {
    const place = words(segments[i] as string)
      .filter((w) => !/\d/.test(w))
      .join(' ')
    const country = index.cityCountry.get(place)
    if (country) return country
  }
  return null
}

interface Span {
  readonly text: string
  /** Known token ids, unique, in order of first occurrence. */
  readonly ids: number[]
  /** Token ids in order, -1 for tokens the registry never uses. */
  readonly seq: number[]
  readonly weight: number
  readonly unknown: boolean
}

function toSpan(index: RegistryIndex, text: string): Span {
  const ids: number[] = []
  const seq: number[] = []
  let weight = 0
  let unknown = false
  for (const token of new Set(tokens(text))) {
    const id = index.tokenIds.get(token)
    if (id === undefined) {
      unknown = true
      seq.push(-1)
      weight += index.unknownWeight
    } else {
      ids.push(id)
      seq.push(id)
      weight += index.weight[id] as number
    }
  }
  return { text, ids, seq, weight, unknown }
}

function spansOf(index: RegistryIndex, segments: readonly string[]): Span[] {
  const spans: Span[] = []
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string
    // A later segment that only names a place ("Nijmegen", "Oxford OX1 3PU, UK") is no organisation.
    if (i === 0 || !isPlace(index, segment)) spans.push(toSpan(index, segment))
    if (i + 1 < segments.length) spans.push(toSpan(index, `${segment} ${segments[i + 1]}`))
  }
  return spans
}

function isPlace(index: RegistryIndex, segment: string): boolean {
  const list = words(segment).filter((w) => !/\d/.test(w))
  if (list.length === 0 || list.length > 4) return list.length === 0
  return placeCountry(segment) !== null || index.cityCountry.has(list.join(' '))
}

/**
 * Similarity of a name variant to a span, from the weights of the tokens they share: the share of the
 * name found (`cv`) times a term for the share of the span explained (`cs`), which matters less when the
 * name sits in the span as one contiguous run ("Univ Belgrade Fac Mech Eng" contains "Univ Belgrade").
 * A name whose words are all there but in another order scores a little less ("Miami University" is not
 * "University of Miami").
 */
function similarity(index: RegistryIndex, span: Span, v: number, inter: number): number {
  const vt = index.variantTokens[v] as Int32Array
  const cv = inter / (index.variantWeight[v] as number)
  const cs = inter / span.weight
  let lo = Infinity
  let hi = -1
  let ordered = true
  let last = -1
  let found = 0
  for (const id of vt) {
    const at = span.seq.indexOf(id)
    if (at < 0) continue
    found++
    if (at < last) ordered = false
    last = at
    lo = Math.min(lo, at)
    hi = Math.max(hi, at)
  }
  const order = ordered ? 0 : 0.02
  if (found === vt.length && cs >= 0.9999) return 1 - order
  if (found === vt.length && hi - lo + 1 === vt.length) return cv * (0.7 + 0.3 * cs) - order
  return cv * (0.45 + 0.55 * cs) - order
}

function scoreSpan(
  index: RegistryIndex,
  acc: Float64Array,
  span: Span,
  emit: (v: number, sim: number, inter: number) => void,
): void {
  if (span.ids.length === 0) return
  const exact = span.unknown ? undefined : index.exact.get(setKey(span.ids))
  for (const v of exact ?? []) emit(v, similarity(index, span, v, span.weight), span.weight)
  // Candidates come from the rarest tokens' postings, within a budget; the other tokens only score.
  const order = span.ids
    .slice()
    .sort((x, y) => (index.postings[x]?.length ?? 1e9) - (index.postings[y]?.length ?? 1e9))
  const touched: number[] = []
  let commonWeight = 0
  const common: number[] = []
  let budget = POSTINGS_BUDGET
  for (const id of order) {
    const list = index.postings[id]
    const w = index.weight[id] as number
    if (!list || (list.length > budget && budget < POSTINGS_BUDGET)) {
      common.push(id)
      commonWeight += w
      continue
    }
    budget -= list.length
    for (let k = 0; k < list.length; k++) {
      const v = list[k] as number
      if (acc[v] === 0) touched.push(v)
      acc[v] = (acc[v] as number) + w
    }
  }
  for (const v of touched) {
    let inter = acc[v] as number
    acc[v] = 0
    if (exact?.includes(v)) continue
    if ((inter + commonWeight) / (index.variantWeight[v] as number) < FLOOR) continue
    if (common.length > 0) {
      const vt = index.variantTokens[v] as Int32Array
      for (const id of common) if (vt.includes(id)) inter += index.weight[id] as number
    }
    const sim = similarity(index, span, v, inter)
    if (sim >= FLOOR) emit(v, sim, inter)
  }
}

const ACRONYM_FORM = /^[A-Z][A-Z0-9&-]{1,11}$/
const NOT_ACRONYMS = new Set(['USA', 'UK', 'US', 'PR', 'PRC', 'UAE', 'SAR', 'ROC'])

function related(a: RorRecord, b: RorRecord, type: 'child' | 'parent'): boolean {
  return a.relationships.some((r) => r.type === type && r.id === b.id)
}

function run(index: RegistryIndex, acc: Float64Array, threshold: number, affiliation: string): DetailedMatch {
  const parts = cleanAffiliation(affiliation)
  const { segments } = parts
  const stated = detectCountry(index, segments)
  if (parts.independent) {
    const reason = `independent researcher: no organisation${stated ? `; country ${stated} from the address` : ''}`
    return { ror: null, country: stated, confidence: 0, reason, segments, candidates: [] }
  }
  const place = ` ${words(segments.join(' ')).join(' ')} `
  const spans = spansOf(index, segments)
  const best = new Map<number, Hit>()
  const consider = (hit: Hit): void => {
    const known = best.get(hit.org)
    if (!known || hit.score > known.score) best.set(hit.org, hit)
  }
  const cityNamed = (org: number): boolean => {
    const city = index.city[org] as string
    return city !== '' && place.includes(` ${city} `)
  }
  const adjust = (org: number, score: number): number => {
    const record = index.records[org] as RorRecord
    if (record.status !== 'active') score -= INACTIVE
    if (stated && record.country) score += record.country === stated ? COUNTRY_AGREES : -COUNTRY_DISAGREES
    if (cityNamed(org)) score += CITY_NAMED
    return score
  }
  spans.forEach((span, s) => {
    scoreSpan(index, acc, span, (v, sim, inter) => {
      const org = index.variantOrg[v] as number
      let score = sim - (index.variantKind[v] === 'derived' ? DERIVED : 0)
      score = adjust(org, score)
      consider({ org, score, inter, variant: v, span: s, exact: sim === 1, acronym: null })
    })
  })
  if (stated) {
    for (const form of parts.shortForms) {
      const acronym = form.trim()
      if (!ACRONYM_FORM.test(acronym) || NOT_ACRONYMS.has(acronym)) continue
      const orgs = (index.acronyms.get(acronym) ?? []).filter((org) => index.records[org]?.country === stated)
      if (orgs.length !== 1) continue
      const org = orgs[0] as number
      consider({
        org,
        score: ACRONYM + (cityNamed(org) ? CITY_NAMED : 0),
        inter: 0,
        variant: -1,
        span: -1,
        exact: false,
        acronym,
      })
    }
  }

  const ranked = [...best.values()].sort(
    (a, b) => b.score - a.score || prominence(index, b) - prominence(index, a),
  )
  let pick = ranked[0]
  const notes: string[] = []
  if (pick) {
    const top = pick
    const parent = index.records[top.org] as RorRecord
    const child = ranked.find(
      (h) =>
        h !== top &&
        h.score >= top.score - CHILD_MARGIN &&
        h.inter > top.inter &&
        (related(parent, index.records[h.org] as RorRecord, 'child') ||
          related(index.records[h.org] as RorRecord, parent, 'parent')),
    )
    if (child) {
      pick = child
      notes.push(`preferred to its parent ${parent.name}`)
    }
  }
  const candidates = ranked.slice(0, 5).map((h) => candidate(index, spans, h))
  if (!pick) {
    const reason = stated
      ? `no organisation recognised; country ${stated} from the address`
      : 'no organisation or country recognised'
    return { ror: null, country: stated, confidence: 0, reason, segments, candidates }
  }
  const chosen = pick
  const record = index.records[chosen.org] as RorRecord
  let confidence = chosen.score
  const rival = ranked.find(
    (h) =>
      h !== chosen &&
      h.score >= chosen.score - 0.02 &&
      !related(record, index.records[h.org] as RorRecord, 'child') &&
      !related(record, index.records[h.org] as RorRecord, 'parent'),
  )
  if (rival && rival.span === chosen.span) {
    confidence -= AMBIGUOUS
    notes.push(
      `ambiguous with ${(index.records[rival.org] as RorRecord).name} (${(index.records[rival.org] as RorRecord).country ?? '?'})`,
    )
  }
  const others = ranked.filter(
    (h) => h !== chosen && h.score >= threshold && h.span !== chosen.span && h.org !== rival?.org,
  )
  if (others.length > 0)
    notes.push(
      `also names ${others
        .slice(0, 3)
        .map((h) => (index.records[h.org] as RorRecord).name)
        .join('; ')}`,
    )
  const how = chosen.acronym
    ? `acronym ${chosen.acronym} of ${record.name}, unique in ${stated}`
    : `${chosen.exact ? 'exact name' : `similarity ${round(chosen.score)} to name`} "${index.variantName[chosen.variant]}" in "${spans[chosen.span]?.text}"`
  const countryNote =
    stated && record.country
      ? stated === record.country
        ? `country ${stated} agrees`
        : `address says ${stated}, organisation is in ${record.country}`
      : null
  const reason = [how, countryNote, ...notes].filter((x) => x).join('; ')
  if (confidence < threshold) {
    return {
      ror: null,
      country: stated,
      confidence: round(confidence),
      reason: `below threshold ${threshold}: ${reason}`,
      segments,
      candidates,
    }
  }
  return {
    ror: record.id,
    country: record.country ?? stated,
    confidence: round(confidence),
    reason,
    segments,
    candidates,
  }
}

function prominence(index: RegistryIndex, hit: Hit): number {
  const record = index.records[hit.org] as RorRecord
  return record.names.length + record.relationships.length
}

function candidate(index: RegistryIndex, spans: readonly Span[], hit: Hit): MatchCandidate {
  const record = index.records[hit.org] as RorRecord
  return {
    ror: record.id,
    name: record.name,
    score: round(hit.score),
    segment: hit.acronym ?? spans[hit.span]?.text ?? '',
  }
}
