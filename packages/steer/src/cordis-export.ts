import { CORDIS_STATUS, EC_FUNDER } from './cordis.js'
import { writeDelimited } from './programme-file.js'
import type { ProgrammeSpec } from './programme-spec.js'

/* The published CORDIS columns (see cordis.ts), in their order; the ones Meridian has nothing for stay empty. */
const PROJECT_COLUMNS = [
  'id',
  'acronym',
  'status',
  'title',
  'startDate',
  'endDate',
  'totalCost',
  'ecMaxContribution',
  'legalBasis',
  'topics',
  'frameworkProgramme',
  'masterCall',
  'subCall',
  'fundingScheme',
  'nature',
  'objective',
  'contentUpdateDate',
  'rcn',
  'grantDoi',
] as const
const ORGANISATION_COLUMNS = [
  'projectID',
  'projectAcronym',
  'organisationID',
  'vatNumber',
  'name',
  'shortName',
  'SME',
  'activityType',
  'street',
  'postCode',
  'city',
  'country',
  'nutsCode',
  'geolocation',
  'organizationURL',
  'contactForm',
  'contentUpdateDate',
  'rcn',
  'order',
  'role',
  'ecContribution',
  'netEcContribution',
  'totalCost',
  'endOfParticipation',
  'active',
] as const

/** What a CORDIS export cannot hold, each counted: whole programmes left out, and parts of the written ones. */
export const CORDIS_LOSSES = Object.freeze({
  initiatives: 'initiatives left out (CORDIS holds funded projects)',
  components: 'components',
  milestones: 'milestones',
  targetGroups: 'target groups',
  listItems: 'themes or instrument types holding "," or ";"',
  countries: "programmes whose countries are not their entities' (the coordinator's, the others')",
  budget: 'programmes whose budget is not one planned EUR amount for the start year',
  status: 'programmes planned or suspended (CORDIS has no such status)',
  roles: 'entities neither the lead nor a partner (written as participants)',
  rorIds: 'ROR ids',
  outputLinks: "output links other than the Commission's funder with the project id as award",
  synthetic: 'synthetic flags',
})
export type CordisLoss = keyof typeof CORDIS_LOSSES

/** The CORDIS files of an export, and what they could not hold. */
export interface CordisExport {
  /** project.csv and organization.csv, `;` between cells. */
  readonly project: string
  readonly organization: string
  readonly projects: number
  readonly organisations: number
  /** Counts of what is not in the files (only kinds that occurred, in the order of `CORDIS_LOSSES`). */
  readonly notExpressed: Readonly<Partial<Record<CordisLoss, number>>>
}

const STATUS = Object.fromEntries(Object.entries(CORDIS_STATUS).map(([cordis, ours]) => [ours, cordis]))
/** CORDIS spells Greece and the United Kingdom as the EU does. */
const CORDIS_COUNTRY: Readonly<Record<string, string>> = { GR: 'EL', GB: 'UK' }
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v) => b.includes(v))

/**
 * Write programmes as CORDIS project.csv and organization.csv (`readCordis` reads them back): a project per
 * programme of kind `programme` ("ACRONYM: title" split back), its entities as organisations (the first lead
 * the coordinator), the EC contribution as the total planned budget in EUR. What CORDIS cannot hold is counted
 * in `notExpressed`, never dropped unsaid.
 */
export function writeCordis(programmes: readonly ProgrammeSpec[]): CordisExport {
  const lost: Partial<Record<CordisLoss, number>> = {}
  const lose = (kind: CordisLoss, n = 1) => {
    if (n > 0) lost[kind] = (lost[kind] ?? 0) + n
  }
  const projects: string[][] = [[...PROJECT_COLUMNS]]
  const organisations: string[][] = [[...ORGANISATION_COLUMNS]]
  programmes.forEach((p, n) => {
    if (p.kind !== 'programme') return lose('initiatives')
    const id = p.externalId ?? `meridian-${n + 1}`
    const [, acronym = '', title = p.title] = /^([^\s:]{1,40}): (.+)$/s.exec(p.title) ?? []
    const listed = (items: readonly string[]) => {
      const kept = items.filter((v) => !/[,;]/.test(v))
      lose('listItems', items.length - kept.length)
      return kept.join(',')
    }
    const planned = p.budget.reduce((sum, b) => sum + (b.planned ?? 0), 0)
    const euro = p.currency === 'EUR' && p.budget.some((b) => b.planned !== null)
    const [only] = p.budget
    const exactBudget =
      p.budget.length === 0 ||
      (p.budget.length === 1 &&
        p.currency === 'EUR' &&
        only?.planned !== null &&
        only?.actual === null &&
        only.range === undefined &&
        String(only.year) === p.startDate?.slice(0, 4))
    if (!exactBudget) lose('budget')
    if (!STATUS[p.status]) lose('status')
    lose('components', p.components.length)
    lose('milestones', p.milestones.length)
    lose('targetGroups', p.targetGroups.length)
    if (p.synthetic) lose('synthetic')
    const ec = p.outputLinks.filter(
      (l) => l.method === 'funder-award' && l.funder === EC_FUNDER && sameSet(l.awardIds, [id]),
    )
    lose('outputLinks', p.outputLinks.length - Math.min(ec.length, 1))
    const framework = /^CORDIS (\S+)$/.exec(ec[0]?.note ?? '')?.[1] ?? ''
    const byRow = {
      id,
      acronym,
      status: STATUS[p.status] ?? '',
      title,
      startDate: p.startDate ?? '',
      endDate: p.endDate ?? '',
      ecMaxContribution: euro ? String(planned).replace('.', ',') : '',
      topics: listed(p.themes),
      frameworkProgramme: framework,
      fundingScheme: listed(p.instrumentTypes),
      objective: p.description ?? '',
    } as Partial<Record<string, string>>
    projects.push(PROJECT_COLUMNS.map((name) => byRow[name] ?? ''))

    const coordinator = p.entities.findIndex((e) => e.role === 'lead')
    const lead = p.entities[coordinator]?.country ?? null
    const others = [
      ...new Set(p.entities.flatMap((e) => (e.country && e.country !== lead ? [e.country] : []))),
    ]
    if (!sameSet(p.countries, lead ? [lead] : []) || !sameSet(p.partnerCountries, others)) lose('countries')
    p.entities.forEach((e, i) => {
      const role = i === coordinator ? 'coordinator' : e.role === 'partner' ? 'partner' : 'participant'
      if (role === 'participant') lose('roles')
      if (e.rorId !== null) lose('rorIds')
      const cells = {
        projectID: id,
        projectAcronym: acronym,
        name: e.name,
        country: e.country === null ? '' : (CORDIS_COUNTRY[e.country] ?? e.country),
        order: String(i + 1),
        role,
      } as Partial<Record<string, string>>
      organisations.push(ORGANISATION_COLUMNS.map((name) => cells[name] ?? ''))
    })
  })
  return {
    project: writeDelimited(projects, ';'),
    organization: writeDelimited(organisations, ';'),
    projects: projects.length - 1,
    organisations: organisations.length - 1,
    notExpressed: Object.fromEntries(
      (Object.keys(CORDIS_LOSSES) as CordisLoss[]).flatMap((kind) =>
        lost[kind] === undefined ? [] : [[kind, lost[kind]]],
      ),
    ),
  }
}
