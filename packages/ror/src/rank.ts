import type { RorRecord } from './ror-record.js'

/** Organisation types, one feature each. */
export const TYPES = [
  'education',
  'healthcare',
  'facility',
  'company',
  'government',
  'nonprofit',
  'funder',
  'archive',
  'other',
] as const

/**
 * What the ranking model knows of one candidate organisation in one affiliation string. Every value is a
 * number; flags are 0 or 1. The model is a conditional logit: each candidate's utility is the weighted sum
 * of its features plus the values of the boosted trees, "no organisation" has a weighted sum of its own,
 * and the probabilities are their softmax.
 */
export const CANDIDATE_FEATURES = [
  'score',
  'below top score',
  'exact name',
  'acronym',
  'derived variant',
  'country agrees',
  'country disagrees',
  'no country stated',
  'city named',
  ...TYPES,
  'has a parent',
  'children (log)',
  'parent of a candidate',
  'child of a candidate',
  'name contains a candidate',
  'name inside a candidate',
  'first segment',
  'last segment read',
  'segment position',
  'unit of a segment',
  'two segments joined',
  'share of the span explained',
  'prominence (log)',
  'inactive',
  'generic name',
  'same-span rival',
  'heuristic top',
  'score squared',
  'best of its span',
  'name words (log)',
  'rarest word weight',
  'span beside places',
  'kind words missing',
  'joined with a place',
] as const

/** Features of "no organisation" (per string). */
export const NONE_FEATURES = ['bias', 'no country stated', 'candidates (log)', 'top score'] as const

/**
 * A fitted model: linear weights in feature order, boosted regression trees added to each candidate's
 * utility, and the probability a match needs. A tree is its nodes in heap order (node n's children are
 * 2n+1 and 2n+2), two numbers each: the feature index and the threshold (go left when the feature is at
 * most the threshold), or -1 and the leaf's value.
 */
export interface RankModel {
  readonly candidate: readonly number[]
  readonly none: readonly number[]
  readonly trees?: readonly (readonly number[])[]
  readonly threshold: number
}

/**
 * The sum of the trees' values for one candidate's features.
 * @example
 * treeSum([[0, 0.5, -1, -0.2, -1, 0.3]], [0.9]) // 0.3: feature 0 is above 0.5, so the right leaf
 */
export function treeSum(trees: readonly (readonly number[])[], x: readonly number[]): number {
  return compiledTreeSum(compileTrees(trees), x)
}

/** Trees laid end to end in one typed array (same layout), as the matcher evaluates them. */
interface CompiledTrees {
  readonly nodes: Float64Array
  /** Numbers per tree. */
  readonly stride: number
  readonly count: number
}

const compiled = new WeakMap<readonly (readonly number[])[], CompiledTrees>()

function compileTrees(trees: readonly (readonly number[])[]): CompiledTrees {
  let known = compiled.get(trees)
  // A list that grew since (as while fitting) is laid out again.
  if (!known || known.count !== trees.length) {
    const stride = Math.max(0, ...trees.map((t) => t.length))
    const nodes = new Float64Array(stride * trees.length).fill(-1)
    trees.forEach((tree, i) => nodes.set(tree, i * stride))
    known = { nodes, stride, count: trees.length }
    compiled.set(trees, known)
  }
  return known
}

function compiledTreeSum({ nodes, stride, count }: CompiledTrees, x: readonly number[]): number {
  let sum = 0
  for (let t = 0, base = 0; t < count; t++, base += stride) {
    let n = 0
    let feature = nodes[base] as number
    while (feature >= 0) {
      n = (x[feature] as number) <= (nodes[base + 2 * n + 1] as number) ? 2 * n + 1 : 2 * n + 2
      feature = nodes[base + 2 * n] as number
    }
    sum += nodes[base + 2 * n + 1] as number
  }
  return sum
}

