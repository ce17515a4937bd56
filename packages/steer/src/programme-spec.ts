import { decode } from '@meridian/model'
import type { BudgetYear, Evidence } from './schema.js'

const {
  country,
  doi,
  invalid,
  isoDate,
  list,
  object,
  oneOf,
  optionalDate,
  optionalNumber,
  optionalText,
  ror,
  text,
  year,
} = decode

export const PROGRAMME_KINDS = Object.freeze(['programme', 'initiative'] as const)
export const PROGRAMME_STATUSES = Object.freeze([
  'planned',
  'active',
  'completed',
  'suspended',
  'cancelled',
] as const)
export const SOURCES = Object.freeze(['meridian', 'stip', 'cordis'] as const)
export const COMPONENT_KINDS = Object.freeze([
  'joint-lab',
  'centre',
  'fund',
  'agreement',
  'call',
  'project',
] as const)
export const ENTITY_ROLES = Object.freeze(['lead', 'co-lead', 'funder', 'implementer', 'partner'] as const)
export const MILESTONE_STATUSES = Object.freeze([
  'planned',
  'in-progress',
  'done',
  'late',
  'dropped',
] as const)
export const LINK_METHODS = Object.freeze(['funder-award', 'institutions-period', 'doi-list'] as const)
export const EVIDENCE_KINDS = Object.freeze(['link', 'file', 'note'] as const)

export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number]

/** A component, as written in a programme file; `key` lets entities and milestones name it. */
export interface ComponentSpec {
  readonly key: string | null
  readonly kind: (typeof COMPONENT_KINDS)[number]
  readonly title: string
  readonly description: string | null
  readonly countries: readonly string[]
  readonly startDate: string | null
  readonly endDate: string | null
}

export interface EntitySpec {
  readonly key: string | null
  readonly name: string
  readonly rorId: string | null
  readonly country: string | null
  readonly role: (typeof ENTITY_ROLES)[number]
  /** The `key` of the component it is responsible for, or `null` for the whole programme. */
  readonly component: string | null
}

export interface MilestoneSpec {
  readonly title: string
  readonly dueDate: string
  /** The `key` (else the name) of the responsible entity. */
  readonly responsible: string | null
  readonly status: MilestoneStatus
  readonly evidence: readonly Evidence[]
  readonly component: string | null
}

/** How a programme's outputs are found: by funder and award ids, by institutions and period, or by DOIs. */
export interface OutputLinkSpec {
  readonly method: (typeof LINK_METHODS)[number]
  readonly funder: string | null
  readonly awardIds: readonly string[]
  readonly institutions: readonly string[]
  readonly fromYear: number | null
  readonly toYear: number | null
  readonly dois: readonly string[]
  readonly note: string | null
}

/** A programme or initiative with everything under it, decoded and checked. */
export interface ProgrammeSpec {
  readonly source: (typeof SOURCES)[number]
  readonly externalId: string | null
  readonly organisationId: number | null
  readonly kind: (typeof PROGRAMME_KINDS)[number]
  readonly title: string
  readonly description: string | null
  readonly themes: readonly string[]
  readonly instrumentTypes: readonly string[]
  readonly targetGroups: readonly string[]
  readonly countries: readonly string[]
  readonly partnerCountries: readonly string[]
  readonly startDate: string | null
  readonly endDate: string | null
  readonly status: (typeof PROGRAMME_STATUSES)[number]
  readonly currency: string | null
  readonly budget: readonly BudgetYear[]
  readonly synthetic: boolean
  readonly components: readonly ComponentSpec[]
  readonly entities: readonly EntitySpec[]
  readonly milestones: readonly MilestoneSpec[]
  readonly outputLinks: readonly OutputLinkSpec[]
}

const words = (value: unknown, path: string) => list(value, path, (v, p) => text(v, p, 200), 100)
const countries = (value: unknown, path: string) => [...new Set(list(value, path, country, 250))]

function dateOrder(start: string | null, end: string | null, path: string): void {
  if (start !== null && end !== null && end < start)
    throw invalid(`${path}.endDate`, `${end} is before the start date ${start}`)
}

