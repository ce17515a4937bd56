import { MeridianError } from '@meridian/model'
import {
  columns,
  decodeAt,
  delimitedRows,
  Problems,
  splitList,
  writeDelimited,
  type DelimitedRow,
  type ProgrammeFile,
  type ProgrammeRead,
} from './programme-file.js'
import type { ProgrammeSpec } from './programme-spec.js'

/*
 * The Meridian CSV template (docs/programme-template.md): one file, `,` between cells, one header row. Every row
 * says what it is in `record` and which programme it belongs to in `programme` (the programme's external id);
 * a `programme` row holds the flat fields, and `budget`, `component`, `entity`, `milestone` and `link` rows hold
 * one item each, in file order. A column serves the records it is listed under; a value in a column another
 * record uses is refused rather than dropped.
 */

/** The columns each record uses, besides `record` and `programme`, in the order the writer puts them. */
export const CSV_RECORDS = Object.freeze({
  programme: [
    'source',
    'kind',
    'title',
    'description',
    'themes',
    'instrumentTypes',
    'targetGroups',
    'countries',
    'partnerCountries',
    'startDate',
    'endDate',
    'status',
    'currency',
    'organisationId',
    'synthetic',
  ],
  budget: ['year', 'planned', 'actual', 'range'],
  component: ['key', 'kind', 'title', 'description', 'countries', 'startDate', 'endDate'],
  entity: ['key', 'name', 'rorId', 'country', 'role', 'component'],
  milestone: ['title', 'dueDate', 'responsible', 'status', 'evidence', 'component'],
  link: ['method', 'funder', 'awardIds', 'institutions', 'fromYear', 'toYear', 'dois', 'note'],
} as const)
type CsvRecord = keyof typeof CSV_RECORDS

/** Every column of the template, in the order `writeMeridianCsv` writes them. */
export const CSV_COLUMNS: readonly string[] = Object.freeze([
  'record',
  'programme',
  ...new Set(Object.values(CSV_RECORDS).flat()),
])
/** The programme's parts each record (other than `programme`) adds to, as the spec names them. */
const PART = {
  budget: 'budget',
  component: 'components',
  entity: 'entities',
  milestone: 'milestones',
  link: 'outputLinks',
} as const
const LISTS = new Set(['themes', 'instrumentTypes', 'targetGroups', 'countries', 'partnerCountries'])
const LINK_LISTS = new Set(['awardIds', 'institutions'])
const EVIDENCE = /^(link|file|note):\s*(.*)$/s

/*
 * A spreadsheet runs a cell starting with = + - @ as a formula: the writer puts a ' before such a cell (and before
 * one already starting with ' and one of them), the reader takes one off, so text stays text and round-trips.
 */
const FORMULA = /^'*[=+\-@]/
const guard = (text: string) => (FORMULA.test(text) ? `'${text}` : text)
const unguard = (text: string | null) => (text !== null && /^'+[=+\-@]/.test(text) ? text.slice(1) : text)

/** Whether a text's first line is the template's header (comma-separated, with `record` and `programme`). */
export function isMeridianCsv(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? ''
  const names = first.split(',').map((name) => name.trim().replace(/^"(.*)"$/, '$1'))
  return names.includes('record') && names.includes('programme')
}

/** A DOI list cell: DOIs separated by spaces, line breaks or `; ` (a DOI may itself hold `;`). */
const splitDois = (value: string | null) => splitList(value?.replace(/;(\s|$)/g, ' ') ?? null, /\s+/)

/** One row's values as `decodeProgramme` takes them; unusable cells become problems. */
function item(
  record: CsvRecord,
  row: DelimitedRow,
  get: (name: string) => string | null,
  problems: Problems,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const name of CSV_RECORDS[record] as readonly string[]) {
    const value = get(name)
    if (value === null) continue
    if (LISTS.has(name) || (record === 'link' && LINK_LISTS.has(name))) out[name] = splitList(value)
    else if (name === 'dois') out[name] = splitDois(value)
    else if (name === 'organisationId') out[name] = /^\d+$/.test(value) ? Number(value) : value
    else if (name === 'synthetic') {
      if (value !== 'true' && value !== 'false')
        problems.add(row.line, name, `"${value.slice(0, 20)}" is not true or false`)
      out[name] = value === 'true'
    } else if (name === 'evidence')
      out[name] = splitList(value, /\r?\n/).map((entry) => {
        const match = EVIDENCE.exec(entry)
        if (!match)
          problems.add(row.line, name, `"${entry.slice(0, 40)}" is not link:, file: or note: and a value`)
        return { kind: match?.[1] ?? 'note', value: match?.[2] ?? entry }
      })
    else out[name] = value
  }
  return out
}

