import type { Affiliation, Authorship, Institution, Work } from '@meridian/model'
import { FIELDS_BY_NAME } from './fields.js'
import { hash53 } from './hash.js'
import type {
  OpenAlexAuthorship,
  OpenAlexDehydratedInstitution,
  OpenAlexTopic,
  OpenAlexWorkJson,
} from './openalex-types.js'

const OPENALEX = 'https://openalex.org/'

/** An author id the model does not keep: derived from name and ORCID, so one author keeps one id. */
const authorId = (a: Authorship) => `${OPENALEX}A9${hash53(`${a.name}|${a.orcid ?? ''}`)}`
const institutionId = (i: Institution) =>
  i.openalex ? `${OPENALEX}${i.openalex}` : `${OPENALEX}I9${hash53(`${i.name}|${i.country ?? ''}`)}`

const topicCache = new Map<string, OpenAlexTopic>()

/** A topic standing for a field: OpenAlex gives fields only through topics (`topics[].field`). */
function topic(field: string, score: number): OpenAlexTopic {
  const key = `${field}|${score}`
  let cached = topicCache.get(key)
  if (!cached) {
    const row = FIELDS_BY_NAME.get(field)
    cached = Object.freeze({
      id: `${OPENALEX}T9${row ? row.id : hash53(field)}`,
      display_name: `Synthetic topic in ${field}`,
      score,
      subfield: { id: row ? `${OPENALEX}subfields/${row.id}00` : null, display_name: `General ${field}` },
      field: { id: row ? `${OPENALEX}fields/${row.id}` : null, display_name: field },
      domain: { id: row ? `${OPENALEX}domains/${row.domainId}` : null, display_name: row?.domain ?? field },
    })
    topicCache.set(key, cached)
  }
  return cached
}

/** Institutions are shared between works (always so in the demo corpus): build each JSON form once. */
const dehydratedCache = new WeakMap<Institution, OpenAlexDehydratedInstitution>()

function dehydrated(i: Institution): OpenAlexDehydratedInstitution {
  let cached = dehydratedCache.get(i)
  if (!cached) {
    const id = institutionId(i)
    cached = Object.freeze({
      id,
      display_name: i.name,
      ror: i.ror,
      country_code: i.country,
      type: i.type,
      lineage: Object.freeze([id]),
    })
    dehydratedCache.set(i, cached)
  }
  return cached
}

function authorship(a: Authorship, last: number): OpenAlexAuthorship {
  const institutions = new Map<string, OpenAlexDehydratedInstitution>()
  const countries = new Set<string>()
  const affiliations: { raw_affiliation_string: string; institution_ids: string[] }[] = []
  const raw: string[] = []
  for (const affiliation of a.affiliations) {
    const inst = affiliation.institution ? dehydrated(affiliation.institution) : null
    if (inst?.id) institutions.set(inst.id, inst)
    if (affiliation.country) countries.add(affiliation.country)
    if (affiliation.raw !== null) {
      raw.push(affiliation.raw)
      affiliations.push({
        raw_affiliation_string: affiliation.raw,
        institution_ids: inst?.id ? [inst.id] : [],
      })
    }
  }
  return {
    author_position: a.position === 0 ? 'first' : a.position === last ? 'last' : 'middle',
    author: { id: authorId(a), display_name: a.name, orcid: a.orcid ? `https://orcid.org/${a.orcid}` : null },
    institutions: [...institutions.values()],
    countries: [...countries].sort(),
    is_corresponding: a.isCorresponding === true,
    raw_author_name: a.name,
    raw_affiliation_strings: raw,
    affiliations,
  }
}

const institutionsOf = (affiliations: readonly Affiliation[]) =>
  affiliations.flatMap((a) => (a.institution ? [institutionId(a.institution)] : []))

/**
 * A work as the OpenAlex works API (current schema) would return it, so that an OpenAlex reader decodes it back
 * to the same work. What the schema has no place for is lost: `synthetic`, provenance, institution lat/lon;
 * an unknown corresponding author becomes `is_corresponding: false` everywhere with empty
 * `corresponding_author_ids`, which is how OpenAlex says it does not know.
 *
 * @example
 * const json = toOpenAlexJson(work)
 * json.id // 'https://openalex.org/W9000000004217'
 */
export function toOpenAlexJson(work: Work): OpenAlexWorkJson {
  const last = work.authorships.length - 1
  const authorships = work.authorships.map((a) => authorship(a, last))
  const institutions = new Set<string>()
  const countries = new Set<string>()
  for (const a of authorships) {
    for (const i of a.institutions) if (i.id) institutions.add(i.id)
    for (const c of a.countries) countries.add(c)
  }
  const corresponding = work.authorships.filter((a) => a.isCorresponding === true)
  const id = work.ids.openalex ? `${OPENALEX}${work.ids.openalex}` : null
  const doi = work.ids.doi ? `https://doi.org/${work.ids.doi}` : null
  const topics = work.fields.map((field, i) => topic(field, i === 0 ? 1 : 0.9))
  return {
    id,
    doi,
    title: work.title,
    display_name: work.title,
    publication_year: work.year,
    ids: {
      ...(id ? { openalex: id } : {}),
      ...(doi ? { doi } : {}),
      ...(work.ids.pmid ? { pmid: `https://pubmed.ncbi.nlm.nih.gov/${work.ids.pmid}` } : {}),
    },
    type: work.type,
    primary_location: work.sourceTitle
      ? {
          source: {
            id: `${OPENALEX}S9${hash53(work.sourceTitle)}`,
            display_name: work.sourceTitle,
            type: work.type === 'book-chapter' ? 'book series' : 'journal',
          },
        }
      : null,
    cited_by_count: work.citedBy,
    primary_topic: topics[0] ?? null,
    topics,
    authorships,
    countries_distinct_count: countries.size,
    institutions_distinct_count: institutions.size,
    corresponding_author_ids: corresponding.map(authorId),
    corresponding_institution_ids: [...new Set(corresponding.flatMap((a) => institutionsOf(a.affiliations)))],
    is_authors_truncated: work.authorsTruncated,
    grants: work.funding.map((f) => ({
      funder: f.funderId === null ? null : `${OPENALEX}${f.funderId}`,
      funder_display_name: f.funderName,
      award_id: f.award,
    })),
  }
}

/**
 * One JSON line per work, as in an OpenAlex snapshot file (no trailing newline; JSON escapes any newline).
 *
 * @example
 * for (const line of toOpenAlexJsonl(generateCorpus({ works: 10 }))) out.write(line + '\n')
 */
export function* toOpenAlexJsonl(works: Iterable<Work>): Generator<string, void, undefined> {
  for (const work of works) yield JSON.stringify(toOpenAlexJson(work))
}
