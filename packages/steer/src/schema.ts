import type { ColumnType, Generated, Kysely, StateSchema } from '@meridian/state'

/** A timestamp column: written and read as a `Date`. */
type Timestamp = Date

/** A jsonb column: written as JSON text, read back parsed. */
type Json<T> = ColumnType<T, string, string>

/** One year of a programme's budget, in the programme's currency. */
export interface BudgetYear {
  readonly year: number
  readonly planned: number | null
  readonly actual: number | null
  /** A budget known only as a range (STIP Compass's yearly budget range, e.g. "1M-5M"), as text. */
  readonly range?: string
}

/** Evidence for a milestone: a link, a file reference or a note. */
export interface Evidence {
  readonly kind: 'link' | 'file' | 'note'
  readonly value: string
}

export interface ProgrammesTable {
  id: Generated<number>
  organisation_id: number | null
  source: string
  external_id: string | null
  kind: string
  title: string
  description: string | null
  themes: string[]
  instrument_types: string[]
  target_groups: string[]
  countries: string[]
  partner_countries: string[]
  start_date: string | null
  end_date: string | null
  status: string
  currency: string | null
  budget: Json<readonly BudgetYear[]>
  synthetic: boolean
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ComponentsTable {
  id: Generated<number>
  programme_id: number
  kind: string
  title: string
  description: string | null
  countries: string[]
  start_date: string | null
  end_date: string | null
}

export interface EntitiesTable {
  id: Generated<number>
  programme_id: number
  component_id: number | null
  name: string
  ror_id: string | null
  country: string | null
  role: string
}

export interface MilestonesTable {
  id: Generated<number>
  programme_id: number
  component_id: number | null
  title: string
  due_date: string
  responsible_entity_id: number | null
  status: string
  evidence: Json<readonly Evidence[]>
  updated_at: Timestamp
}

export interface MilestoneHistoryTable {
  id: Generated<number>
  milestone_id: number
  at: Timestamp
  actor: string
  from_status: string | null
  to_status: string
  note: string | null
}

export interface OutputLinksTable {
  id: Generated<number>
  programme_id: number
  method: string
  funder: string | null
  award_ids: string[]
  institutions: string[]
  from_year: number | null
  to_year: number | null
  dois: string[]
  note: string | null
  created_at: Timestamp
  created_by: string
}

export interface KpisTable {
  id: Generated<number>
  programme_id: number
  indicator: string
  options: Json<Readonly<Record<string, unknown>>>
  scope: Json<unknown>
  measure: string
  baseline_period: string
  baseline_value: number | null
  baseline_source: string
  target_value: number
  target_date: string
  owner: string
  created_at: Timestamp
  updated_at: Timestamp
}

export interface KpiActualsTable {
  id: Generated<number>
  kpi_id: number
  computed_at: Timestamp
  data_key: string
  data_version: Json<unknown>
  value: number | null
  baseline_value: number | null
  expected: number | null
  status: string
  coverage: Json<unknown>
}

/** STEER's tables, for Kysely. */
// A type, not an interface: Kysely's `withTables` wants an index-signature-compatible record.
export type SteerSchema = {
  programmes: ProgrammesTable
  programme_components: ComponentsTable
  programme_entities: EntitiesTable
  milestones: MilestonesTable
  milestone_status_history: MilestoneHistoryTable
  output_links: OutputLinksTable
  kpis: KpisTable
  kpi_actuals: KpiActualsTable
}

/** The state database as STEER's services see it: the workspace's tables and STEER's. */
export type SteerDb = Kysely<StateSchema & SteerSchema>
