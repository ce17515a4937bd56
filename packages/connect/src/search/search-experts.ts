import type { ExpertiseIndex } from './build-index.js'
import { FIELD_BOOSTS } from './build-index.js'
import type { SearchWork } from './corpus.js'
import type { TextHit } from './text-index.js'
import { searchExpertsOptions, type SearchExpertsInput, type SearchExpertsOptions } from './options.js'
import { unitsOf, type Unit, type UnitKey } from './units.js'

export type { UnitKey }

/** Unit scores: the best `TOP_WORKS` works of a unit count, so a large unit's many weak matches do not swamp. */
export const TOP_WORKS = 5
/** Recency: a work's weight halves every `HALF_LIFE_YEARS` before the store's latest year. */
export const HALF_LIFE_YEARS = 10

/** A matching work shown as evidence for a unit. */
export interface WorkEvidence {
  readonly id: number
  readonly title: string | null
  readonly year: number | null
  readonly doi: string | null
  /** The work's BM25 score for the query. */
  readonly score: number
  /** The score with recency and citation weighting: what the unit's score sums. */
  readonly weight: number
}

/** A ranked unit with the works that put it there. */
export interface ExpertHit extends Unit {
  readonly rank: number
  readonly score: number
  /** Works of the unit that match the query and the filters. */
  readonly matchingWorks: number
  /** The best of them, best first (`evidence` of the options). */
  readonly evidence: readonly WorkEvidence[]
}

/** The method of a search, stated with every answer. */
export interface ExpertSearchMethod {
  readonly method: ExpertiseIndex['method']
  readonly engine: 'minisearch BM25'
  readonly fields: Readonly<Record<string, number>>
  readonly tokenizer: string
  /** Texts indexed; `abstracts` and `keywords` are false on a store without those tables. */
  readonly texts: {
    readonly title: true
    readonly fields: true
    readonly keywords: boolean
    readonly abstracts: boolean
  }
  readonly aggregation: string
  readonly researcherKey: string
  readonly notes: readonly string[]
}

/** A page of ranked units, the total over all pages, and the method. */
export interface ExpertSearchResult {
  readonly query: string
  /** The options in effect (`excludeWorks` not repeated). */
  readonly options: Omit<SearchExpertsOptions, 'excludeWorks'> & { readonly excludeWorks?: undefined }
  readonly total: number
  readonly matchingWorks: number
  readonly page: number
  readonly pageSize: number
  readonly rows: readonly ExpertHit[]
  readonly method: ExpertSearchMethod
}

const passes = (work: SearchWork | undefined, o: SearchExpertsOptions): work is SearchWork =>
  work !== undefined &&
  !o.excludeWorks.has(work.id) &&
  (o.years === null || (work.year !== null && work.year >= o.years.from && work.year <= o.years.to)) &&
  (o.field === null || work.fields.includes(o.field))

/**
 * Units are scored from at most this many works, the best BM25 matches: on a million-work store a long query
 * matches hundreds of thousands of works, and aggregating them all to researchers takes seconds. Said in the
 * method's notes whenever it applies.
 */
export const MAX_SCORED_WORKS = 20_000

/** The last few queries' matching works (unfiltered), per index: a match asks for institutions, then authors. */
const recentHits = new WeakMap<ExpertiseIndex, Map<string, readonly TextHit[]>>()

function matchingWorks(index: ExpertiseIndex, query: string): readonly TextHit[] {
  let recent = recentHits.get(index)
  if (!recent) recentHits.set(index, (recent = new Map()))
  const known = recent.get(query)
  if (known) return known
  const hits = index.engine.search(query)
  if (recent.size >= 4) recent.delete(recent.keys().next().value as string)
  recent.set(query, hits)
  return hits
}

/** Recency and citation weighting of a work's BM25 score. */
function weight(score: number, work: SearchWork, latest: number | null): number {
  const age = work.year === null || latest === null ? HALF_LIFE_YEARS : latest - work.year
  return score * 0.5 ** (age / HALF_LIFE_YEARS) * (1 + Math.log10(1 + work.citedBy) / 4)
}

