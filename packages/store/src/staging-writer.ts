import { normaliseAwardId, type Institution, type Work } from '@meridian/model'
import type { Appender } from './duckdb.js'
import { fuzzyKey } from './fuzzy-key.js'

/** The key an institution is stored under: its ROR id, else its OpenAlex id; `null` when it has neither. */
export function institutionKey(institution: Institution | null): string | null {
  return institution?.ror ?? institution?.openalex ?? null
}

const text = (a: Appender, value: string | null | undefined): void =>
  value === null || value === undefined ? a.appendNull() : a.appendVarchar(value)
const int = (a: Appender, value: number | null | undefined): void =>
  value === null || value === undefined ? a.appendNull() : a.appendInteger(value)
const real = (a: Appender, value: number | null | undefined): void =>
  value === null || value === undefined ? a.appendNull() : a.appendDouble(value)
const bool = (a: Appender, value: boolean | null | undefined): void =>
  value === null || value === undefined ? a.appendNull() : a.appendBoolean(value)

/** Append one row of the `institutions` table's shape. */
export function appendInstitution(a: Appender, key: string, institution: Institution): void {
  a.appendVarchar(key)
  text(a, institution.ror)
  text(a, institution.openalex)
  a.appendVarchar(institution.name)
  text(a, institution.type)
  text(a, institution.country)
  real(a, institution.lat)
  real(a, institution.lon)
  a.endRow()
}

/** Appenders for one ingest run's staging tables. */
export interface StagingAppenders {
  readonly works: Appender
  readonly fields: Appender
  readonly authorships: Appender
  readonly affiliations: Appender
  readonly institutions: Appender
  readonly bibliometrix: Appender
  readonly funding: Appender
  readonly abstracts: Appender
  readonly keywords: Appender
}

/**
 * Writes works into the staging tables, row by row through DuckDB appenders.
 * `seq` numbers a work's distinct addresses in the order they first appear.
 */
export class StagingWriter {
  private nextId = 0
  private readonly seenInstitutions = new Set<string>()

  constructor(private readonly to: StagingAppenders) {}

  get count(): number {
    return this.nextId
  }

  add(work: Work): void {
    const id = this.nextId++
    const { works, fields, authorships } = this.to
    works.appendInteger(id)
    text(works, work.ids.doi)
    text(works, work.ids.openalex)
    text(works, work.ids.wos)
    text(works, work.ids.scopus)
    text(works, work.ids.pmid)
    int(works, work.year)
    text(works, work.type)
    text(works, work.sourceTitle)
    text(works, work.title)
    int(works, work.citedBy)
    works.appendBoolean(work.authorsTruncated)
    works.appendBoolean(work.synthetic)
    works.appendVarchar(work.provenance.source)
    works.appendVarchar(work.provenance.format)
    works.appendVarchar(work.provenance.file)
    works.appendInteger(work.provenance.line)
    works.appendBoolean(work.bibliometrix !== null)
    text(works, fuzzyKey(work))
    works.endRow()

    if (work.bibliometrix) {
      for (const country of work.bibliometrix.countries) this.bibliometrix(id, country, 'country')
      if (work.bibliometrix.corresponding)
        this.bibliometrix(id, work.bibliometrix.corresponding, 'corresponding')
    }

    for (const row of work.funding) {
      const a = this.to.funding
      a.appendInteger(id)
      text(a, row.funderId)
      text(a, row.funderName)
      text(a, row.funderRor)
      text(a, row.award)
      text(a, row.award === null ? null : normaliseAwardId(row.award))
      a.appendVarchar(row.source)
      text(a, row.note)
      a.endRow()
    }

    if (work.abstract !== null) {
      this.to.abstracts.appendInteger(id)
      this.to.abstracts.appendVarchar(work.abstract)
      this.to.abstracts.endRow()
    }
    for (const { keyword, kind, score } of work.keywords) {
      const a = this.to.keywords
      a.appendInteger(id)
      a.appendVarchar(keyword)
      a.appendVarchar(kind)
      real(a, score)
      a.endRow()
    }

    work.fields.forEach((field, position) => {
      fields.appendInteger(id)
      fields.appendInteger(position)
      fields.appendVarchar(field)
      fields.endRow()
    })

    const seqOf = new Map<string, number>()
    let anonymous = 0
    const seq = (raw: string | null, key: string | null, country: string | null): number => {
      const address = raw ?? key ?? (country ? `country:${country}` : `#${anonymous++}`)
      let n = seqOf.get(address)
      if (n === undefined) seqOf.set(address, (n = seqOf.size))
      return n
    }
    for (const authorship of work.authorships) {
      authorships.appendInteger(id)
      authorships.appendInteger(authorship.position)
      authorships.appendVarchar(authorship.name)
      text(authorships, authorship.orcid)
      bool(authorships, authorship.isCorresponding)
      authorships.endRow()
      for (const affiliation of authorship.affiliations) {
        const key = this.institution(affiliation.institution)
        this.affiliation(
          id,
          authorship.position,
          seq(affiliation.raw, key, affiliation.country),
          affiliation.raw,
          key,
          affiliation.country,
        )
      }
    }
    const reprint = work.correspondingAddress
    if (reprint) {
      const key = this.institution(reprint.institution)
      this.affiliation(id, -1, 0, reprint.raw, key, reprint.country)
    }
  }

  private bibliometrix(id: number, country: string, role: 'country' | 'corresponding'): void {
    const a = this.to.bibliometrix
    a.appendInteger(id)
    a.appendVarchar(country)
    a.appendVarchar(role)
    a.endRow()
  }

  private affiliation(
    id: number,
    position: number,
    seq: number,
    raw: string | null,
    key: string | null,
    country: string | null,
  ): void {
    const a = this.to.affiliations
    a.appendInteger(id)
    a.appendInteger(position)
    a.appendInteger(seq)
    text(a, raw)
    text(a, key)
    text(a, country)
    a.endRow()
  }

  private institution(institution: Institution | null): string | null {
    const key = institutionKey(institution)
    if (key === null || institution === null || this.seenInstitutions.has(key)) return key
    this.seenInstitutions.add(key)
    appendInstitution(this.to.institutions, key, institution)
    return key
  }
}
