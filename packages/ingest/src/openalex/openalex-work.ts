import { countProblem, toDoi, toOpenAlexId, toPmid, yearProblem } from '@meridian/model'
import type { Authorship, OpenAlexId, ReadItem, Work } from '@meridian/model'
import { decodeAuthorship } from './openalex-authorship.js'
import { openAlexFunding } from './openalex-funding.js'
import { openAlexAbstract, openAlexKeywords } from './openalex-about.js'
import { arrayOrEmpty, isJsonObject, objectAt, stringOrNull } from './json-value.js'
import { quote } from '../values/index.js'
import { recordProblem } from './problem.js'
import type { RecordAt } from './problem.js'

/**
 * The top-level members `decodeOpenAlexWork` reads. The readers parse only these; a test proves that the
 * decoded works are the same as from the whole record, so a member read below must be listed here.
 */
export const OPENALEX_WORK_MEMBERS: ReadonlySet<string> = new Set([
  'id',
  'doi',
  'ids',
  'title',
  'display_name',
  'publication_year',
  'type',
  'primary_location',
  'cited_by_count',
  'primary_topic',
  'topics',
  'authorships',
  'corresponding_author_ids',
  'is_authors_truncated',
  'funders',
  'grants',
  'awards',
  'abstract_inverted_index',
  'keywords',
  'concepts',
])

/** Where an OpenAlex work was read. */
export interface OpenAlexAt extends RecordAt {
  /** Default `openalex-jsonl`. */
  readonly format?: 'openalex-jsonl' | 'openalex-api-page'
  /** JSON path of the work in its text (`results[3]`), put before the field of each problem. */
  readonly path?: string
}

/**
 * Decode one OpenAlex work, already parsed from JSON, into a `Work`; or a `problem` when it is not an object,
 * has neither a valid `id` nor a DOI, or has a `publication_year` or `cited_by_count` that is not a whole number
 * within `LIMITS` (a year from 1000 to 2100, a count from 0 to 2^31 - 1).
 *
 * Fields are OpenAlex's top-level fields (the `field` of its topics, 26 in all): the primary topic's
 * first, then those of `topics[]`, each once. Unknown country codes become `null` without a problem.
 *
 * @example
 * decodeOpenAlexWork(JSON.parse(line), { file: 'works.jsonl', line: 7 })
 */
export function decodeOpenAlexWork(value: unknown, at: OpenAlexAt): ReadItem {
  const field = (name: string): string => (at.path ? `${at.path}.${name}` : name)
  if (!isJsonObject(value)) {
    return recordProblem(
      'BAD_RECORD',
      at,
      at.path ?? null,
      `an OpenAlex work must be an object, not ${quote(value)}`,
    )
  }
  const ids = objectAt(value, 'ids')
  const openalex = toOpenAlexId(stringOrNull(value.id) ?? stringOrNull(ids?.openalex))
  const doi = toDoi(stringOrNull(value.doi) ?? stringOrNull(ids?.doi))
  if (openalex === null && doi === null) {
    const message = `work has no valid OpenAlex id (${quote(value.id)}) and no DOI (${quote(value.doi)})`
    return recordProblem('BAD_RECORD', at, field('id'), message)
  }
  const year = value.publication_year ?? null
  const yearWhy = numberProblem(year, yearProblem)
  if (yearWhy !== null) {
    const message = `publication_year ${quote(year)} ${yearWhy}`
    return recordProblem('BAD_FIELD', at, field('publication_year'), message)
  }
  const citedBy = value.cited_by_count ?? null
  const countWhy = numberProblem(citedBy, countProblem)
  if (countWhy !== null) {
    const message = `cited_by_count ${quote(citedBy)} ${countWhy}`
    return recordProblem('BAD_FIELD', at, field('cited_by_count'), message)
  }
  if (value.authorships != null && !Array.isArray(value.authorships)) {
    return recordProblem(
      'BAD_FIELD',
      at,
      field('authorships'),
      `authorships must be an array, not ${quote(value.authorships)}`,
    )
  }
  const authorships: Authorship[] = []
  const correspondingIds = correspondingAuthorIds(value.corresponding_author_ids)
  for (const [position, authorship] of arrayOrEmpty(value.authorships).entries()) {
    if (!isJsonObject(authorship)) {
      const message = `an authorship must be an object, not ${quote(authorship)}`
      return recordProblem('BAD_FIELD', at, field(`authorships[${position}]`), message)
    }
    authorships.push(decodeAuthorship(authorship, position, correspondingIds))
  }
  const type = stringOrNull(value.type)
  // OpenAlex writes is_corresponding: false for every author when it does not know who is corresponding.
  const told = authorships.some((a) => a.isCorresponding === true)
  const work: Work = {
    ids: { doi, openalex, wos: null, scopus: null, pmid: toPmid(stringOrNull(ids?.pmid)) },
    year: year as number | null,
    type: type ? type.toLowerCase() : null,
    sourceTitle: stringOrNull(objectAt(objectAt(value, 'primary_location'), 'source')?.display_name),
    title: stringOrNull(value.title) ?? stringOrNull(value.display_name),
    abstract: openAlexAbstract(value.abstract_inverted_index),
    keywords: openAlexKeywords(value),
    citedBy: citedBy as number | null,
    fields: topicFields(value.primary_topic, value.topics),
    authorships: told ? authorships : authorships.map(unknownCorresponding),
    correspondingAddress: null,
    bibliometrix: null,
    authorsTruncated: value.is_authors_truncated === true,
    funding: openAlexFunding(value),
    synthetic: false,
    provenance: { source: 'openalex', format: at.format ?? 'openalex-jsonl', file: at.file, line: at.line },
  }
  return { kind: 'work', work }
}

/** Why a JSON value (`null` when absent) cannot be stored as a number of this kind, or `null` when it can. */
function numberProblem(value: unknown, check: (n: number) => string | null): string | null {
  if (value === null) return null
  return typeof value === 'number' ? check(value) : 'is not a number'
}

function correspondingAuthorIds(value: unknown): ReadonlySet<OpenAlexId> | null {
  const ids = new Set<OpenAlexId>()
  for (const id of arrayOrEmpty(value)) {
    const openalex = toOpenAlexId(stringOrNull(id))
    if (openalex !== null) ids.add(openalex)
  }
  return ids.size > 0 ? ids : null
}

function topicFields(primary: unknown, topics: unknown): string[] {
  const fields = new Set<string>()
  for (const topic of [primary, ...arrayOrEmpty(topics)]) {
    const name = stringOrNull(objectAt(topic, 'field')?.display_name)
    if (name) fields.add(name)
  }
  return [...fields]
}

function unknownCorresponding(authorship: Authorship): Authorship {
  return authorship.isCorresponding === null ? authorship : { ...authorship, isCorresponding: null }
}
