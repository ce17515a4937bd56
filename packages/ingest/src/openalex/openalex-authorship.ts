import { toOpenAlexId, toOrcid } from '@meridian/model'
import type { Authorship, OpenAlexId } from '@meridian/model'
import { decodeAffiliations } from './openalex-affiliations.js'
import { objectAt, stringOrNull } from './json-value.js'
import type { JsonObject } from './json-value.js'

/**
 * One OpenAlex authorship at its 0-based place in the array (the array order is the author order;
 * `author_position` only says first/middle/last).
 *
 * `correspondingIds` is the work's non-empty `corresponding_author_ids`, or `null`. With it, an author is
 * corresponding when listed there or flagged `is_corresponding: true`, and not corresponding otherwise;
 * without it, `is_corresponding` decides, and its absence means "not told" (`null`).
 */
export function decodeAuthorship(
  authorship: JsonObject,
  position: number,
  correspondingIds: ReadonlySet<OpenAlexId> | null,
): Authorship {
  const author = objectAt(authorship, 'author')
  const flag = authorship.is_corresponding
  let isCorresponding: boolean | null = typeof flag === 'boolean' ? flag : null
  if (correspondingIds !== null) {
    const id = toOpenAlexId(stringOrNull(author?.id))
    isCorresponding = flag === true || (id !== null && correspondingIds.has(id))
  }
  return {
    position,
    name: stringOrNull(author?.display_name) ?? stringOrNull(authorship.raw_author_name) ?? '',
    orcid: toOrcid(stringOrNull(author?.orcid)),
    isCorresponding,
    affiliations: decodeAffiliations(authorship),
  }
}
