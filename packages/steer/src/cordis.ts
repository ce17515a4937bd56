import { toCountryCode } from '@meridian/model'
import {
  checkWidth,
  columns,
  decodeAt,
  delimitedRows,
  Problems,
  splitList,
  type DelimitedRow,
  type ProgrammeFile,
  type ProgrammeRead,
} from './programme-file.js'
import type { ProgrammeSpec } from './programme-spec.js'

/*
 * CORDIS project data (cordis-HORIZONprojects-csv.zip and the -json variant): project.csv
 * (id;acronym;status;title;startDate;endDate;totalCost;ecMaxContribution;legalBasis;topics;frameworkProgramme;
 * masterCall;subCall;fundingScheme;nature;objective;contentUpdateDate;rcn;grantDoi) and organization.csv
 * (projectID;projectAcronym;organisationID;vatNumber;name;shortName;SME;activityType;street;postCode;city;country;
 * nutsCode;geolocation;organizationURL;contactForm;contentUpdateDate;rcn;order;role;ecContribution;
 * netEcContribution;totalCost;endOfParticipation;active), `;` between cells, amounts with a decimal comma
 * ("3499076,25"), statuses SIGNED, CLOSED, TERMINATED; the JSON files are lists of objects with the same keys.
 * Mapping (ours): one programme per project (kind `programme`, source `cordis`, the project id as external id,
 * "ACRONYM: title"), the objective as description, topics as themes, the funding scheme as instrument type,
 * the coordinator's country as the country and the other participants' as partner countries, the EC maximum
 * contribution as the planned budget of the start year in EUR, an output link by the European Commission's
 * funder id and the project id as award; organisations as entities: coordinator -> lead, every other role
 * (participant, partner, thirdParty, associatedPartner) -> partner. Organisations of projects not in the
 * project file are left out.
 */

/** The European Commission's Crossref funder id. */
export const EC_FUNDER = '10.13039/501100000780'
/** CORDIS project statuses and the programme status each becomes. */
export const CORDIS_STATUS: Readonly<Record<string, string>> = {
  SIGNED: 'active',
  CLOSED: 'completed',
  TERMINATED: 'cancelled',
}
const ROLES = new Set(['coordinator', 'participant', 'partner', 'thirdParty', 'associatedPartner'])
const COLUMNS = {
  externalId: 'id',
  title: 'title',
  description: 'objective',
  startDate: 'startDate',
  endDate: 'endDate',
  status: 'status',
  budget: 'ecMaxContribution',
  themes: 'topics',
  instrumentTypes: 'fundingScheme',
  entities: 'name',
  'entities.name': 'name',
  'entities.country': 'country',
  'entities.role': 'role',
} as const

/** A record of either file: its place (a CSV line, or the position of a JSON object) and its values. */
interface Row {
  readonly line: number
  get(name: string): string | null
}

async function records(input: ProgrammeFile, problems: Problems): Promise<Row[]> {
  const text = input.text.replace(/^\uFEFF/, '').trim()
  if (text.startsWith('[')) {
    let list: unknown
    try {
      list = JSON.parse(text)
    } catch (cause) {
      problems.add(1, null, `not JSON: ${(cause as Error).message}`, 'BAD_RECORD')
      return []
    }
    if (!Array.isArray(list)) return []
    return list.map((value, i) => ({
      line: i + 1,
      get(name: string) {
        const v = (value as Record<string, unknown> | null)?.[name]
        return v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim()
      },
    }))
  }
  const [header, ...rows] = await delimitedRows(input, ';', problems)
  if (!header) return []
  const col = columns(header.cells)
  return rows
    .filter((row: DelimitedRow) => checkWidth(row, header.cells.length, problems))
    .map((row) => ({ line: row.line, get: (name: string) => col.get(row, name) }))
}

function amount(row: Row, name: string, problems: Problems): number | null {
  const value = row.get(name)
  if (value === null) return null
  const n = Number(/^-?\d+,\d+$/.test(value) ? value.replace(',', '.') : value)
  if (Number.isFinite(n) && n >= 0) return n
  problems.add(row.line, name, `"${value.slice(0, 30)}" is not an amount`)
  return null
}