function component(value: unknown, path: string): ComponentSpec {
  const o = object(value, path)
  const spec = {
    key: optionalText(o.key, `${path}.key`, 100),
    kind: oneOf(o.kind, `${path}.kind`, COMPONENT_KINDS),
    title: text(o.title, `${path}.title`),
    description: optionalText(o.description, `${path}.description`, 5000),
    countries: countries(o.countries, `${path}.countries`),
    startDate: optionalDate(o.startDate, `${path}.startDate`),
    endDate: optionalDate(o.endDate, `${path}.endDate`),
  }
  dateOrder(spec.startDate, spec.endDate, path)
  return spec
}

function entity(value: unknown, path: string): EntitySpec {
  const o = object(value, path)
  return {
    key: optionalText(o.key, `${path}.key`, 100),
    name: text(o.name, `${path}.name`),
    rorId: o.rorId === undefined || o.rorId === null || o.rorId === '' ? null : ror(o.rorId, `${path}.rorId`),
    country:
      o.country === undefined || o.country === null || o.country === ''
        ? null
        : country(o.country, `${path}.country`),
    role: oneOf(o.role, `${path}.role`, ENTITY_ROLES),
    component: optionalText(o.component, `${path}.component`, 100),
  }
}

function evidence(value: unknown, path: string): Evidence {
  const o = object(value, path)
  return { kind: oneOf(o.kind, `${path}.kind`, EVIDENCE_KINDS), value: text(o.value, `${path}.value`, 2000) }
}

function milestone(value: unknown, path: string): MilestoneSpec {
  const o = object(value, path)
  return {
    title: text(o.title, `${path}.title`),
    dueDate: isoDate(o.dueDate, `${path}.dueDate`),
    responsible: optionalText(o.responsible, `${path}.responsible`),
    status: o.status === undefined ? 'planned' : oneOf(o.status, `${path}.status`, MILESTONE_STATUSES),
    evidence: list(o.evidence, `${path}.evidence`, evidence, 100),
    component: optionalText(o.component, `${path}.component`, 100),
  }
}

/** Decode one output link (`path` names it in errors, e.g. `link` or `programmes[0].outputLinks[1]`). */
export function outputLink(value: unknown, path: string): OutputLinkSpec {
  const o = object(value, path)
  const method = oneOf(o.method, `${path}.method`, LINK_METHODS)
  const link: OutputLinkSpec = {
    method,
    funder: optionalText(o.funder, `${path}.funder`),
    awardIds: list(o.awardIds, `${path}.awardIds`, (v, p) => text(v, p, 200), 10_000),
    institutions: [...new Set(list(o.institutions, `${path}.institutions`, ror, 10_000))],
    fromYear: o.fromYear === undefined || o.fromYear === null ? null : year(o.fromYear, `${path}.fromYear`),
    toYear: o.toYear === undefined || o.toYear === null ? null : year(o.toYear, `${path}.toYear`),
    dois: [...new Set(list(o.dois, `${path}.dois`, doi, 100_000))],
    note: optionalText(o.note, `${path}.note`, 2000),
  }
  if (method === 'funder-award' && link.funder === null)
    throw invalid(`${path}.funder`, 'a funder-award link names its funder')
  if (method === 'institutions-period' && (link.institutions.length === 0 || link.fromYear === null))
    throw invalid(
      `${path}.institutions`,
      'an institutions-period link names institutions (ROR) and a fromYear',
    )
  if (method === 'doi-list' && link.dois.length === 0)
    throw invalid(`${path}.dois`, 'a doi-list link lists at least one DOI')
  if (link.fromYear !== null && link.toYear !== null && link.toYear < link.fromYear)
    throw invalid(`${path}.toYear`, `${link.toYear} is before ${link.fromYear}`)
  return link
}

function budgetYear(value: unknown, path: string): BudgetYear {
  const o = object(value, path)
  const amount = (v: unknown, p: string) => {
    const n = optionalNumber(v, p)
    if (n !== null && n < 0) throw invalid(p, `${n} is negative`)
    return n
  }
  const range = optionalText(o.range, `${path}.range`, 40)
  return {
    year: year(o.year, `${path}.year`),
    planned: amount(o.planned, `${path}.planned`),
    actual: amount(o.actual, `${path}.actual`),
    ...(range === null ? {} : { range }),
  }
}

