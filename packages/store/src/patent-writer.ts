import { applicantKey, toPatentOffice, type Patent, type PatentOffice } from '@meridian/model'
import type { Appender } from './duckdb.js'

/** Appenders for one ingest run's patent staging tables. */
export interface PatentAppenders {
  readonly patents: Appender
  readonly applicants: Appender
  readonly inventors: Appender
  readonly classes: Appender
  readonly priorities: Appender
  readonly dois: Appender
}

const text = (a: Appender, value: string | null): void =>
  value === null ? a.appendNull() : a.appendVarchar(value)
const int = (a: Appender, value: number | null): void =>
  value === null ? a.appendNull() : a.appendInteger(value)

/**
 * The office of a priority number: the one it opens with (`US 201161550506 P`, `US19910666943`), else the
 * record's only priority office when the record has only this number. The readers keep numbers and offices
 * apart, so nothing better is known.
 */
export function priorityOffice(number: string, patent: Patent): PatentOffice | null {
  const opening = /^([A-Za-z]{2})(?=[\s\d])/.exec(number)?.[1]
  const office = toPatentOffice(opening)
  if (office !== null) return office
  const [only] = patent.priorityCountries
  return patent.priorityNumbers.length === 1 && patent.priorityCountries.length === 1 ? (only ?? null) : null
}

/** Writes patents into the staging tables, row by row through DuckDB appenders. */
export class PatentWriter {
  private nextId = 0

  constructor(private readonly to: PatentAppenders) {}

  get count(): number {
    return this.nextId
  }

  add(patent: Patent): void {
    const id = this.nextId++
    const p = this.to.patents
    p.appendInteger(id)
    p.appendVarchar(patent.publicationNumber)
    p.appendVarchar(patent.jurisdiction)
    text(p, patent.kind)
    p.appendVarchar(patent.title)
    text(p, patent.abstract)
    text(p, patent.publicationDate)
    int(p, patent.publicationYear)
    text(p, patent.applicationNumber)
    text(p, patent.earliestPriorityDate)
    int(p, patent.citedBy)
    int(p, patent.familySize)
    text(p, patent.url)
    p.appendVarchar(patent.source)
    p.appendVarchar(patent.file)
    p.appendInteger(patent.line)
    p.endRow()

    patent.applicants.forEach((name, position) => {
      const a = this.to.applicants
      a.appendInteger(id)
      a.appendInteger(position)
      a.appendVarchar(name)
      a.appendVarchar(applicantKey(name))
      a.endRow()
    })
    patent.inventors.forEach((name, position) => {
      const a = this.to.inventors
      a.appendInteger(id)
      a.appendInteger(position)
      a.appendVarchar(name)
      a.endRow()
    })
    for (const [scheme, codes] of [
      ['cpc', patent.cpc],
      ['ipc', patent.ipc],
    ] as const)
      for (const code of new Set(codes)) {
        const a = this.to.classes
        a.appendInteger(id)
        a.appendVarchar(scheme)
        a.appendVarchar(code)
        a.endRow()
      }
    for (const number of new Set(patent.priorityNumbers)) {
      const a = this.to.priorities
      a.appendInteger(id)
      a.appendVarchar(number)
      text(a, priorityOffice(number, patent))
      a.endRow()
    }
    for (const doi of new Set(patent.dois)) {
      const a = this.to.dois
      a.appendInteger(id)
      a.appendVarchar(doi)
      a.endRow()
    }
  }
}
