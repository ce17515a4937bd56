import type { CountryCode } from '@meridian/model'
import { placeCountry } from './country-names.js'
import { words } from './normalise.js'
import { candidateFeatures, noneFeatures } from './rank.js'
import type { RegistryIndex } from './registry-index.js'
import type { RorRecord } from './ror-record.js'
import type { Span } from './score-span.js'

/** One organisation found in a string, with its best score and where it was read. */
export interface Hit {
  org: number
  score: number
  /** Weight of the string's tokens the name accounts for. */
  inter: number
  variant: number
  span: number
  exact: boolean
  acronym: string | null
}

/** Where a span comes from: its (first) segment, and whether it is a unit of it or two segments joined. */
export interface SpanOrigin {
  readonly text: string
  readonly segment: number
  readonly kind: 'segment' | 'unit' | 'joined'
}

/** Whether a segment only names a place ("Nijmegen", "Oxford OX1 3PU, UK"). */
export function isPlace(index: RegistryIndex, segment: string): boolean {
  const list = words(segment).filter((w) => !/\d/.test(w))
  if (list.length === 0 || list.length > 4) return list.length === 0
  return placeCountry(segment) !== null || index.cityCountry.has(list.join(' '))
}

/**
 * A record's children and parents, read once on first use (some organisations have thousands): for
 * `related` and for the ranking features.
 */
interface Family {
  /** Children and parents by id. */
  readonly byId: ReadonlyMap<string, 'child' | 'parent'>
  readonly children: number
  readonly hasParent: boolean
}

const families = new WeakMap<RorRecord, Family>()

function family(record: RorRecord): Family {
  let known = families.get(record)
  if (!known) {
    const byId = new Map<string, 'child' | 'parent'>()
    for (const r of record.relationships)
      if (r.type === 'child' || r.type === 'parent') byId.set(r.id, r.type)
    const types = [...byId.values()]
    known = {
      byId,
      children: types.filter((t) => t === 'child').length,
      hasParent: types.includes('parent'),
    }
    families.set(record, known)
  }
  return known
}

/** Whether `b` is `a`'s child (or parent) in the registry. */
export function related(a: RorRecord, b: RorRecord, type: 'child' | 'parent'): boolean {
  return family(a).byId.get(b.id) === type
}

/**
 * A name whose rarest word weighs less than this share of the rarest possible word's weight is generic
 * ("Institute of Physics"): it needs the place to agree.
 */
export const GENERIC_SHARE = 0.66

/** Score within which two organisations read from the same text are rivals. */
const RIVAL_MARGIN = 0.02
const DOMINANCE = 3

/**
 * The first organisation read about as well as `hit` (within `RIVAL_MARGIN`) and not its parent or child,
 * when it was read from the same text and is not dwarfed by `hit` (`dominates`); else `undefined`.
 */
export function rivalOf(index: RegistryIndex, ranked: readonly Hit[], hit: Hit): Hit | undefined {
  const record = index.records[hit.org] as RorRecord
  // `ranked` is best first: only the hits down to the margin below this one can be rivals.
  for (const h of ranked) {
    if (h.score < hit.score - RIVAL_MARGIN) break
    if (h === hit) continue
    const other = index.records[h.org] as RorRecord
    if (related(record, other, 'child') || related(record, other, 'parent')) continue
    return h.span === hit.span && !dominates(index, hit, h) ? h : undefined
  }
  return undefined
}

/** Kind-of-organisation words of a name variant ("University") that a span lacks. */
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

/** The model's rows for one string: the candidates, a feature row each, and the row of "no organisation". */
export interface CandidateRows {
  readonly hits: readonly Hit[]
  readonly features: number[][]
  readonly none: number[]
}

/** What the matcher knows of one string when it asks the model. */
export interface RowContext {
  readonly index: RegistryIndex
  /** Every organisation found, best score first. */
  readonly ranked: readonly Hit[]
  /** The rules' choice. */
  readonly pick: Hit
  readonly origins: readonly SpanOrigin[]
  readonly spans: readonly Span[]
  readonly segments: readonly string[]
  readonly stated: CountryCode | null
  /** The weight of the registry's rarest possible word. */
  readonly maxSpecificity: number
  readonly cityNamed: (org: number) => boolean
}

/**
 * The candidates the ranking model chooses among (the best `RANKED` by score, and the rules' pick) with
 * their feature rows, in `CANDIDATE_FEATURES` order.
 */
export function candidateRows(context: RowContext): CandidateRows {
  const { index, ranked, pick, origins, spans, segments, stated, maxSpecificity, cityNamed } = context
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
    const { children, hasParent } = family(record)
    return candidateFeatures({
      record,
      children,
      hasParent,
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
export function extendsName(index: RegistryIndex, child: Hit, parent: Hit): boolean {
  if (child.variant < 0 || parent.variant < 0) return false
  const names = index.variantTokens[child.variant] as Int32Array
  return (index.variantTokens[parent.variant] as Int32Array).every((id) => names.includes(id))
}

/**
 * Whether one of two organisations of the same name is so much better connected in the registry (names,
 * relationships) that a string naming neither's country means it: the US National Institutes of Health.
 */
export function dominates(index: RegistryIndex, a: Hit, b: Hit): boolean {
  return prominence(index, a) >= DOMINANCE * prominence(index, b) + DOMINANCE
}

/** How well connected a record is: its names and relationships. */
export function prominence(index: RegistryIndex, hit: Hit): number {
  const record = index.records[hit.org] as RorRecord
  return record.names.length + record.relationships.length
}
