import { alpha3CountryCode, countryAlpha3, countryName, toCountryCode } from '@meridian/model'
import {
  checkWidth,
  columns,
  decodeAt,
  delimitedRows,
  Problems,
  writeDelimited,
  type DelimitedRow,
  type ProgrammeFile,
  type ProgrammeRead,
} from './programme-file.js'
import type { ProgrammeSpec } from './programme-spec.js'

/*
 * The EC-OECD STIP Compass data download (STIP_Survey.csv): UTF-8 (with a BOM), `|` between cells, a first
 * header row of variable names and a second of short descriptions, then one row per initiative x instrument.
 * Verified from the OECD's published notes and analysis code: InitiativeID (a URL such as
 * http://stip.oecd.org/2023/data/policyInitiatives/1400), InstrumentID, InstrumentTypeLabel, SurveyYear,
 * NameEnglish, ShortDescription, CountryLabel (spelt CoutryLabel in the 2020 file), CountryCode (ISO alpha-3),
 * NameResponsibleOrganisation, YearlyBudgetRange (EUR: "Less than 1M", "1M-5M", ... "More than 500M",
 * "Not applicable", "Don't know"), HasBeenEvaluated, theme columns TH<n> and target-group columns TG<n> holding 1
 * when they apply (their names in the second header row). Not verified: NameOriginal, StartDateYear,
 * EndDateYear (read when present), and the codes the file gives the European Union and sub-national
 * governments (a code that is not ISO is reported; "EU..." codes give no country).
 */

const ID = 'InitiativeID'
/** The spec field each STIP column fills, for located errors. */
const COLUMNS = {
  externalId: ID,
  title: 'NameEnglish',
  description: 'ShortDescription',
  countries: 'CountryCode',
  startDate: 'StartDateYear',
  endDate: 'EndDateYear',
  instrumentTypes: 'InstrumentTypeLabel',
  entities: 'NameResponsibleOrganisation',
  budget: 'YearlyBudgetRange',
} as const
/** Ranges that say nothing about the budget. */
const NO_RANGE = new Set(['not applicable', "don't know", 'dont know'])

/** The columns that describe the initiative, not one of its instruments: every row of it repeats them. */
const INITIATIVE_COLUMNS = [
  'SurveyYear',
  'NameEnglish',
  'NameOriginal',
  'ShortDescription',
  'CountryLabel',
  'CountryCode',
  'StartDateYear',
  'EndDateYear',
  'YearlyBudgetRange',
  'HasBeenEvaluated',
] as const

const yearOf = (value: string | null): number | null => {
  const n = Number(value)
  return value !== null && Number.isInteger(n) && n >= 1900 && n <= 2100 ? n : null
}

function countryOf(value: string | null): string | null {
  if (value === null || /^EU/i.test(value)) return null
  // Sub-national entities (Belgium's regions) may carry a suffix after the country's code.
  return alpha3CountryCode(value) ?? alpha3CountryCode(value.slice(0, 3)) ?? toCountryCode(value)
}

const notYear = (value: string) => (yearOf(value) === null ? `"${value.slice(0, 40)}" is not a year` : null)
/** What is wrong with a cell of an initiative column, if anything. */
const CHECKS: Partial<Record<(typeof INITIATIVE_COLUMNS)[number], (value: string) => string | null>> = {
  SurveyYear: notYear,
  StartDateYear: notYear,
  EndDateYear: notYear,
  CountryCode: (value) =>
    /^EU/i.test(value) || countryOf(value) !== null
      ? null
      : `"${value.slice(0, 40)}" is not an ISO 3166-1 country code`,
}
const shown = (value: string | null) => (value === null ? 'nothing' : `"${value.slice(0, 40)}"`)

/**
 * Check every row of an initiative, not only its first: each initiative cell must be well formed and the
 * same as on the first row, else a problem at that row and column.
 */
