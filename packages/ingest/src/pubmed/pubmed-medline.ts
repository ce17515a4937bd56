import {
  NO_IDS,
  toDoi,
  toOrcid,
  toPmid,
  type Affiliation,
  type Authorship,
  type ReadItem,
  type ReadOptions,
  type Work,
} from '@meridian/model'
import { affiliationCountry } from '../affiliation-country/index.js'
import { bibliometrixMetaTags, pubmedFields } from '../bibliometrix/index.js'
import { abstractText, quoteText, terms, yearFromText } from '../values/index.js'

/** A record being read: its tags in order, as `[tag, value]` pairs with continuation lines joined. */
interface Pending {
  readonly line: number
  readonly tags: [string, string][]
}

const TAG_LINE = /^([A-Z][A-Z0-9 ]{1,3})-\s?(.*)$/
const YEAR = /^(\d{4})/

/**
 * Read a PubMed/MEDLINE export (`PMID- 123`, `TI  - ...`, six-space continuation lines, a blank line between
 * records). Authors come from `FAU`/`AU` (and `CN` for groups) in order; each `AD` line that follows an
 * author is one of that author's affiliations (records before 2014 give the first author all of them).
 * PubMed marks no corresponding author: `isCorresponding` is `null` (bibliometrix takes the first address's
 * country, `Work.bibliometrix`). One record in memory.
 *
 * @example
 * for await (const item of readPubmedMedline(lines, { file: 'pubmed.txt' })) if (item.kind === 'work') add(item.work)
 */
export async function* readPubmedMedline(
  lines: AsyncIterable<string>,
  options: ReadOptions,
): AsyncIterable<ReadItem> {
  const { file } = options
  let n = 0
  let record: Pending | null = null
  let stray = false
  for await (const raw of lines) {
    n++
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (n === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1)
    if (line.trim() === '') {
      if (record) yield decodeRecord(record, file)
      record = null
      continue
    }
    if (line.startsWith('      ') && record) {
      const last = record.tags[record.tags.length - 1]
      if (last) last[1] = `${last[1]} ${line.trim()}`
      continue
    }
    const match = TAG_LINE.exec(line)
    if (match === null || (record === null && match[1]?.trim() !== 'PMID')) {
      if (!stray)
        yield problem(file, n, match?.[1]?.trim() ?? null, `line "${clip(line)}" is not a MEDLINE tag line`)
      stray = true
      continue
    }
    stray = false
    const tag = (match[1] ?? '').trim()
    if (tag === 'PMID' && record) {
      yield decodeRecord(record, file)
      record = null
    }
    record ??= { line: n, tags: [] }
    record.tags.push([tag, (match[2] ?? '').trim()])
  }
  if (record) yield decodeRecord(record, file)
}

function decodeRecord(record: Pending, file: string): ReadItem {
  const { tags, line } = record
  const one = (tag: string): string | null => tags.find(([t]) => t === tag)?.[1] || null
  const valuesOf = (tag: string): string[] => tags.filter(([t]) => t === tag).map(([, v]) => v)
  const pmidValue = one('PMID')
  const pmid = toPmid(pmidValue)
  if (pmid === null)
    return problem(file, line, 'PMID', `PMID ${quoteText(pmidValue ?? '')} is not a PubMed id`)
  const date = one('DP')
  const digits = date === null ? null : YEAR.exec(date)?.[1]
  if (date !== null && digits === undefined)
    return problem(file, line, 'DP', `DP ${quoteText(date)} has no year`, 'BAD_FIELD')
  const year = digits == null ? null : yearFromText(digits)
  if (year !== null && typeof year !== 'number')
    return problem(file, line, 'DP', `DP year ${year.problem}`, 'BAD_FIELD')
  const doiTag = tags.find(([t, v]) => (t === 'LID' || t === 'AID') && v.endsWith('[doi]'))
  const work: Work = {
    ids: { ...NO_IDS, pmid, doi: toDoi(doiTag?.[1].replace(/\s*\[doi\]$/, '')) },
    year,
    type: one('PT')?.toLowerCase() ?? null,
    sourceTitle: one('JT') ?? one('TA'),
    title: one('TI') ?? one('BTI'),
    abstract: abstractText(one('AB')),
    keywords: [...terms('author', valuesOf('OT')), ...terms('index', valuesOf('MH').map(meshDescriptor))],
    citedBy: null,
    fields: valuesOf('MH'),
    authorships: decodeAuthors(tags),
    correspondingAddress: null,
    bibliometrix: bibliometrixMetaTags(pubmedFields(tags.filter(([t]) => t === 'AD').map(([, v]) => v))),
    authorsTruncated: false,
    funding: [],
    synthetic: false,
    provenance: { source: 'pubmed', format: 'pubmed-medline', file, line },
  }
  return { kind: 'work', work }
}

/** The descriptor of a MeSH heading (`Neoplasms/*therapy` -> `Neoplasms`): `*` marks a major topic, `/` a qualifier. */
const meshDescriptor = (heading: string): string => heading.replace(/\/.*$/, '').replace(/\*/g, '')

interface AuthorDraft {
  name: string
  orcid: string | null
  affiliations: Affiliation[]
}

/** Authors in tag order: `FAU` opens an author (`AU` too when the current one already has its `AU`). */
function decodeAuthors(tags: readonly (readonly [string, string])[]): Authorship[] {
  const drafts: AuthorDraft[] = []
  let current: AuthorDraft | null = null
  let hasShort = false
  for (const [tag, value] of tags) {
    if (tag === 'FAU' || tag === 'CN' || (tag === 'AU' && (current === null || hasShort))) {
      current = { name: value, orcid: null, affiliations: [] }
      drafts.push(current)
      hasShort = tag === 'AU'
    } else if (tag === 'AU') {
      hasShort = true
    } else if (tag === 'AD' && current) {
      current.affiliations.push({ raw: value, institution: null, country: affiliationCountry(value) })
    } else if (tag === 'AUID' && current && /^ORCID:/i.test(value)) {
      current.orcid = value.replace(/^ORCID:\s*/i, '')
    } else if (tag === 'PMID' || tag === 'TI') {
      current = null
    }
  }
  return drafts.map((d, position) => ({
    position,
    name: d.name,
    orcid: toOrcid(d.orcid),
    isCorresponding: null,
    affiliations: d.affiliations,
  }))
}

function problem(
  file: string,
  line: number,
  field: string | null,
  message: string,
  code: 'BAD_RECORD' | 'BAD_FIELD' = 'BAD_RECORD',
): ReadItem {
  return { kind: 'problem', problem: { code, file, line, field, message } }
}

const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}...` : text)

/** Whether a file's first kilobytes are a MEDLINE export: it opens with a `PMID- ` line. */
export function detectPubmedMedline(head: string): boolean {
  return /^\uFEFF?\s*PMID- ?\d+/.test(head)
}
