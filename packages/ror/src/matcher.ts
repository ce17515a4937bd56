import { ERROR_CODES, MeridianError, type CountryCode, type RorId } from '@meridian/model'
import { cleanAffiliation } from './clean-affiliation.js'
import { placeCountry } from './country-names.js'
import { words } from './normalise.js'
import type { RorRegistry } from './read-ror-registry.js'
import { buildRegistryIndex, type RegistryIndex } from './registry-index.js'
import type { RorRecord } from './ror-record.js'
import { scoreSpan, toSpan, type Span, type SpanHits } from './score-span.js'
import { splitUnits } from './split-units.js'
import {
  candidateRows,
  extendsName,
  isPlace,
  prominence,
  related,
  rivalOf,
  GENERIC_SHARE,
  type Hit,
  type RowContext,
  type SpanOrigin,
} from './candidate-rows.js'
import { CANDIDATE_FEATURES, NONE_FEATURES, rankProbabilities, type RankModel } from './rank.js'
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
  /**
   * The ranking model's input for a string (to fit a model), or `null` when nothing resembles an
   * organisation or the string says its author has none ("Independent researcher").
   */
  rankingInput(affiliation: string): RankingInput | null
  /** The record of a ROR id in the loaded registry. */
  record(id: RorId): RorRecord | undefined
  /** Number of organisations indexed. */
  readonly size: number
}

/** The confidence threshold of the rules alone: the best F1 on the ROR API logs of 0.50, 0.55, ..., 0.90. */
export const DEFAULT_THRESHOLD = 0.85

const COUNTRY_AGREES = 0.05
const COUNTRY_DISAGREES = 0.3
const CITY_NAMED = 0.05
const DERIVED = 0.03
const INACTIVE = 0.05
const AMBIGUOUS = 0.15
const CHILD_MARGIN = 0.1
const NESTED_MARGIN = 0.02
const ACRONYM = 0.85
/** An acronym unique in the whole registry, with no country in the address to confirm it. */
const ACRONYM_ALONE = 0.85
/** Relationships that make an organisation well known enough for a three-letter acronym alone ("MIT"). */
const KNOWN = 10
const GENERIC = 0.1

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
  if (model) checkModel(model)
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

/** A model fitted for other features is refused, not silently misread. */
function checkModel(model: RankModel): void {
  const treeFault = (tree: readonly number[]): boolean =>
    tree.length === 0 ||
    tree.length % 2 !== 0 ||
    tree.some((x, i) => !Number.isFinite(x) || (i % 2 === 0 && x >= CANDIDATE_FEATURES.length))
  const faults = [
    model.candidate.length !== CANDIDATE_FEATURES.length &&
      `${model.candidate.length} candidate weights for ${CANDIDATE_FEATURES.length} features`,
    model.none.length !== NONE_FEATURES.length &&
      `${model.none.length} "none" weights for ${NONE_FEATURES.length} features`,
    (model.trees ?? []).some(treeFault) &&
      'a tree is empty, odd-sized, not finite, or reads a feature that does not exist',
    !(model.threshold >= 0 && model.threshold <= 1) && `threshold ${model.threshold} is not in 0..1`,
  ].filter((x) => x !== false)
  if (faults.length > 0)
    throw new MeridianError(
      ERROR_CODES.BAD_OPTION,
      `createMatcher: the ranking model does not fit this matcher: ${faults.join('; ')}`,
    )
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
  let modelNote: string | null = null
  if (collect || model) {
    const context: RowContext = {
      index,
      ranked,
      pick,
      origins,
      spans,
      segments,
      stated,
      maxSpecificity,
      cityNamed,
    }
    const rows = candidateRows(context)
    collect?.({
      candidates: rows.hits.map((h) => (index.records[h.org] as RorRecord).id),
      features: rows.features,
      none: rows.none,
    })
    if (model) {
      const p = rankProbabilities(model, rows.features, rows.none)
      let at = 0
      for (let i = 1; i < rows.hits.length; i++) if ((p[i] as number) > (p[at] as number)) at = i
      if ((rows.hits[at] as Hit) !== chosen) {
        modelNote = `ranked above ${(index.records[chosen.org] as RorRecord).name}`
        notes.length = 0
      }
      chosen = rows.hits[at] as Hit
      confidence = p[at] as number
    }
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
    // Rule scores, so the rules' threshold (the model's applies to probabilities).
    (h) => h !== chosen && h.score >= DEFAULT_THRESHOLD && h.span !== chosen.span && h.org !== rival?.org,
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
  if (!(confidence >= threshold)) {
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

function candidate(index: RegistryIndex, spans: readonly Span[], hit: Hit): MatchCandidate {
  const record = index.records[hit.org] as RorRecord
  return {
    ror: record.id,
    name: record.name,
    score: round(hit.score),
    segment: hit.acronym ?? spans[hit.span]?.text ?? '',
  }
}