function checkRows(
  id: string,
  group: readonly DelimitedRow[],
  col: ReturnType<typeof columns>,
  problems: Problems,
): void {
  const first = group[0]!
  for (const row of group)
    for (const name of INITIATIVE_COLUMNS) {
      const value = col.get(row, name)
      const malformed = value === null ? null : (CHECKS[name]?.(value) ?? null)
      if (malformed !== null) problems.add(row.line, name, malformed)
      else if (row !== first && value !== col.get(first, name))
        problems.add(
          row.line,
          name,
          `initiative ${id} has ${shown(value)} here but ${shown(col.get(first, name))} on line ${first.line}`,
        )
    }
}

/**
 * Read a STIP Compass export: one programme (kind `initiative`, source `stip`, the InitiativeID as external
 * id) per initiative however many instrument rows it has, with the union of their instruments, themes and
 * target groups. The yearly budget range is kept as text on a budget year (the survey year, else the start
 * year) with no amounts, in EUR. Every row is checked: a malformed cell, or an initiative cell (years, country,
 * names, budget range, HasBeenEvaluated) that differs from the initiative's first row, is a located problem
 * (line counting both header rows). HasBeenEvaluated is compared but not kept: the registry has no field for it.
 */
export async function readStip(input: ProgrammeFile): Promise<ProgrammeRead> {
  const problems = new Problems(input.file)
  const rows = await delimitedRows(input, '|', problems)
  const [header, second, ...rest] = rows
  if (!header) return { programmes: [], lines: [], problems: problems.list }
  const col = columns(header.cells)
  const missing = [ID, 'NameEnglish', 'CountryCode'].filter((name) => !col.has(name))
  for (const name of missing)
    problems.add(header.line, name, `the header has no ${name} column`, 'BAD_RECORD')
  if (missing.length > 0) return { programmes: [], lines: [], problems: problems.list }
  // The second header row names the themes and target groups; a file saved without it starts with data.
  const labelled = second !== undefined && !/^(https?:\/\/|\d+$)/.test(col.get(second, ID) ?? '')
  const data = labelled ? rest : second ? [second, ...rest] : []
  const label = (name: string, i: number) => (labelled && second?.cells[i]?.trim()) || name
  const flags = header.cells.flatMap((name, i) => {
    const kind = /^TH\d+$/.test(name.trim()) ? 'themes' : /^TG\d+$/.test(name.trim()) ? 'targetGroups' : null
    return kind ? [{ name: name.trim(), kind, label: label(name.trim(), i) }] : []
  })
  const groups = new Map<string, DelimitedRow[]>()
  for (const row of data) {
    if (!checkWidth(row, header.cells.length, problems)) continue
    const id = col.get(row, ID)
    if (id === null) {
      problems.add(row.line, ID, 'every row names its initiative')
      continue
    }
    groups.set(id, [...(groups.get(id) ?? []), row])
  }
  const programmes: ProgrammeSpec[] = []
  const lines: number[] = []
  for (const [id, group] of groups) {
    const spec = initiative(id, group, col, flags, problems)
    if (spec) programmes.push(spec)
    if (spec) lines.push(group[0]!.line)
  }
  return { programmes, lines, problems: problems.list }
}