/*
 * Each cell is checked on its own, beside these values of its record (which pass every check that ties fields
 * together), so every bad or missing cell is reported: decoding a whole programme stops at its first bad value.
 */
const SEED: Readonly<Record<CsvRecord, Readonly<Record<string, unknown>>>> = {
  programme: { title: 'x' },
  budget: { year: 2000 },
  component: { kind: 'project', title: 'x' },
  entity: { name: 'x', role: 'partner' },
  milestone: { title: 'x', dueDate: '2000-01-01' },
  link: {
    method: 'doi-list',
    funder: 'x',
    institutions: ['https://ror.org/000000000'],
    fromYear: 1900,
    dois: ['10.5555/x'],
  },
}
/** The column a whole-programme problem is put in (a repeated component key). */
const WHOLE = { externalId: 'programme', components: 'key' }
/** Cells naming another row (a component's or an entity's key), checked when the whole programme is decoded. */
const CROSS = new Set(['component', 'responsible'])

function checkCells(
  record: CsvRecord,
  values: Readonly<Record<string, unknown>>,
  line: number,
  problems: Problems,
): void {
  // The seed's own fields are the record's required ones (of a link, only its method): checked when empty too.
  const required = record === 'link' ? ['method'] : Object.keys(SEED[record])
  for (const name of new Set([...required, ...Object.keys(values)])) {
    if (CROSS.has(name)) continue
    const one = { ...SEED[record], [name]: values[name] }
    const input = record === 'programme' ? one : { title: 'x', currency: 'EUR', [PART[record]]: [one] }
    decodeAt(input, { line, columns: {} }, problems)
  }
}

/**
 * Read a Meridian CSV programme file: one programme per `programme` row with the budget years, components,
 * entities, milestones and output links of the rows keyed by its external id, or the located problems (file,
 * line, column) that refuse the whole import.
 */
