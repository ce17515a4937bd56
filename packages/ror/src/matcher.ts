import type { CountryCode, RorId } from '@meridian/model'
import { cleanAffiliation } from './clean-affiliation.js'
import { placeCountry } from './country-names.js'
import { words } from './normalise.js'
import type { RorRegistry } from './read-ror-registry.js'
import { buildRegistryIndex, type RegistryIndex } from './registry-index.js'
import type { RorRecord } from './ror-record.js'
import { scoreSpan, toSpan, type Span, type SpanHits } from './score-span.js'
import { splitUnits } from './split-units.js'
import { candidateFeatures, noneFeatures, rankProbabilities, type RankModel } from './rank.js'
import { RANK_MODEL } from './rank-model.js'

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
  /**
   * Minimum confidence for a match. Default: the ranking model's threshold, or `DEFAULT_THRESHOLD` for
   * the rules alone.
   */
  readonly threshold?: number
  /**
   * The model that ranks the candidates and gives the confidence (a probability). Default the fitted
   * `RANK_MODEL`; `null` for the rules alone, whose confidence is the best candidate's score.
   */
  readonly model?: RankModel | null
}

/** What the ranking model sees of one string: candidates, their features, the features of "none". */
export interface RankingInput {
  readonly candidates: readonly RorId[]
  readonly features: readonly (readonly number[])[]
  readonly none: readonly number[]
}

export interface Matcher {
  /** Match one affiliation string. */
  match(affiliation: string): AffiliationMatch
  /** Match one affiliation string and return the candidates and segments too. */
  matchDetailed(affiliation: string): DetailedMatch
  /** The ranking model's input for a string, or `null` when nothing resembles an organisation (to fit a model). */
  rankingInput(affiliation: string): RankingInput | null
  /** The record of a ROR id in the loaded registry. */
  record(id: RorId): RorRecord | undefined
  /** Number of organisations indexed. */
  readonly size: number
}

/** The confidence threshold of the rules alone (see the package README for how it was chosen). */
export const DEFAULT_THRESHOLD = 0.85

const COUNTRY_AGREES = 0.05
const COUNTRY_DISAGREES = 0.3
const CITY_NAMED = 0.05
const DERIVED = 0.03
const INACTIVE = 0.05
const AMBIGUOUS = 0.15
const CHILD_MARGIN = 0.1
const NESTED_MARGIN = 0.02
const DOMINANCE = 3
const ACRONYM = 0.85
/** An acronym unique in the whole registry, with no country in the address to confirm it. */
const ACRONYM_ALONE = 0.85
/** Relationships that make an organisation well known enough for a three-letter acronym alone ("MIT"). */
const KNOWN = 10
/**
 * A name whose rarest word weighs less than this share of the rarest possible word's weight is generic
 * ("Institute of Physics"): it needs the place to agree.
 */
const GENERIC_SHARE = 0.66
const GENERIC = 0.1

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
  const model = options.model === undefined ? RANK_MODEL : options.model
  const threshold = options.threshold ?? (model ? model.threshold : DEFAULT_THRESHOLD)
  const index = buildRegistryIndex('records' in registry ? registry.records : registry)
  const acc = new Float64Array(index.variantOrg.length)
  const cache = new Map<string, Scored>()
  const score = (text: string): Scored => {
    let scored = cache.get(text)
    if (!scored) {
      const span = toSpan(index, text)
      scored = { span, hits: scoreSpan(index, acc, span) }
      if (cache.size >= CACHE_SIZE) cache.clear()
      cache.set(text, scored)
    }
    return scored
  }
  const matchDetailed = (affiliation: string): DetailedMatch =>
    run(index, score, threshold, model, affiliation)
  return {
    match: (affiliation) => {
      const { ror, country, confidence, reason } = matchDetailed(affiliation)
      return { ror, country, confidence, reason }
    },
    matchDetailed,
    rankingInput: (affiliation) => {
      let input: RankingInput | null = null
      run(index, score, threshold, model, affiliation, (x) => (input = x))
      return input
    },
    record: (id) => {
      const org = index.byId.get(id)
      return org === undefined ? undefined : index.records[org]
    },
    size: index.records.length,
  }
}

/** "Hong Kong, China", "Taipei, Taiwan, China": the region, which ROR records as the country, wins. */
const REGIONS = new Set(['HK', 'MO', 'TW'])