function initiative(
  id: string,
  group: readonly DelimitedRow[],
  col: ReturnType<typeof columns>,
  flags: readonly { name: string; kind: string; label: string }[],
  problems: Problems,
): ProgrammeSpec | null {
  const first = group[0]!
  checkRows(id, group, col, problems)
  const title = col.get(first, 'NameEnglish') ?? col.get(first, 'NameOriginal')
  const union = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))]
  const themes: string[] = []
  const targetGroups: string[] = []
  for (const flag of flags)
    for (const row of group) {
      const value = col.get(row, flag.name)
      if (value !== null && value !== '0' && value !== '1')
        problems.add(row.line, flag.name, `"${value.slice(0, 20)}" is not 0 or 1`)
      if (value === '1') (flag.kind === 'themes' ? themes : targetGroups).push(flag.label)
    }
  const code = countryOf(col.get(first, 'CountryCode'))
  const start = yearOf(col.get(first, 'StartDateYear'))
  const end = yearOf(col.get(first, 'EndDateYear'))
  const survey = yearOf(col.get(first, 'SurveyYear'))
  const range = col.get(first, 'YearlyBudgetRange')
  const budgetYear = survey ?? start
  const budget =
    range !== null && !NO_RANGE.has(range.toLowerCase()) && budgetYear !== null
      ? [{ year: budgetYear, planned: null, actual: null, range }]
      : []
  const organisations = union(group.map((row) => col.get(row, 'NameResponsibleOrganisation')))
  return decodeAt(
    {
      source: 'stip',
      externalId: id,
      kind: 'initiative',
      title,
      description: col.get(first, 'ShortDescription'),
      themes: union(themes),
      instrumentTypes: union(group.map((row) => col.get(row, 'InstrumentTypeLabel'))),
      targetGroups: union(targetGroups),
      countries: code ? [code] : [],
      startDate: start === null ? null : `${start}-01-01`,
      endDate: end === null ? null : `${end}-12-31`,
      currency: budget.length > 0 ? 'EUR' : null,
      budget,
      entities: organisations.map((name) => ({ name, role: 'lead', country: code })),
    },
    { line: first.line, columns: COLUMNS },
    problems,
  )
}

/**
 * Write programmes in the STIP Compass layout `readStip` reads: both header rows, one row per programme x
 * instrument type (one row when it has none), themes and target groups as TH<n>/TG<n> flags named in the second
 * header row, the first country only (STIP gives an initiative one country).
 */
export function writeStip(programmes: readonly ProgrammeSpec[]): string {
  const themes = [...new Set(programmes.flatMap((p) => p.themes))]
  const groups = [...new Set(programmes.flatMap((p) => p.targetGroups))]
  const fixed = [
    [ID, 'Initiative identifier'],
    ['SurveyYear', 'Survey year'],
    ['NameEnglish', 'Name of the initiative in English'],
    ['ShortDescription', 'Short description'],
    ['CountryLabel', 'Country'],
    ['CountryCode', 'Country code (ISO 3166-1 alpha-3)'],
    ['StartDateYear', 'Start year'],
    ['EndDateYear', 'End year'],
    ['YearlyBudgetRange', 'Yearly budget range (EUR)'],
    ['NameResponsibleOrganisation', 'Responsible organisation'],
    ['InstrumentTypeLabel', 'Policy instrument type'],
  ]
  const rows: string[][] = [
    [
      ...fixed.map(([name]) => name!),
      ...themes.map((_, i) => `TH${i + 1}`),
      ...groups.map((_, i) => `TG${i + 1}`),
    ],
    [...fixed.map(([, text]) => text!), ...themes, ...groups],
  ]
  programmes.forEach((p, n) => {
    const code = p.countries[0] ?? null
    const ranged = p.budget.find((b) => b.range)
    const lead = p.entities.find((e) => e.role === 'lead') ?? p.entities[0]
    const cells = [
      p.externalId ?? `meridian-${n + 1}`,
      ranged ? String(ranged.year) : '',
      p.title,
      p.description ?? '',
      code ? countryName(code) : '',
      code ? (countryAlpha3(code) ?? '') : '',
      p.startDate?.slice(0, 4) ?? '',
      p.endDate?.slice(0, 4) ?? '',
      ranged?.range ?? '',
      lead?.name ?? '',
    ]
    const flagged = [
      ...themes.map((t) => (p.themes.includes(t) ? '1' : '0')),
      ...groups.map((g) => (p.targetGroups.includes(g) ? '1' : '0')),
    ]
    for (const instrument of p.instrumentTypes.length > 0 ? p.instrumentTypes : [''])
      rows.push([...cells, instrument, ...flagged])
  })
  return '\uFEFF' + writeDelimited(rows, '|')
}
