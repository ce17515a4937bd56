import {
  NO_IDS,
  toCountryCode,
  toDoi,
  toOpenAlexId,
  toOrcid,
  toPmid,
  type Affiliation,
  type Authorship,
  type ReadItem,
  type ReadOptions,
  type Work,
} from '@meridian/model'
import { abstractText, quoteText, terms, yearAndCount } from '../values/index.js'
import { readCsvTable, type CsvRecord } from '../csv/index.js'

/** A `|`-joined per-author cell, as many entries as authors (empty ones kept). */
const perAuthor = (value: string | null): string[] => (value === null ? [] : value.split('|'))

/**
 * Authors from the per-author columns. `authorships.countries` has one entry per author (`IT|IT||IT`,
 * an author's several countries joined by `,`); `authorships.institutions.*` list institutions of all
 * authors flattened, so they are linked only when there is one per author. `is_corresponding` all `False`
 * means OpenAlex does not know: `null`.
 */
function decodeAuthors(record: CsvRecord): Authorship[] {
  const names = perAuthor(record.get('authorships.author.display_name'))
  const orcids = perAuthor(record.get('authorships.author.orcid'))
  const countries = perAuthor(record.get('authorships.countries'))
  const institutions = perAuthor(record.get('authorships.institutions.display_name'))
  const institutionIds = perAuthor(record.get('authorships.institutions.id'))
  const flags = perAuthor(record.get('authorships.is_corresponding'))
  const known = flags.some((f) => f.trim().toLowerCase() === 'true')
  const aligned = institutions.length === names.length
  return names.map((name, position) => {
    const codes = countries.length === names.length ? (countries[position] ?? '').split(',') : []
    const institutionName = aligned ? (institutions[position]?.trim() ?? '') : ''
    const affiliations: Affiliation[] = codes
      .map((code) => toCountryCode(code))
      .filter((code) => code !== null)
      .map((country) => ({
        raw: null,
        institution:
          institutionName === ''
            ? null
            : {
                ror: null,
                openalex: toOpenAlexId(institutionIds[position]),
                name: institutionName,
                type: null,
                country,
                lat: null,
                lon: null,
              },
        country,
      }))
    return {
      position,
      name: name.trim(),
      orcid: toOrcid(orcids[position]),
      isCorresponding: known ? flags[position]?.trim().toLowerCase() === 'true' : null,
      affiliations,
    }
  })
}

function decode(record: CsvRecord, file: string): ReadItem {
  const bad = (code: 'BAD_FIELD' | 'BAD_RECORD', field: string, message: string): ReadItem => ({
    kind: 'problem',
    problem: { code, file, line: record.line, field, message },
  })
  const idValue = record.get('id')
  const openalex = toOpenAlexId(idValue)
  if (openalex === null)
    return bad('BAD_RECORD', 'id', `${quoteText(idValue ?? '')} is not an OpenAlex work id`)
  const numbers = yearAndCount(
    ['publication_year', record.get('publication_year')],
    ['cited_by_count', record.get('cited_by_count')],
  )
  if ('problem' in numbers) return bad('BAD_FIELD', numbers.field, numbers.problem)
  const { year, citedBy } = numbers
  const topic = record.get('primary_topic.display_name')
  const work: Work = {
    ids: { ...NO_IDS, openalex, doi: toDoi(record.get('doi')), pmid: toPmid(record.get('ids.pmid')) },
    year,
    type: record.get('type'),
    sourceTitle: record.get('primary_location.source.display_name'),
    title: record.get('display_name') ?? record.get('title'),
    abstract: abstractText(record.get('abstract')),
    keywords: terms('topic', [topic]),
    citedBy,
    fields: topic === null ? [] : [topic],
    authorships: decodeAuthors(record),
    correspondingAddress: null,
    bibliometrix: null,
    authorsTruncated: false,
    funding: [],
    synthetic: false,
    provenance: { source: 'openalex', format: 'openalex-csv', file, line: record.line },
  }
  return { kind: 'work', work }
}

/**
 * Read an OpenAlex CSV export (the web app's "Export as CSV": dotted column names such as
 * `authorships.author.display_name`, per-author values joined by `|`). Each author's affiliations are the
 * countries OpenAlex gives for that author, with the institution when the export lists one per author.
 */
export async function* readOpenAlexCsv(
  lines: AsyncIterable<string>,
  options: ReadOptions,
): AsyncIterable<ReadItem> {
  for await (const item of readCsvTable(lines, { file: options.file })) {
    yield item.kind === 'record' ? decode(item, options.file) : item
  }
}

/** Whether a file's first kilobytes are an OpenAlex CSV export: a header with `id` and `authorships.` columns. */
export function detectOpenAlexCsv(head: string): boolean {
  const header = head.slice(0, head.search(/\r|\n/) >>> 0)
  return /^\uFEFF?"?id"?,/.test(header) && header.includes('authorships.author.display_name')
}