function detectCountry(index: RegistryIndex, segments: readonly string[]): CountryCode | null {
  for (let i = segments.length - 1; i >= Math.max(0, segments.length - 3); i--) {
    const country = placeCountry(segments[i] as string)
    if (country === 'CN' && i > 0) {
      const region = placeCountry(segments[i - 1] as string)
      if (region && REGIONS.has(region)) return region
    }
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

interface Scored {
  readonly span: Span
  readonly hits: SpanHits
}

/** Spans scored recently, by text: affiliations repeat their segments ("University of Oxford"). */
const CACHE_SIZE = 20_000

/** Where a span comes from: its (first) segment, and whether it is a unit of it or two segments joined. */
interface SpanOrigin {
  readonly text: string
  readonly segment: number
  readonly kind: 'segment' | 'unit' | 'joined'
}

function spansOf(index: RegistryIndex, segments: readonly string[]): SpanOrigin[] {
  const spans: SpanOrigin[] = []
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string
    // A later segment that only names a place ("Nijmegen", "Oxford OX1 3PU, UK") is no organisation.
    if (i === 0 || !isPlace(index, segment)) {
      spans.push({ text: segment, segment: i, kind: 'segment' })
      const units = splitUnits(segment)
      if (units.length > 1) spans.push(...units.map((text) => ({ text, segment: i, kind: 'unit' as const })))
    }
    if (i + 1 < segments.length)
      spans.push({ text: `${segment} ${segments[i + 1]}`, segment: i, kind: 'joined' })
  }
  return spans
}

function isPlace(index: RegistryIndex, segment: string): boolean {
  const list = words(segment).filter((w) => !/\d/.test(w))
  if (list.length === 0 || list.length > 4) return list.length === 0
  return placeCountry(segment) !== null || index.cityCountry.has(list.join(' '))
}

/** Three characters or more: two-letter forms are mostly US states and provinces ("UT", "ON"). */
const ACRONYM_FORM = /^[A-Z][A-Z0-9&-]{2,11}$/
/** An acronym leading a segment: "UCLA School of Dentistry", "KAIST Institute for BioCentury". */
const LEADING_ACRONYM = /^([A-Z][A-Z0-9&]{2,11})[\s/-]/

/** Whole segments and parenthesised texts, and the acronym a segment starts with. */
function acronymForms(shortForms: readonly string[]): Set<string> {
  const forms = new Set<string>()
  for (const form of shortForms) {
    forms.add(form.trim())
    const lead = LEADING_ACRONYM.exec(form.trim())
    if (lead) forms.add(lead[1] as string)
  }
  return forms
}
const NOT_ACRONYMS = new Set(['USA', 'UK', 'US', 'PR', 'PRC', 'UAE', 'SAR', 'ROC'])

/** Each record's relationships by related id (built on first use: some organisations have thousands). */
const relationsOf = new WeakMap<RorRecord, Map<string, string>>()

function related(a: RorRecord, b: RorRecord, type: 'child' | 'parent'): boolean {
  let map = relationsOf.get(a)
  if (!map) {
    map = new Map()
    for (const r of a.relationships) if (r.type === 'child' || r.type === 'parent') map.set(r.id, r.type)
    relationsOf.set(a, map)
  }
  return map.get(b.id) === type
}

function run(
  index: RegistryIndex,
  score: (text: string) => Scored,
  threshold: number,
  model: RankModel | null,
  affiliation: string,
  collect?: (input: RankingInput) => void,
): DetailedMatch {
  const parts = cleanAffiliation(affiliation)
  const { segments } = parts
  const stated = detectCountry(index, segments)
  if (parts.independent) {
    const reason = `independent researcher: no organisation${stated ? `; country ${stated} from the address` : ''}`
    return { ror: null, country: stated, confidence: 0, reason, segments, candidates: [] }
  }
  const place = ` ${words(segments.join(' ')).join(' ')} `
  const origins = spansOf(index, segments)
  const scored = origins.map((o) => score(o.text))
  const maxSpecificity = Math.log(1 + index.variantOrg.length)
  const generic = GENERIC_SHARE * maxSpecificity
  const spans = scored.map((x) => x.span)
  const best = new Map<number, Hit>()
  const consider = (hit: Hit): void => {
    const known = best.get(hit.org)
    if (!known || hit.score > known.score) best.set(hit.org, hit)
  }
  const cityNamed = (org: number): boolean => {
    const city = index.city[org] as string
    return city !== '' && place.includes(` ${city} `)
  }
  scored.forEach(({ hits }, s) => {
    for (let k = 0; k < hits.length; k += 3) {
      const v = hits[k] as number
      const sim = hits[k + 1] as number
      const org = index.variantOrg[v] as number
      const record = index.records[org] as RorRecord
      let score = sim - (index.variantKind[v] === 'derived' ? DERIVED : 0)
      if (record.status !== 'active') score -= INACTIVE
      const agrees = stated !== null && record.country === stated
      if (stated && record.country) score += agrees ? COUNTRY_AGREES : -COUNTRY_DISAGREES
      const city = cityNamed(org)
      if (city) score += CITY_NAMED
      if ((index.variantSpecificity[v] as number) < generic && !agrees && !city) score -= GENERIC
      consider({
        org,
        score,
        inter: hits[k + 2] as number,
        variant: v,
        span: s,
        exact: sim === 1,
        acronym: null,
      })
    }
  })
  for (const form of acronymForms(parts.shortForms)) {
    const acronym = form.trim()
    if (!ACRONYM_FORM.test(acronym) || NOT_ACRONYMS.has(acronym)) continue
    const all = index.acronyms.get(acronym) ?? []
    // Unique in the stated country, or, when the address names none, unique in the registry ("EPFL").
    const orgs = stated ? all.filter((org) => index.records[org]?.country === stated) : all
    if (orgs.length !== 1) continue
    const org = orgs[0] as number
    // Short acronyms alone are too often someone else's ("CDI", "PRI"): only well-known organisations.
    if (!stated && acronym.length < 4 && (index.records[org] as RorRecord).relationships.length < KNOWN)
      continue
    consider({
      org,
      score: (stated ? ACRONYM : ACRONYM_ALONE) + (cityNamed(org) ? CITY_NAMED : 0),
      inter: 0,
      variant: -1,
      span: -1,
      exact: false,
      acronym,
    })
  }

  const ranked = [...best.values()].sort(
    (a, b) => b.score - a.score || prominence(index, b) - prominence(index, a),
  )
  let pick = ranked[0]
  const notes: string[] = []
  if (pick) {
    // "Medical University of Vienna" names no "University of Vienna": the longer name read in the same text wins.
    const top = pick
    const longer = ranked.find(
      (h) =>
        h !== top &&
        h.score >= top.score - NESTED_MARGIN &&
        (index.variantTokens[h.variant]?.length ?? 0) > (index.variantTokens[top.variant]?.length ?? 0) &&
        extendsName(index, h, top) &&
        (spans[h.span]?.text ?? '').includes(spans[top.span]?.text ?? '\u0000'),
    )
    if (longer) {
      pick = longer
      notes.push(`preferred to ${(index.records[top.org] as RorRecord).name}, whose name it contains`)
    }
  }
  if (pick) {
    const top = pick
    const parent = index.records[top.org] as RorRecord
    const child = ranked.find(
      (h) =>
        h !== top &&
        h.score >= top.score - CHILD_MARGIN &&
        h.inter > top.inter &&
        extendsName(index, h, top) &&
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
  let chosen = pick
  let confidence = chosen.score
  if (collect) {
    const input = rankInput(index, ranked, pick, origins, spans, segments, stated, maxSpecificity, cityNamed)
    const ids = input.hits.map((h) => (index.records[h.org] as RorRecord).id)
    collect({ candidates: ids, features: input.features, none: input.none })
  }
  let modelNote: string | null = null
  if (model) {
    const input = rankInput(index, ranked, pick, origins, spans, segments, stated, maxSpecificity, cityNamed)
    const p = rankProbabilities(model, input.features, input.none)
    let at = 0
    for (let i = 1; i < input.hits.length; i++) if ((p[i] as number) > (p[at] as number)) at = i
    if ((input.hits[at] as Hit) !== chosen) {
      modelNote = `ranked above ${(index.records[chosen.org] as RorRecord).name}`
      notes.length = 0
    }
    chosen = input.hits[at] as Hit
    confidence = p[at] as number
  }
  const record = index.records[chosen.org] as RorRecord
  const rival = rivalOf(index, ranked, chosen)
  if (rival) {
    if (!model) confidence -= AMBIGUOUS
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
    ? `acronym ${chosen.acronym} of ${record.name}, unique ${stated ? `in ${stated}` : 'in the registry'}`
    : `${chosen.exact ? 'exact name' : `similarity ${round(chosen.score)} to name`} "${index.variantName[chosen.variant]}" in "${spans[chosen.span]?.text}"`
  const countryNote =
    stated && record.country
      ? stated === record.country
        ? `country ${stated} agrees`
        : `address says ${stated}, organisation is in ${record.country}`
      : null
  const reason = [how, countryNote, modelNote, ...notes].filter((x) => x).join('; ')
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

/** Another organisation read from the same text about as well, neither related to nor dwarfed by `hit`. */
function rivalOf(index: RegistryIndex, ranked: readonly Hit[], hit: Hit): Hit | undefined {
  const record = index.records[hit.org] as RorRecord
  // `ranked` is best first: only the hits down to 0.02 below this one can be rivals.
  for (const h of ranked) {
    if (h.score < hit.score - 0.02) break
    if (h === hit) continue
    const other = index.records[h.org] as RorRecord
    if (related(record, other, 'child') || related(record, other, 'parent')) continue
    return h.span === hit.span && !dominates(index, hit, h) ? h : undefined
  }
  return undefined
}

function kindMissing(index: RegistryIndex, span: Span, variant: number): number {
  let missing = 0
  for (const id of index.variantTokens[variant] as Int32Array)
    if (index.keyword[id] === 1 && !span.seq.includes(id)) missing++
  return missing
}

const beyondPlaces = (span: Span): number =>
  span.weight > 0 ? Math.max(0, span.weight - span.placeWeight) / span.weight : 0

/** Candidates the ranking model looks at: the best by score, and the rules' pick. */
const RANKED = 10

interface RankInput {
  readonly hits: readonly Hit[]
  readonly features: number[][]
  readonly none: number[]
}

function rankInput(
  index: RegistryIndex,
  ranked: readonly Hit[],
  pick: Hit,
  origins: readonly SpanOrigin[],
  spans: readonly Span[],
  segments: readonly string[],
  stated: CountryCode | null,
  maxSpecificity: number,
  cityNamed: (org: number) => boolean,
): RankInput {
  const hits = ranked.slice(0, RANKED)
  if (!hits.includes(pick)) hits.push(pick)
  const topScore = (ranked[0] as Hit).score
  const orgSegments = [...new Set(origins.map((o) => o.segment))]
  const spanBest = new Map<number, number>()
  for (const h of ranked) if (!spanBest.has(h.span)) spanBest.set(h.span, h.score)
  const last = orgSegments.length - 1
  const features = hits.map((h) => {
    const record = index.records[h.org] as RorRecord
    const origin = origins[h.span]
    const at = origin ? orgSegments.indexOf(origin.segment) : -1
    const others = hits.filter((o) => o !== h)
    const text = (o: Hit): string => spans[o.span]?.text ?? '\u0000'
    return candidateFeatures({
      record,
      score: h.score,
      topScore,
      exact: h.exact,
      acronym: h.acronym !== null,
      derived: h.variant >= 0 && index.variantKind[h.variant] === 'derived',
      stated: stated !== null,
      countryAgrees: stated !== null && record.country === stated,
      cityNamed: cityNamed(h.org),
      parentOfCandidate: others.some((o) => related(record, index.records[o.org] as RorRecord, 'child')),
      childOfCandidate: others.some((o) => related(record, index.records[o.org] as RorRecord, 'parent')),
      containsCandidate: others.some(
        (o) => o.variant >= 0 && h.variant >= 0 && extendsName(index, h, o) && text(h).includes(text(o)),
      ),
      insideCandidate: others.some(
        (o) => o.variant >= 0 && h.variant >= 0 && extendsName(index, o, h) && text(o).includes(text(h)),
      ),
      firstSegment: at === 0,
      lastSegment: at === last && last > 0,
      position: last > 0 && at >= 0 ? at / last : 0,
      unit: origin?.kind === 'unit',
      joined: origin?.kind === 'joined',
      explained: h.span >= 0 ? Math.min(1, h.inter / Math.max(1e-9, (spans[h.span] as Span).weight)) : 0,
      generic:
        h.variant >= 0 && (index.variantSpecificity[h.variant] as number) < GENERIC_SHARE * maxSpecificity,
      rival: rivalOf(index, ranked, h) !== undefined,
      heuristicTop: h === pick,
      bestOfSpan: (spanBest.get(h.span) as number) <= h.score,
      nameWords: h.variant >= 0 ? (index.variantTokens[h.variant] as Int32Array).length : 0,
      specificity: h.variant >= 0 ? (index.variantSpecificity[h.variant] as number) / maxSpecificity : 1,
      beyondPlaces: h.span >= 0 ? beyondPlaces(spans[h.span] as Span) : 1,
      kindMissing: h.span >= 0 ? kindMissing(index, spans[h.span] as Span, h.variant) : 0,
      joinedPlace: origin?.kind === 'joined' && isPlace(index, segments[origin.segment + 1] ?? ''),
    })
  })
  return { hits, features, none: noneFeatures(stated !== null, ranked.length, topScore) }
}

/** Whether the child's name contains the parent's: "University of California, Berkeley" names the campus. */
function extendsName(index: RegistryIndex, child: Hit, parent: Hit): boolean {
  if (child.variant < 0 || parent.variant < 0) return false
  const names = index.variantTokens[child.variant] as Int32Array
  return (index.variantTokens[parent.variant] as Int32Array).every((id) => names.includes(id))
}

/**
 * Whether one of two organisations of the same name is so much better connected in the registry (names,
 * relationships) that a string naming neither's country means it: the US National Institutes of Health.
 */
function dominates(index: RegistryIndex, a: Hit, b: Hit): boolean {
  return prominence(index, a) >= DOMINANCE * prominence(index, b) + DOMINANCE
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