function describe(index: ExpertiseIndex, o: SearchExpertsOptions): ExpertSearchMethod {
  const has = index.corpus.has
  const meridian = index.method === 'meridian'
  const missing = [
    ...(has.abstracts ? [] : ['abstracts (no work_abstracts table in this store)']),
    ...(has.keywords ? [] : ['keywords (no work_keywords table in this store)']),
  ]
  return {
    method: index.method,
    engine: 'minisearch BM25',
    fields: meridian ? { ...FIELD_BOOSTS } : { title: 1, keywords: 1, abstract: 1 },
    tokenizer: meridian
      ? 'Intl.Segmenter("zh", word) word-like segments; NFKC lower case; English stop words dropped; plurals stemmed'
      : "minisearch's default (split on spaces and punctuation, lower case)",
    texts: { title: true, fields: true, keywords: has.keywords, abstracts: has.abstracts },
    aggregation: meridian
      ? `unit score = sum of its best ${TOP_WORKS} matching works' weights; weight = BM25 score x ` +
        `0.5^(age / ${HALF_LIFE_YEARS}) (age in years before the store's latest year, ${HALF_LIFE_YEARS} when ` +
        `unknown) x (1 + log10(1 + citations) / 4); each unit counts a work once, whatever its number of authors`
      : "unit score = plain sum of its matching works' BM25 scores",
    researcherKey:
      'ORCID where the record gives one, else name + institution (key "name+institution"): never name alone',
    notes: [
      ...(missing.length > 0 ? [`not indexed: ${missing.join('; ')}`] : []),
      ...(o.rollUp ? ['institutions counted under their top-level organisation (institution_rollup)'] : []),
      ...(o.minWorks > 1
        ? [`units with fewer than ${o.minWorks} works in the period and field left out`]
        : []),
    ],
  }
}

/** Works per unit among those the period and field filters keep (for `minWorks`). */
function outputs(
  index: ExpertiseIndex,
  o: SearchExpertsOptions,
  wanted: ReadonlySet<string>,
): Map<string, number> {
  const counts = new Map<string, number>()
  for (const work of index.corpus.works.values()) {
    if (!passes(work, { ...o, excludeWorks: new Set() })) continue
    for (const u of unitsOf(index, work.id, o))
      if (wanted.has(u.id)) counts.set(u.id, (counts.get(u.id) ?? 0) + 1)
  }
  return counts
}

/**
 * Find the organisations, researchers or countries whose works match a free-text query (English, Chinese,
 * Japanese), with the matching works as evidence. BM25 over works, then each unit scored from its works (see
 * `method.aggregation`); ranked (score, then id), paginated, `total` over all pages.
 * @example
 *   searchExperts(index, '石墨烯电池', { kind: 'author', country: 'CN', years: '2015-2020', page: 2 })
 */
export function searchExperts(
  index: ExpertiseIndex,
  query: string,
  input: SearchExpertsInput = {},
): ExpertSearchResult {
  const o = searchExpertsOptions(input)
  const { corpus } = index
  const meridian = index.method === 'meridian'
  const hits = matchingWorks(index, query).filter((hit) => passes(corpus.works.get(hit.id), o))
  const found = new Map<string, { unit: Unit; works: WorkEvidence[] }>()
  for (const hit of hits.length > MAX_SCORED_WORKS ? hits.slice(0, MAX_SCORED_WORKS) : hits) {
    const work = corpus.works.get(hit.id)
    if (!work) continue
    const evidence: WorkEvidence = {
      id: work.id,
      title: work.title,
      year: work.year,
      doi: work.doi,
      score: hit.score,
      weight: meridian ? weight(hit.score, work, corpus.latestYear) : hit.score,
    }
    for (const unit of unitsOf(index, work.id, o)) {
      const entry = found.get(unit.id)
      if (entry) entry.works.push(evidence)
      else found.set(unit.id, { unit, works: [evidence] })
    }
  }
  const counts = o.minWorks > 1 ? outputs(index, o, new Set(found.keys())) : null
  const ranked = [...found.values()]
    .filter((e) => counts === null || (counts.get(e.unit.id) ?? 0) >= o.minWorks)
    .map(({ unit, works }) => {
      works.sort((a, b) => b.weight - a.weight || a.id - b.id)
      const counted = meridian ? works.slice(0, TOP_WORKS) : works
      return { unit, works, score: counted.reduce((s, w) => s + w.weight, 0) }
    })
    .sort((a, b) => b.score - a.score || (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0))
  const start = (o.page - 1) * o.pageSize
  const rows = ranked.slice(start, start + o.pageSize).map(({ unit, works, score }, i): ExpertHit => ({
    rank: start + i + 1,
    ...unit,
    score,
    matchingWorks: works.length,
    evidence: works.slice(0, o.evidence),
  }))
  return {
    query,
    options: { ...o, excludeWorks: undefined },
    total: ranked.length,
    matchingWorks: hits.length,
    page: o.page,
    pageSize: o.pageSize,
    rows,
    method: {
      ...describe(index, o),
      notes: [
        ...describe(index, o).notes,
        ...(hits.length > MAX_SCORED_WORKS
          ? [
              `units scored from the ${MAX_SCORED_WORKS} works that match best (BM25) of the ${hits.length} ` +
                'that match: a unit known only for weaker matches is not listed',
            ]
          : []),
      ],
    },
  }
}
