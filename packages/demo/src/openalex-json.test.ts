import { toCountryCode, toDoi, toOpenAlexId, toOrcid, type Work } from '@meridian/model'
import { describe, expect, it } from 'vitest'
import { generateCorpus } from './generate.js'
import { toOpenAlexJson, toOpenAlexJsonl } from './openalex-json.js'
import type { OpenAlexWorkJson } from './openalex-types.js'

/**
 * Decode the key fields back the way an OpenAlex reader does: the reader lives in another package, so the
 * test states the mapping it relies on instead of importing it.
 */
function decode(json: OpenAlexWorkJson) {
  const known = json.corresponding_author_ids.length > 0
  return {
    doi: toDoi(json.doi),
    openalex: toOpenAlexId(json.id),
    title: json.title,
    year: json.publication_year,
    type: json.type,
    sourceTitle: json.primary_location?.source?.display_name ?? null,
    citedBy: json.cited_by_count,
    fields: [...new Set(json.topics.map((t) => t.field.display_name))],
    funding: json.grants.map((g) => ({
      funderId: toOpenAlexId(g.funder),
      funderName: g.funder_display_name,
      funderRor: null,
      award: g.award_id,
      source: 'openalex-grants',
      note: null,
    })),
    authorships: json.authorships.map((a, position) => ({
      position,
      name: a.author.display_name,
      orcid: toOrcid(a.author.orcid),
      isCorresponding: known ? a.is_corresponding : null,
      affiliations: a.affiliations.map((f) => {
        const institution = a.institutions.find((i) => i.id === f.institution_ids[0])!
        return {
          raw: f.raw_affiliation_string,
          openalex: toOpenAlexId(institution.id),
          name: institution.display_name,
          type: institution.type,
          country: toCountryCode(institution.country_code),
        }
      }),
    })),
  }
}

function expected(work: Work) {
  return {
    doi: work.ids.doi,
    openalex: work.ids.openalex,
    title: work.title,
    year: work.year,
    type: work.type,
    sourceTitle: work.sourceTitle,
    citedBy: work.citedBy,
    fields: work.fields,
    funding: work.funding,
    authorships: work.authorships.map((a) => ({
      position: a.position,
      name: a.name,
      orcid: a.orcid,
      isCorresponding: a.isCorresponding,
      affiliations: a.affiliations.map((f) => ({
        raw: f.raw,
        openalex: f.institution!.openalex,
        name: f.institution!.name,
        type: f.institution!.type,
        country: f.country,
      })),
    })),
  }
}

describe('toOpenAlexJson', () => {
  const works = [...generateCorpus({ works: 500, seed: 3 })]

  it('round-trips the key fields', () => {
    expect(works.filter((w) => w.funding.length > 0).length).toBeGreaterThan(0)
    for (const work of works) expect(decode(toOpenAlexJson(work))).toEqual(expected(work))
  })

  it('writes the counts and positions OpenAlex gives', () => {
    for (const work of works) {
      const json = toOpenAlexJson(work)
      const institutions = new Set(
        work.authorships.flatMap((a) => a.affiliations.map((f) => f.institution!.name)),
      )
      const countries = new Set(work.authorships.flatMap((a) => a.affiliations.map((f) => f.country)))
      expect(json.institutions_distinct_count).toBe(institutions.size)
      expect(json.countries_distinct_count).toBe(countries.size)
      expect(json.display_name).toBe(json.title)
      expect(json.primary_topic).toEqual(json.topics[0])
      expect(json.is_authors_truncated).toBe(false)
      const positions = json.authorships.map((a) => a.author_position)
      expect(positions[0]).toBe('first')
      if (positions.length > 1) expect(positions.at(-1)).toBe('last')
      expect(positions.slice(1, -1).every((p) => p === 'middle')).toBe(true)
      const correspondingIds = json.authorships.filter((a) => a.is_corresponding).map((a) => a.author.id)
      expect(json.corresponding_author_ids).toEqual(correspondingIds)
    }
  })
})

describe('toOpenAlexJsonl', () => {
  it('yields one parseable line per work', () => {
    const works = [...generateCorpus({ works: 200, seed: 3 })]
    const lines = [...toOpenAlexJsonl(works)]
    expect(lines).toHaveLength(200)
    for (const line of lines) expect(line).not.toContain('\n')
    expect(JSON.parse(lines[7]!)).toEqual(JSON.parse(JSON.stringify(toOpenAlexJson(works[7]!))))
  })
})
