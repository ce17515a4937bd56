import { MeridianError } from '@meridian/model'
import type { ReasonLanguage } from '../recommend/reasons.js'
import type { MatchReason, MatchResult, MatchRow } from './match.js'
import { recordQuery } from './match.js'
import type { RecordView } from './record-view.js'

/**
 * A text embedding model on this machine, from files the user provides: Meridian ships none and downloads
 * none. A plug-in is an ES module whose `create({ modelDir })` returns one.
 */
export interface EmbeddingModel {
  /** Shown in every answer's method, with the model files' folder. */
  readonly name: string
  /** One vector per text, all of one length. */
  embed(texts: readonly string[]): Promise<readonly ArrayLike<number>[]> | readonly ArrayLike<number>[]
}

/** What a plug-in module exports. */
export interface EmbeddingPlugin {
  create(options: { readonly modelDir: string }): Promise<EmbeddingModel> | EmbeddingModel
}

/**
 * Load an embedding plug-in (an ES module file exporting `create`) and create its model on `modelDir`.
 * `BAD_OPTION` naming the file when it cannot be loaded or exports no `create`.
 * @example
 *   const model = await loadEmbeddingPlugin('/opt/models/e5/plugin.mjs', '/opt/models/e5')
 */
export async function loadEmbeddingPlugin(file: string, modelDir: string): Promise<EmbeddingModel> {
  const { pathToFileURL } = await import('node:url')
  let plugin: Partial<EmbeddingPlugin>
  try {
    plugin = (await import(pathToFileURL(file).href)) as Partial<EmbeddingPlugin>
  } catch (cause) {
    throw new MeridianError(
      'BAD_OPTION',
      `embedding plug-in "${file}" could not be loaded: ${String(cause)}`,
      {
        cause,
      },
    )
  }
  if (typeof plugin.create !== 'function')
    throw new MeridianError(
      'BAD_OPTION',
      `embedding plug-in "${file}" exports no create({ modelDir }) function returning { name, embed(texts) }`,
    )
  const model = await plugin.create({ modelDir })
  if (typeof model?.embed !== 'function' || typeof model.name !== 'string')
    throw new MeridianError(
      'BAD_OPTION',
      `embedding plug-in "${file}": create() returned no { name, embed(texts) }`,
    )
  return model
}

/** The text a candidate is compared by: the names and titles of what put it on the list. */
function candidateText(row: MatchRow): string {
  return [
    row.organisation?.name,
    row.researcher?.name,
    row.record?.title,
    ...row.evidence.works.map((w) => w.title),
    ...row.evidence.patents.map((p) => p.title),
  ]
    .filter((t): t is string => typeof t === 'string' && t !== '')
    .join('. ')
}

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!
    na += a[i]! * a[i]!
    nb += b[i]! * b[i]!
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb)
}

const TEXT = {
  en: (similarity: string, model: string) =>
    `close in meaning to the record (similarity ${similarity}, ${model})`,
  zh: (similarity: string, model: string) => `与记录语义相近（相似度 ${similarity}，${model}）`,
} as const

/**
 * Re-rank matched candidates by an embedding model: each row's score becomes its cosine similarity between the
 * record's text and the candidate's evidence (names and titles), with a `semantic` reason; ranks follow it.
 * Give it a pool larger than the page (matchRecord's first `pageSize` rows), then page the result: only the
 * pool is re-ranked, so candidates the text search did not find stay unfound.
 * @example
 *   const pool = matchRecord(index, need, { options: { pageSize: 200 } })
 *   const reranked = await rerankByEmbedding(pool, need, model, 'en', { page: 1, pageSize: 20 })
 */
export async function rerankByEmbedding(
  pool: MatchResult,
  record: RecordView,
  model: EmbeddingModel,
  lang: ReasonLanguage,
  paging: { readonly page: number; readonly pageSize: number },
): Promise<MatchResult> {
  const texts = [recordQuery(record), ...pool.rows.map(candidateText)]
  const vectors = await model.embed(texts)
  if (vectors.length !== texts.length)
    throw new MeridianError(
      'BAD_OPTION',
      `embedding model "${model.name}" returned ${vectors.length} vectors for ${texts.length} texts`,
    )
  const [query, ...rows] = vectors
  const scored = pool.rows
    .map((row, i) => ({ row, similarity: cosine(query!, rows[i]!) }))
    .sort((a, b) => b.similarity - a.similarity || a.row.rank - b.row.rank)
  const start = (paging.page - 1) * paging.pageSize
  return {
    ...pool,
    total: pool.rows.length,
    page: paging.page,
    pageSize: paging.pageSize,
    rows: scored.slice(start, start + paging.pageSize).map(({ row, similarity }, i) => {
      const semantic: MatchReason = {
        kind: 'semantic',
        text: TEXT[lang](similarity.toFixed(2), model.name),
        figures: { similarity, model: model.name },
      }
      return { ...row, rank: start + i + 1, score: similarity, reasons: [semantic, ...row.reasons] }
    }),
    method: {
      ...pool.method,
      languages:
        `the ${pool.rows.length} best candidates of the text search re-ranked by the embedding model ` +
        `"${model.name}" (cosine similarity between the record and each candidate's names and titles); ` +
        'across languages only as far as the model is',
    },
  }
}
