import {
  NO_IDS,
  toDoi,
  toOrcid,
  toPmid,
  toWosUt,
  type Affiliation,
  type Authorship,
  type Orcid,
  type ReadItem,
  type RecordProblem,
  type SourceFormat,
  type Work,
  yearProblem,
} from '@meridian/model'
import { abstractText, countFromText, quoteText, splitTerms, terms, yearFromText } from '../values/index.js'
import { bibliometrixCountries } from './bibliometrix-extraction.js'
import { wosFunding } from './wos-funding.js'
import { parseWosAddress, wosAddressCountry } from './wos-address.js'
import { AuthorIndex } from './wos-names.js'
import { parseWosReprint } from './wos-reprint.js'

/**
 * One WoS record as tags and values. List tags (AU, AF, C1, CR...) hold one value per item; other tags
 * hold the pieces of one value (plain-text continuation lines) to be joined with a space.
 */
export interface WosTagRecord {
  readonly fields: ReadonlyMap<string, readonly string[]>
  /** 1-based line of the record's first line. */
  readonly line: number
}

/** Where a record came from, for provenance and problems. */
export interface WosRecordContext {
  readonly file: string
  readonly format: Extract<SourceFormat, 'wos-plaintext' | 'wos-tabdelimited'>
}

/** Tags whose values are lists with one item per plain-text line (`; `-separated in tab-delimited files). */
export const WOS_LIST_TAGS: ReadonlySet<string> = new Set(['AU', 'AF', 'BA', 'BF', 'C1', 'C3', 'CR'])

const YEAR = /^\d{4}$/

/** Build a located problem for a record. */
export function wosProblem(
  code: RecordProblem['code'],
  file: string,
  line: number,
  field: string | null,
  message: string,
): ReadItem {
  return { kind: 'problem', problem: { code, file, line, field, message } }
}

/**
 * Decode one tag record into a `Work`, or a `BAD_RECORD`/`BAD_FIELD` problem naming the tag at fault.
 * Shared by the plain-text and tab-delimited readers.
 */
export function decodeWosRecord(record: WosTagRecord, context: WosRecordContext): ReadItem {
  const { fields, line } = record
  const one = (tag: string): string | null => {
    const values = fields.get(tag)
    if (!values || values.length === 0) return null
    const text = (values.length === 1 ? (values[0] ?? '') : values.join(' ')).trim()
    return text === '' ? null : text
  }
  const list = (tag: string): string[] =>
    (fields.get(tag) ?? []).map((v) => v.trim()).filter((v) => v.length > 0)
  const bad = (code: RecordProblem['code'], field: string, message: string): ReadItem =>
    wosProblem(code, context.file, line, field, message)

  const utValue = one('UT')
  if (utValue === null)
    return bad('BAD_RECORD', 'UT', `WoS record at line ${line} has no UT accession number`)
  const wos = toWosUt(utValue)
  if (wos === null) return bad('BAD_FIELD', 'UT', `UT ${quoteText(utValue)} is not a WoS accession number`)

  const py = one('PY')
  const year = py === null ? null : yearFromText(py)
  if (year !== null && typeof year !== 'number') return bad('BAD_FIELD', 'PY', `PY ${year.problem}`)
  const tcTag = one('TC') === null ? 'Z9' : 'TC'
  const tc = one(tcTag)
  const citedBy = tc === null ? null : countFromText(tc)
  if (citedBy !== null && typeof citedBy !== 'number')
    return bad('BAD_FIELD', tcTag, `times cited ${citedBy.problem}`)

  const fieldsText = one('WC') ?? one('SC')
  const work: Work = {
    ids: { ...NO_IDS, wos, doi: toDoi(one('DI')), pmid: toPmid(one('PM')) },
    year: year ?? earlyAccessYear(one('EY') ?? one('EA')),
    type: one('DT')?.toLowerCase() ?? null,
    sourceTitle: one('SO'),
    title: one('TI'),
    abstract: abstractText(one('AB')),
    keywords: [...terms('author', splitTerms(one('DE'))), ...terms('index', splitTerms(one('ID')))],
    citedBy,
    fields: fieldsText === null ? [] : splitList(fieldsText),
    ...decodeAuthors(list('AF'), list('AU'), list('C1'), one('OI'), one('RP')),
    bibliometrix: bibliometrixCountries(list('C1'), one('RP')),
    authorsTruncated: false,
    funding: wosFunding(one('FU'), one('FX')),
    synthetic: false,
    provenance: { source: 'wos', format: context.format, file: context.file, line },
  }
  return { kind: 'work', work }
}

function splitList(text: string): string[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/** The year of an early-access date (`EA`: `JAN 2024`, `EY`: `2024`). */
function earlyAccessYear(value: string | null): number | null {
  if (value === null) return null
  const year = value.slice(-4)
  return YEAR.test(year) && yearProblem(Number(year)) === null ? Number(year) : null
}

const affiliation = (raw: string): Affiliation => ({
  raw,
  institution: null,
  country: wosAddressCountry(raw),
})

/**
 * Authors in order with their addresses, ORCIDs and corresponding flags, and the reprint address.
 * A `C1` address with a bracket group goes to the authors it names. One with no bracket group (records
 * before 2008) is not linked to any author by WoS: every author gets it, so the work keeps all its
 * countries and fractional counts spread it evenly.
 */
function decodeAuthors(
  full: readonly string[],
  short: readonly string[],
  addresses: readonly string[],
  orcids: string | null,
  reprint: string | null,
): Pick<Work, 'authorships' | 'correspondingAddress'> {
  const names = full.length > 0 ? full : short
  const index = new AuthorIndex(full, short)
  const affiliations: Affiliation[][] = names.map(() => [])
  for (const value of addresses) {
    const { names: holders, address } = parseWosAddress(value)
    const aff = affiliation(address)
    const positions = holders?.map((name) => index.find(name)).filter((p) => p >= 0) ?? []
    // An address whose names match no author (a misspelt bracket group) still belongs to the work.
    const targets = positions.length > 0 ? positions : names.map((_, i) => i)
    for (const p of new Set(targets)) affiliations[p]?.push(aff)
  }

  const orcidOf: (Orcid | null)[] = names.map(() => null)
  if (orcids !== null) {
    for (const entry of orcids.split(';')) {
      const slash = entry.lastIndexOf('/')
      const p = slash < 0 ? -1 : index.find(entry.slice(0, slash))
      const orcid = toOrcid(entry.slice(slash + 1))
      if (p >= 0 && orcid !== null && orcidOf[p] === null) orcidOf[p] = orcid
    }
  }

  const reprints = reprint === null ? [] : parseWosReprint(reprint)
  const corresponding = new Set<number>()
  for (const entry of reprints) for (const name of entry.names) corresponding.add(index.find(name))
  corresponding.delete(-1)
  const known = reprints.some((entry) => entry.names.length > 0)
  const first = reprints[0]

  const authorships: Authorship[] = names.map((name, position) => ({
    position,
    name,
    orcid: orcidOf[position] ?? null,
    isCorresponding: known ? corresponding.has(position) : null,
    affiliations: affiliations[position] ?? [],
  }))
  return { authorships, correspondingAddress: first ? affiliation(first.address) : null }
}