/**
 * Decode one programme as the Meridian template writes it (see the README), checking every value and every
 * cross-reference (component and entity keys); `INVALID_VALUE` names the field path.
 * @example
 *   decodeProgramme({ title: 'Joint lab programme', countries: ['DE', 'CN'] })
 */
export function decodeProgramme(value: unknown, path = 'programme'): ProgrammeSpec {
  const o = object(value, path)
  const spec: ProgrammeSpec = {
    source: o.source === undefined ? 'meridian' : oneOf(o.source, `${path}.source`, SOURCES),
    externalId: optionalText(o.externalId, `${path}.externalId`, 200),
    organisationId:
      o.organisationId === undefined || o.organisationId === null
        ? null
        : Number.isInteger(o.organisationId) && (o.organisationId as number) > 0
          ? (o.organisationId as number)
          : (() => {
              throw invalid(`${path}.organisationId`, `${JSON.stringify(o.organisationId)} is not an id`)
            })(),
    kind: o.kind === undefined ? 'programme' : oneOf(o.kind, `${path}.kind`, PROGRAMME_KINDS),
    title: text(o.title, `${path}.title`),
    description: optionalText(o.description, `${path}.description`, 20_000),
    themes: words(o.themes, `${path}.themes`),
    instrumentTypes: words(o.instrumentTypes, `${path}.instrumentTypes`),
    targetGroups: words(o.targetGroups, `${path}.targetGroups`),
    countries: countries(o.countries, `${path}.countries`),
    partnerCountries: countries(o.partnerCountries, `${path}.partnerCountries`),
    startDate: optionalDate(o.startDate, `${path}.startDate`),
    endDate: optionalDate(o.endDate, `${path}.endDate`),
    status: o.status === undefined ? 'active' : oneOf(o.status, `${path}.status`, PROGRAMME_STATUSES),
    currency:
      o.currency === undefined || o.currency === null
        ? null
        : /^[A-Z]{3}$/.test(String(o.currency))
          ? String(o.currency)
          : (() => {
              throw invalid(`${path}.currency`, `${JSON.stringify(o.currency)} is not an ISO 4217 code`)
            })(),
    budget: list(o.budget, `${path}.budget`, budgetYear, 200),
    synthetic: o.synthetic === true,
    components: list(o.components, `${path}.components`, component),
    entities: list(o.entities, `${path}.entities`, entity),
    milestones: list(o.milestones, `${path}.milestones`, milestone),
    outputLinks: list(o.outputLinks, `${path}.outputLinks`, outputLink),
  }
  dateOrder(spec.startDate, spec.endDate, path)
  if (spec.budget.length > 0 && spec.currency === null)
    throw invalid(`${path}.currency`, 'a budget needs its currency (ISO 4217, e.g. EUR)')
  if (new Set(spec.budget.map((b) => b.year)).size !== spec.budget.length)
    throw invalid(`${path}.budget`, 'each year at most once')
  checkKeys(spec, path)
  return spec
}

function checkKeys(spec: ProgrammeSpec, path: string): void {
  const components = new Set(spec.components.flatMap((c) => (c.key === null ? [] : [c.key])))
  if (components.size !== spec.components.filter((c) => c.key !== null).length)
    throw invalid(`${path}.components`, 'component keys must be unique')
  const entities = new Set(spec.entities.flatMap((e) => [e.key ?? e.name]))
  spec.entities.forEach((e, i) => {
    if (e.component !== null && !components.has(e.component))
      throw invalid(`${path}.entities[${i}].component`, `no component with key "${e.component}"`)
  })
  spec.milestones.forEach((m, i) => {
    if (m.component !== null && !components.has(m.component))
      throw invalid(`${path}.milestones[${i}].component`, `no component with key "${m.component}"`)
    if (m.responsible !== null && !entities.has(m.responsible))
      throw invalid(`${path}.milestones[${i}].responsible`, `no entity with key or name "${m.responsible}"`)
  })
}