/** One candidate as the matcher describes it to the model. */
export interface CandidateFacts {
  readonly record: RorRecord
  /** The record's children in the registry. */
  readonly children: number
  readonly hasParent: boolean
  readonly score: number
  readonly topScore: number
  readonly exact: boolean
  readonly acronym: boolean
  readonly derived: boolean
  readonly stated: boolean
  readonly countryAgrees: boolean
  readonly cityNamed: boolean
  readonly parentOfCandidate: boolean
  readonly childOfCandidate: boolean
  readonly containsCandidate: boolean
  readonly insideCandidate: boolean
  readonly firstSegment: boolean
  readonly lastSegment: boolean
  /** 0 for the first segment a span starts at, 1 for the last (place-only segments only start joined spans). */
  readonly position: number
  readonly unit: boolean
  readonly joined: boolean
  readonly explained: number
  readonly generic: boolean
  readonly rival: boolean
  readonly heuristicTop: boolean
  readonly bestOfSpan: boolean
  /** Words in the name variant that matched (0 for an acronym). */
  readonly nameWords: number
  /** The weight of the name's rarest word, as a share of the rarest possible word's. */
  readonly specificity: number
  /** The share of the span's weight that is not city or country names (0: "Oslo, Norway"). */
  readonly beyondPlaces: number
  /** Kind-of-organisation words of the name ("University") that the span lacks. */
  readonly kindMissing: number
  /** Two segments joined where the second only names a place ("Marywood University" + "Scranton"). */
  readonly joinedPlace: boolean
}

/** The feature vector of a candidate, in `CANDIDATE_FEATURES` order. */
export function candidateFeatures(c: CandidateFacts): number[] {
  const r = c.record
  const flag = (x: boolean): number => (x ? 1 : 0)
  return [
    c.score,
    c.topScore - c.score,
    flag(c.exact),
    flag(c.acronym),
    flag(c.derived),
    flag(c.stated && c.countryAgrees),
    flag(c.stated && !c.countryAgrees && r.country !== null),
    flag(!c.stated),
    flag(c.cityNamed),
    ...TYPES.map((t) => flag(r.types.includes(t))),
    flag(c.hasParent),
    Math.log1p(c.children),
    flag(c.parentOfCandidate),
    flag(c.childOfCandidate),
    flag(c.containsCandidate),
    flag(c.insideCandidate),
    flag(c.firstSegment),
    flag(c.lastSegment),
    c.position,
    flag(c.unit),
    flag(c.joined),
    c.explained,
    Math.log1p(r.names.length + r.relationships.length),
    flag(r.status !== 'active'),
    flag(c.generic),
    flag(c.rival),
    flag(c.heuristicTop),
    c.score * c.score,
    flag(c.bestOfSpan),
    Math.log1p(c.nameWords),
    c.specificity,
    c.beyondPlaces,
    c.kindMissing,
    flag(c.joinedPlace),
  ]
}

/** The features of "no organisation", in `NONE_FEATURES` order. */
export function noneFeatures(stated: boolean, candidates: number, topScore: number): number[] {
  return [1, stated ? 0 : 1, Math.log1p(candidates), topScore]
}

const dot = (w: readonly number[], x: readonly number[]): number => {
  let sum = 0
  for (let i = 0; i < x.length; i++) sum += (w[i] ?? 0) * (x[i] as number)
  return sum
}

/**
 * The probabilities of each candidate and of "no organisation" (last), under a model.
 * @example
 * rankProbabilities(RANK_MODEL, [candidateFeatures(a), candidateFeatures(b)], noneFeatures(true, 2, 0.9))
 */
export function rankProbabilities(
  model: Pick<RankModel, 'candidate' | 'none' | 'trees'>,
  candidates: readonly (readonly number[])[],
  none: readonly number[],
): number[] {
  const trees = compileTrees(model.trees ?? [])
  const u = [
    ...candidates.map((x) => dot(model.candidate, x) + compiledTreeSum(trees, x)),
    dot(model.none, none),
  ]
  const max = Math.max(...u)
  const e = u.map((x) => Math.exp(x - max))
  const total = e.reduce((a, b) => a + b, 0)
  return e.map((x) => x / total)
}
