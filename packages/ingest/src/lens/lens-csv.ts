import { NO_IDS, toDoi, toPmid, type ReadItem, type ReadOptions, type Work } from '@meridian/model'
import { markupAbstract, splitTerms, terms, yearAndCount } from '../values/index.js'
import { readCsvTable, type CsvRecord } from '../csv/index.js'

const splitList = (value: string | null): string[] =>
  (value ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)

function decode(record: CsvRecord, file: string): ReadItem {
  const bad = (field: string, message: string): ReadItem => ({
    kind: 'problem',
    problem: { code: 'BAD_FIELD', file, line: record.line, field, message },
  })
  const numbers = yearAndCount(
    ['Publication Year', record.get('Publication Year')],
    ['Citing Works Count', record.get('Citing Works Count')],
  )
  if ('problem' in numbers) return bad(numbers.field, numbers.problem)
  const { year, citedBy } = numbers
  const work: Work = {
    ids: { ...NO_IDS, doi: toDoi(record.get('DOI')), pmid: toPmid(record.get('PMID')) },
    year,
    type: record.get('Publication Type')?.toLowerCase() ?? null,
    sourceTitle: record.get('Source Title'),
    title: record.get('Title'),
    abstract: markupAbstract(record.get('Abstract')),
    keywords: [
      ...terms('author', splitTerms(record.get('Keywords'))),
      ...terms('index', splitTerms(record.get('MeSH Terms'))),
    ],
    citedBy,
    fields: splitList(record.get('Fields of Study')),
    // Lens scholarly exports name authors but give no affiliations: these works have no country.
    authorships: splitList(record.get('Author/s')).map((name, position) => ({
      position,
      name,
      orcid: null,
      isCorresponding: null,
      affiliations: [],
    })),
    correspondingAddress: null,
    bibliometrix: null,
    authorsTruncated: false,
    funding: [],
    synthetic: false,
    provenance: { source: 'lens', format: 'lens-csv', file, line: record.line },
  }
  return { kind: 'work', work }
}

/**
 * Read a Lens.org scholarly works CSV export (`"Lens ID","Title",...,"Author/s",...`). The export has no
 * affiliations, so every work comes with authors but no affiliation and no country: callers should
 * report such works as lacking affiliations rather than as works with no country found.
 */
export async function* readLensCsv(
  lines: AsyncIterable<string>,
  options: ReadOptions,
): AsyncIterable<ReadItem> {
  for await (const item of readCsvTable(lines, { file: options.file })) {
    yield item.kind === 'record' ? decode(item, options.file) : item
  }
}

/** Whether a file's first kilobytes are a Lens scholarly CSV export: a header opening with `Lens ID`. */
export function detectLensCsv(head: string): boolean {
  return /^\uFEFF?"?Lens ID"?,"?Title"?/.test(head) && /Author\/s/.test(head.slice(0, 4096))
}