export async function readMeridianCsv(input: ProgrammeFile): Promise<ProgrammeRead> {
  const problems = new Problems(input.file)
  const [header, ...rows] = await delimitedRows(input, ',', problems)
  if (!header) return { programmes: [], lines: [], problems: problems.list }
  const cells = columns(header.cells)
  const col = { has: cells.has, get: (row: DelimitedRow, name: string) => unguard(cells.get(row, name)) }
  for (const name of header.cells.map((c) => c.trim()))
    if (!CSV_COLUMNS.includes(name))
      problems.add(header.line, name, `"${name.slice(0, 40)}" is not a column of the template`, 'BAD_RECORD')
  for (const name of ['record', 'programme'])
    if (!col.has(name)) problems.add(header.line, name, `the header has no ${name} column`, 'BAD_RECORD')
  if (problems.list.length > 0) return { programmes: [], lines: [], problems: problems.list }

  const groups = new Map<
    string,
    { head: DelimitedRow | null; parts: { record: CsvRecord; row: DelimitedRow }[] }
  >()
  for (const row of rows) {
    if (row.cells.length > header.cells.length) {
      problems.add(
        row.line,
        null,
        `row has ${row.cells.length} cells where the header has ${header.cells.length}`,
        'BAD_RECORD',
      )
      continue
    }
    const record = col.get(row, 'record')
    const key = col.get(row, 'programme')
    if (record === null || !Object.hasOwn(CSV_RECORDS, record)) {
      problems.add(
        row.line,
        'record',
        `"${record ?? ''}" is not one of ${Object.keys(CSV_RECORDS).join(', ')}`,
      )
      continue
    }
    if (key === null) {
      problems.add(row.line, 'programme', "every row names its programme's external id")
      continue
    }
    const uses = new Set<string>(CSV_RECORDS[record as CsvRecord])
    for (const name of CSV_COLUMNS.slice(2))
      if (!uses.has(name) && col.get(row, name) !== null)
        problems.add(row.line, name, `a ${record} row has no ${name} (the column serves other records)`)
    const group = groups.get(key) ?? { head: null, parts: [] }
    groups.set(key, group)
    if (record !== 'programme') group.parts.push({ record: record as CsvRecord, row })
    else if (group.head)
      problems.add(row.line, 'programme', `"${key}" already has its programme row on line ${group.head.line}`)
    else group.head = row
  }

  const programmes: ProgrammeSpec[] = []
  const lines: number[] = []
  for (const [key, { head, parts }] of groups) {
    if (!head) {
      problems.add(parts[0]!.row.line, 'programme', `no programme row has the external id "${key}"`)
      continue
    }
    const before = problems.list.length
    const get = (row: DelimitedRow) => (name: string) => col.get(row, name)
    const headValues = item('programme', head, get(head), problems)
    checkCells('programme', headValues, head.line, problems)
    const value: Record<string, unknown> = { ...headValues, externalId: key }
    const lineOf: Partial<Record<string, number[]>> = {}
    const years = new Map<string, number>()
    for (const { record, row } of parts) {
      const part = PART[record as Exclude<CsvRecord, 'programme'>]
      const values = item(record, row, get(row), problems)
      checkCells(record, values, row.line, problems)
      const year = record === 'budget' ? String(values.year) : null
      if (year !== null && years.has(year))
        problems.add(row.line, 'year', `${year} has its budget row on line ${years.get(year)}`)
      if (year !== null && !years.has(year)) years.set(year, row.line)
      value[part] = [...((value[part] as unknown[] | undefined) ?? []), values]
      lineOf[part] = [...(lineOf[part] ?? []), row.line]
    }
    // The whole programme is decoded (keys, dates in order, ...) once its every cell is good.
    if (problems.list.length > before) continue
    const spec = decodeAt(value, { line: head.line, parts: lineOf, columns: WHOLE }, problems)
    if (spec) programmes.push(spec)
    if (spec) lines.push(head.line)
  }
  return { programmes, lines, problems: problems.list }
}

/**
 * Write programmes as the Meridian CSV template `readMeridianCsv` reads back: a `programme` row each, then its
 * budget, component, entity, milestone and link rows. A programme without an external id is keyed
 * `meridian-<n>`; two programmes with one external id (from two sources) cannot share a file: `CONFLICT`.
 */
export function writeMeridianCsv(programmes: readonly ProgrammeSpec[]): string {
  const rows: string[][] = [[...CSV_COLUMNS]]
  const seen = new Set<string>()
  const cell = (value: unknown, name: string): string =>
    value === null || value === undefined
      ? ''
      : name === 'evidence'
        ? (value as { kind: string; value: string }[]).map((e) => `${e.kind}: ${e.value}`).join('\n')
        : Array.isArray(value)
          ? value.join(name === 'dois' ? ' ' : '; ')
          : String(value)
  const add = (record: CsvRecord, key: string, values: object) => {
    const row = CSV_COLUMNS.map(() => '')
    row[0] = record
    row[1] = guard(key)
    for (const name of CSV_RECORDS[record])
      row[CSV_COLUMNS.indexOf(name)] = guard(cell((values as Record<string, unknown>)[name], name))
    rows.push(row)
  }
  programmes.forEach((p, n) => {
    const key = p.externalId ?? `meridian-${n + 1}`
    if (seen.has(key))
      throw new MeridianError(
        'CONFLICT',
        `two programmes have the external id "${key}"; the CSV template keys programmes by it (export --format meridian instead)`,
      )
    seen.add(key)
    add('programme', key, p)
    for (const b of p.budget) add('budget', key, b)
    for (const c of p.components) add('component', key, c)
    for (const e of p.entities) add('entity', key, e)
    for (const m of p.milestones) add('milestone', key, m)
    for (const l of p.outputLinks) add('link', key, l)
  })
  return writeDelimited(rows, ',')
}
