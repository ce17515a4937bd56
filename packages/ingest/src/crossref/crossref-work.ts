import {
  NO_IDS,
  distinctFunding,
  splitAwardIds,
  toDoi,
  toFunderId,
  toOrcid,
  toRorId,
  type Affiliation,
  type Authorship,
  type Funding,
  type ReadItem,
  type Work,
} from '@meridian/model'
import { affiliationCountry } from '../affiliation-country/index.js'
import { countFromNumber, markupAbstract, quote, yearFromNumber } from '../values/index.js'

/** The dates a work's year is taken from, the first that has one. */
const DATES = ['published', 'issued', 'published-print', 'published-online', 'created'] as const

type Json = { readonly [key: string]: unknown }

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : [])
const first = (value: unknown): string | null => text(list(value)[0]) ?? text(value)

/** Where a work sits: file, line, and its JSON path (`message.items[3]`). */
export interface CrossrefAt {
  readonly file: string
  readonly line: number
  readonly path: string
}

/** The year of a Crossref date object (`{"date-parts": [[2021, 5, 3]]}`), or `null`. */
function yearOf(date: unknown): number | null {
  if (!isObject(date)) return null
  const year = list(list(date['date-parts'])[0])[0]
  return typeof year === 'number' && Number.isInteger(year) ? year : null
}

function affiliationOf(value: unknown): Affiliation | null {
  if (!isObject(value)) return null
  const name = text(value['name'])
  const ror = list(value['id'])
    .filter(isObject)
    .map((id) => (text(id['id-type'])?.toUpperCase() === 'ROR' ? toRorId(text(id['id'])) : null))
    .find((id) => id !== null)
  if (name === null && !ror) return null
  const institution = ror
    ? { ror, openalex: null, name: name ?? ror, type: null, country: null, lat: null, lon: null }
    : null
  return { raw: name, institution, country: name === null ? null : affiliationCountry(name) }
}

function authorOf(value: unknown, position: number): Authorship {
  const author = isObject(value) ? value : {}
  const family = text(author['family'])
  const given = text(author['given'])
  const name = family ? (given ? `${family}, ${given}` : family) : (text(author['name']) ?? '')
  return {
    position,
    name,
    orcid: toOrcid(text(author['ORCID'])),
    isCorresponding: null,
    affiliations: list(author['affiliation'])
      .map(affiliationOf)
      .filter((a): a is Affiliation => a !== null),
  }
}

/**
 * Crossref's `funder[]` (`DOI`, `name`, `award[]`): one row per funder and award id (an award string listing
 * several ids gives one row each), or one row with no award; funder DOIs outside the Open Funder Registry
 * (`10.13039/`) are left out and the name kept.
 */
function fundingOf(value: unknown): Funding[] {
  const rows = list(value)
    .filter(isObject)
    .flatMap((funder) => {
      const awards = list(funder['award']).flatMap((a) => splitAwardIds(text(a)))
      return (awards.length > 0 ? awards : [null]).map((award): Funding => ({
        funderId: toFunderId(text(funder['DOI'])),
        funderName: text(funder['name']),
        funderRor: null,
        award,
        source: 'crossref',
        note: null,
      }))
    })
  return distinctFunding(rows.filter((r) => r.funderId !== null || r.funderName !== null))
}

/**
 * Decode one Crossref work (the `message` of `/works/{doi}`, or an item of a `/works` page). The year is
 * the first of `published`, `issued`, `published-print`, `published-online`, `created`; affiliations are
 * Crossref's publisher-deposited strings (and ROR ids where deposited), with the country read from the
 * end of the string. Crossref marks no corresponding author.
 */
export function decodeCrossrefWork(value: unknown, at: CrossrefAt): ReadItem {
  const bad = (
    field: string,
    message: string,
    code: 'BAD_RECORD' | 'BAD_FIELD' = 'BAD_RECORD',
  ): ReadItem => ({
    kind: 'problem',
    problem: { code, file: at.file, line: at.line, field: `${at.path}.${field}`, message },
  })
  if (!isObject(value)) return bad('message', 'a work must be a JSON object')
  const doiValue = text(value['DOI'])
  const doi = toDoi(doiValue)
  if (doi === null) return bad('DOI', `DOI ${JSON.stringify(doiValue)} is not a DOI`)
  const dated = DATES.find((key) => yearOf(value[key]) !== null)
  const year = dated === undefined ? null : yearFromNumber(yearOf(value[dated]) ?? 0)
  if (dated !== undefined && typeof year !== 'number')
    return bad(`${dated}.date-parts`, `year ${year?.problem ?? ''}`, 'BAD_FIELD')
  const count = value['is-referenced-by-count'] ?? null
  const citedBy = count === null ? null : typeof count === 'number' ? countFromNumber(count) : null
  if (count !== null && typeof citedBy !== 'number') {
    const why = citedBy?.problem ?? `${quote(count)} is not a number`
    return bad('is-referenced-by-count', `is-referenced-by-count ${why}`, 'BAD_FIELD')
  }
  const work: Work = {
    ids: { ...NO_IDS, doi },
    year: year as number | null,
    type: text(value['type']),
    sourceTitle: first(value['container-title']),
    title: first(value['title']),
    abstract: markupAbstract(text(value['abstract'])),
    keywords: [],
    citedBy: citedBy as number | null,
    fields: list(value['subject'])
      .map(text)
      .filter((s): s is string => s !== null),
    authorships: list(value['author']).map(authorOf),
    correspondingAddress: null,
    bibliometrix: null,
    authorsTruncated: false,
    funding: fundingOf(value['funder']),
    synthetic: false,
    provenance: { source: 'crossref', format: 'crossref-json', file: at.file, line: at.line },
  }
  return { kind: 'work', work }
}
