import type { Selectable } from '@meridian/state'
import type {
  BudgetYear,
  ComponentsTable,
  EntitiesTable,
  Evidence,
  MilestoneHistoryTable,
  MilestonesTable,
  OutputLinksTable,
  ProgrammesTable,
} from './schema.js'

/** A programme in a list. */
export interface ProgrammeSummary {
  readonly id: number
  readonly title: string
  readonly kind: string
  readonly status: string
  readonly organisationId: number | null
  readonly source: string
  readonly externalId: string | null
  readonly countries: readonly string[]
  readonly partnerCountries: readonly string[]
  readonly startDate: string | null
  readonly endDate: string | null
  readonly synthetic: boolean
}

export interface ComponentView {
  readonly id: number
  readonly kind: string
  readonly title: string
  readonly description: string | null
  readonly countries: readonly string[]
  readonly startDate: string | null
  readonly endDate: string | null
}

export interface EntityView {
  readonly id: number
  readonly componentId: number | null
  readonly name: string
  readonly rorId: string | null
  readonly country: string | null
  readonly role: string
}

export interface StatusChange {
  readonly at: string
  readonly actor: string
  readonly from: string | null
  readonly to: string
  readonly note: string | null
}

export interface MilestoneView {
  readonly id: number
  readonly componentId: number | null
  readonly title: string
  readonly dueDate: string
  readonly responsibleEntityId: number | null
  readonly status: string
  readonly evidence: readonly Evidence[]
  readonly history: readonly StatusChange[]
}

export interface OutputLinkView {
  readonly id: number
  /** How the link was made: by funder and award ids, by institutions and period, or by a list of DOIs. */
  readonly method: string
  readonly funder: string | null
  readonly awardIds: readonly string[]
  readonly institutions: readonly string[]
  readonly fromYear: number | null
  readonly toYear: number | null
  readonly dois: readonly string[]
  readonly note: string | null
  readonly createdAt: string
  readonly createdBy: string
}

/** A programme with everything under it. */
export interface ProgrammeView extends ProgrammeSummary {
  readonly description: string | null
  readonly themes: readonly string[]
  readonly instrumentTypes: readonly string[]
  readonly targetGroups: readonly string[]
  readonly currency: string | null
  readonly budget: readonly BudgetYear[]
  readonly createdAt: string
  readonly updatedAt: string
  readonly components: readonly ComponentView[]
  readonly entities: readonly EntityView[]
  readonly milestones: readonly MilestoneView[]
  readonly outputLinks: readonly OutputLinkView[]
}

export const summaryView = (row: Selectable<ProgrammesTable>): ProgrammeSummary => ({
  id: row.id,
  title: row.title,
  kind: row.kind,
  status: row.status,
  organisationId: row.organisation_id,
  source: row.source,
  externalId: row.external_id,
  countries: row.countries,
  partnerCountries: row.partner_countries,
  startDate: row.start_date,
  endDate: row.end_date,
  synthetic: row.synthetic,
})

export const componentView = (row: Selectable<ComponentsTable>): ComponentView => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  description: row.description,
  countries: row.countries,
  startDate: row.start_date,
  endDate: row.end_date,
})

export const entityView = (row: Selectable<EntitiesTable>): EntityView => ({
  id: row.id,
  componentId: row.component_id,
  name: row.name,
  rorId: row.ror_id,
  country: row.country,
  role: row.role,
})

export const statusChange = (row: Selectable<MilestoneHistoryTable>): StatusChange => ({
  at: row.at.toISOString(),
  actor: row.actor,
  from: row.from_status,
  to: row.to_status,
  note: row.note,
})

export const milestoneView = (
  row: Selectable<MilestonesTable>,
  history: readonly StatusChange[],
): MilestoneView => ({
  id: row.id,
  componentId: row.component_id,
  title: row.title,
  dueDate: row.due_date,
  responsibleEntityId: row.responsible_entity_id,
  status: row.status,
  evidence: row.evidence,
  history,
})

export const outputLinkView = (row: Selectable<OutputLinksTable>): OutputLinkView => ({
  id: row.id,
  method: row.method,
  funder: row.funder,
  awardIds: row.award_ids,
  institutions: row.institutions,
  fromYear: row.from_year,
  toYear: row.to_year,
  dois: row.dois,
  note: row.note,
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by,
})
