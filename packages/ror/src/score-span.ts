import { tokens } from './normalise.js'
import { setKey, type RegistryIndex } from './registry-index.js'

/** A piece of an affiliation string as the matcher scores it: its tokens as registry token ids. */
export interface Span {
  readonly text: string
  /** Known token ids, unique, in order of first occurrence. */
  readonly ids: number[]
  /** Token ids in order, -1 for tokens the registry never uses. */
  readonly seq: number[]
  readonly weight: number
  /** Weight of the span's city and country names. */
  readonly placeWeight: number
  readonly unknown: boolean
}

/** Name variants a span resembles: flat triples (variant, similarity, shared weight). */
export type SpanHits = readonly number[]

const NUMBER = /^\d+$/

/** The span of a text; numbers the registry never uses (postcodes, street numbers) are left out. */
export function toSpan(index: RegistryIndex, text: string): Span {
  const ids: number[] = []
  const seq: number[] = []
  let weight = 0
  let placeWeight = 0
  let unknown = false
  for (const token of new Set(tokens(text))) {
    const id = index.tokenIds.get(token)
    if (id === undefined) {
      if (NUMBER.test(token)) continue
      unknown = true
      seq.push(-1)
      weight += index.unknownWeight
    } else {
      ids.push(id)
      seq.push(id)
      weight += index.weight[id] as number
      if (index.place[id] === 1) placeWeight += index.weight[id] as number
    }
  }
  return { text, ids, seq, weight, placeWeight, unknown }
}

/** Postings read per span to generate candidates (the rarest token's are always read). */
const POSTINGS_BUDGET = 400
/** Candidates below this similarity are not kept. */
const FLOOR = 0.45
/** Per kind-of-organisation word of the name ("University") that the span lacks: "Cambridge" is no university. */
const KEYWORD_MISSING = 0.12

/** A name whose words are all there in another order: "Miami University" is not "University of Miami". */
const DISORDER = 0.05
/** A name of several words found as one run in a longer span scores at least this much. */
const RUN_BASE = 0.8
/** A name that is all of a span but its city or country. */
const PLACE_LEFT = 0.99

/**
 * Similarity of a name variant to a span, from the weights of the tokens they share: the share of the
 * name found (`cv`) times a term for the share of the span explained (`cs`), which matters less when the
 * name sits in the span as one contiguous run ("Univ Belgrade Fac Mech Eng" contains "Univ Belgrade").
 * A name whose words are all there but in another order scores a little less ("Miami University" is not
 * "University of Miami"); one whose kind of organisation is missing much less.
 */
export function similarity(index: RegistryIndex, span: Span, v: number, inter: number): number {
  const vt = index.variantTokens[v] as Int32Array
  const cv = inter / (index.variantWeight[v] as number)
  let lo = Infinity
  let hi = -1
  let ordered = true
  let last = -1
  let found = 0
  let missing = 0
  let place = 0
  for (const id of vt) {
    const at = span.seq.indexOf(id)
    if (at < 0) {
      if (index.keyword[id] === 1) missing += KEYWORD_MISSING
      continue
    }
    found++
    if (index.place[id] === 1) place += index.weight[id] as number
    if (at < last) ordered = false
    last = at
    lo = Math.min(lo, at)
    hi = Math.max(hi, at)
  }
  const order = ordered ? 0 : DISORDER
  // The address's city and country do not count against a name that lacks them.
  const cs = Math.min(1, inter / (span.weight - span.placeWeight + place))
  if (found === vt.length && cs >= 0.9999) return (inter < span.weight ? PLACE_LEFT : 1) - order
  if (found === vt.length && hi - lo + 1 === vt.length)
    return (vt.length > 1 ? RUN_BASE + (1 - RUN_BASE) * cs : cv * (0.7 + 0.3 * cs)) - order
  return cv * (0.45 + 0.55 * cs) - order - missing
}

/**
 * The name variants a span resembles, with their similarity: candidates come from the postings of the
 * span's rarest tokens within a budget; the other tokens only score. `acc` is scratch space, one slot per
 * variant, all zero between calls.
 */
export function scoreSpan(index: RegistryIndex, acc: Float64Array, span: Span): SpanHits {
  const out: number[] = []
  if (span.ids.length === 0) return out
  const exact = span.unknown ? undefined : index.exact.get(setKey(span.ids))
  for (const v of exact ?? []) out.push(v, similarity(index, span, v, span.weight), span.weight)
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
    if (sim >= FLOOR) out.push(v, sim, inter)
  }
  return out
}
