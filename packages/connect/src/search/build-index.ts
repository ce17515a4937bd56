import type { SqlRunner } from '@meridian/indicators'
import { loadSearchCorpus, type SearchCorpus } from './corpus.js'
import { TextIndex } from './text-index.js'
import { processTerm, tokenize } from './tokenize.js'

/** How works are indexed and units scored: Meridian's, or the plain BM25 baseline it is measured against. */
export const SEARCH_METHODS = Object.freeze(['meridian', 'plain-bm25'] as const)
export type SearchMethod = (typeof SEARCH_METHODS)[number]

/** Field boosts of the Meridian index: a title says more than keywords and fields, which say more than an abstract. */
export const FIELD_BOOSTS = Object.freeze({ title: 3, keywords: 2, abstract: 1 })

/** Options of `buildExpertiseIndex`. */
export interface ExpertiseIndexOptions {
  /** `meridian` (default) or `plain-bm25`: minisearch's default tokenizer, no boosts, units by plain sum. */
  readonly method?: SearchMethod
  /** A corpus already read (to build both indexes from one read). */
  readonly corpus?: SearchCorpus
}

/** A search index over the store's works, with what it needs to rank units. */
export interface ExpertiseIndex {
  readonly kind: 'expertise-index'
  readonly method: SearchMethod
  readonly engine: TextIndex<(typeof FIELDS)[number]>
  readonly corpus: SearchCorpus
  /** Works indexed (those with any text). */
  readonly indexed: number
}

const FIELDS = ['title', 'keywords', 'abstract'] as const

const indexSpec = (method: SearchMethod) =>
  method === 'meridian' ? { fields: FIELDS, boosts: FIELD_BOOSTS, tokenize, processTerm } : { fields: FIELDS }

/** Index a corpus already read: BM25 over title, keywords (with fields) and abstract. */
export function indexCorpus(corpus: SearchCorpus, method: SearchMethod = 'meridian'): ExpertiseIndex {
  const engine = TextIndex.build(corpus.texts, indexSpec(method))
  return Object.freeze({ kind: 'expertise-index', method, engine, corpus, indexed: corpus.texts.length })
}

/**
 * Read the store's works through the `SqlRunner` port and index them for expertise search. Abstracts and
 * keywords are indexed when the store has them (`corpus.has` says which).
 * @example
 *   const index = await buildExpertiseIndex(store.runner)
 *   const found = searchExperts(index, 'graphene battery', { kind: 'institution', country: 'CN' })
 */
export async function buildExpertiseIndex(
  runner: SqlRunner,
  options: ExpertiseIndexOptions = {},
): Promise<ExpertiseIndex> {
  const corpus = options.corpus ?? (await loadSearchCorpus(runner))
  const method = options.method ?? 'meridian'
  const engine = await TextIndex.buildYielding(corpus.texts, indexSpec(method))
  return Object.freeze({ kind: 'expertise-index', method, engine, corpus, indexed: corpus.texts.length })
}