/**
 * Read CORDIS projects (CSV with `;` or JSON) and, when given, their organisations: one programme per project,
 * or the located problems (file, line or object position, column) that refuse the whole import.
 */
export async function readCordis(
  projects: ProgrammeFile,
  organisations?: ProgrammeFile,
): Promise<ProgrammeRead> {
  const problems = new Problems(projects.file)
  const orgProblems = new Problems(organisations?.file ?? '')
  const rows = await records(projects, problems)
  const orgs = organisations ? await records(organisations, orgProblems) : []
  const byProject = new Map<string, { row: Row; role: string; country: string | null }[]>()
  for (const row of orgs) {
    const project = row.get('projectID')
    const role = row.get('role')
    if (project === null) orgProblems.add(row.line, 'projectID', 'every organisation names its project')
    if (role === null || !ROLES.has(role))
      orgProblems.add(row.line, 'role', `"${role ?? ''}" is not one of ${[...ROLES].join(', ')}`)
    const raw = row.get('country')
    const country = raw === null ? null : toCountryCode(raw)
    if (raw !== null && country === null)
      orgProblems.add(row.line, 'country', `"${raw.slice(0, 20)}" is not an ISO 3166-1 country code`)
    if (project !== null && role !== null)
      byProject.set(project, [...(byProject.get(project) ?? []), { row, role, country }])
  }
  const programmes: ProgrammeSpec[] = []
  const lines: number[] = []
  for (const row of rows) {
    const id = row.get('id')
    if (id === null) {
      problems.add(row.line, 'id', 'every project has an id')
      continue
    }
    const status = row.get('status')
    if (status !== null && !CORDIS_STATUS[status])
      problems.add(row.line, 'status', `"${status}" is not one of ${Object.keys(CORDIS_STATUS).join(', ')}`)
    const members = [...(byProject.get(id) ?? [])].sort(
      (a, b) => Number(a.row.get('order') ?? 0) - Number(b.row.get('order') ?? 0),
    )
    const lead = members.find((m) => m.role === 'coordinator')?.country ?? null
    const planned = amount(row, 'ecMaxContribution', problems)
    const start = row.get('startDate')
    const acronym = row.get('acronym')
    const title = row.get('title')
    const spec = decodeAt(
      {
        source: 'cordis',
        externalId: id,
        kind: 'programme',
        title: acronym && title ? `${acronym}: ${title}` : (title ?? acronym),
        description: row.get('objective'),
        themes: splitList(row.get('topics'), /[;,]/),
        instrumentTypes: splitList(row.get('fundingScheme'), /[;,]/),
        countries: lead ? [lead] : [],
        partnerCountries: [
          ...new Set(members.flatMap((m) => (m.country && m.country !== lead ? [m.country] : []))),
        ],
        startDate: start,
        endDate: row.get('endDate'),
        status: status === null ? 'active' : (CORDIS_STATUS[status] ?? 'active'),
        currency: planned !== null && start !== null ? 'EUR' : null,
        budget:
          planned !== null && start !== null && /^\d{4}/.test(start)
            ? [{ year: Number(start.slice(0, 4)), planned, actual: null }]
            : [],
        entities: members.map((m) => ({
          name: m.row.get('name'),
          country: m.country,
          role: m.role === 'coordinator' ? 'lead' : 'partner',
        })),
        outputLinks: [
          {
            method: 'funder-award',
            funder: EC_FUNDER,
            awardIds: [id],
            note: `CORDIS ${row.get('frameworkProgramme') ?? ''}`.trim(),
          },
        ],
      },
      {
        line: row.line,
        parts: { entities: members.map((m) => m.row.line) },
        columns: COLUMNS,
      },
      // An organisation's refused value is reported against the organisation file.
      problems,
    )
    if (spec) {
      programmes.push(spec)
      lines.push(row.line)
    }
  }
  return { programmes, lines, problems: [...problems.list, ...orgProblems.list] }
}
