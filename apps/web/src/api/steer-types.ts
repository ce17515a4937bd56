/** STEER's records as the API sends them (see the server's `schemas/programmes.ts`). */

import type { Coverage, Method } from './types.js'

export const PROGRAMME_KINDS = ['programme', 'initiative'] as const
export const PROGRAMME_STATUSES = ['planned', 'active', 'completed', 'suspended', 'cancelled'] as const
export const ENTITY_ROLES = ['lead', 'co-lead', 'funder', 'implementer', 'partner'] as const
export const MILESTONE_STATUSES = ['planned', 'in-progress', 'done', 'late', 'dropped'] as const
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number]
export const KPI_STATUSES = ['on-track', 'at-risk', 'off-track', 'no-data'] as const
export type KpiStatus = (typeof KPI_STATUSES)[number]

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

export interface StatusChange {
  readonly at: string
  readonly actor: string
  readonly from: string | null
  readonly to: string
  readonly note: string | null
}

export interface Evidence {
  readonly kind: 'link' | 'file' | 'note'
  readonly value: string
}

export interface Milestone {
  readonly id: number
  readonly componentId: number | null
  readonly title: string
  readonly dueDate: string
  readonly responsibleEntityId: number | null
  readonly status: string
  readonly evidence: readonly Evidence[]
  readonly history: readonly StatusChange[]
}

export interface Entity {
  readonly id: number
  readonly componentId: number | null
  readonly name: string
  readonly rorId: string | null
  readonly country: string | null
  readonly role: string
}

export interface Component {
  readonly id: number
  readonly kind: string
  readonly title: string
  readonly description: string | null
  readonly countries: readonly string[]
  readonly startDate: string | null
  readonly endDate: string | null
}

export interface OutputLink {
  readonly id: number
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

export interface Programme extends ProgrammeSummary {
  readonly description: string | null
  readonly themes: readonly string[]
  readonly instrumentTypes: readonly string[]
  readonly targetGroups: readonly string[]
  readonly currency: string | null
  readonly budget: readonly {
    readonly year: number
    readonly planned: number | null
    readonly actual: number | null
  }[]
  readonly createdAt: string
  readonly updatedAt: string
  readonly components: readonly Component[]
  readonly entities: readonly Entity[]
  readonly milestones: readonly Milestone[]
  readonly outputLinks: readonly OutputLink[]
}

/** A milestone added to a programme: its responsible entity by id. */
export interface MilestoneInput {
  readonly title: string
  readonly dueDate: string
  readonly status: string
  readonly responsibleEntityId: number | null
}

/** A programme as the create form sends it (the Meridian template). */
export interface ProgrammeInput {
  readonly title: string
  readonly kind: string
  readonly status: string
  readonly description: string | null
  readonly themes: readonly string[]
  readonly instrumentTypes: readonly string[]
  readonly countries: readonly string[]
  readonly partnerCountries: readonly string[]
  readonly startDate: string | null
  readonly endDate: string | null
  readonly entities: readonly {
    readonly key: string
    readonly name: string
    readonly role: string
    readonly rorId: string | null
    readonly country: string | null
  }[]
  readonly milestones: readonly {
    readonly title: string
    readonly dueDate: string
    readonly status: string
    readonly responsible: string | null
  }[]
}

export type KpiScope =
  | { readonly kind: 'country'; readonly country: string }
  | { readonly kind: 'country-pair'; readonly country: string; readonly partner: string }
  | { readonly kind: 'institution'; readonly institution: string }
  | { readonly kind: 'countries'; readonly name: string; readonly countries: readonly string[] }
  /**
   * The KPI's own programme: the milestone KPIs (`milestones-done`, `milestones-late`) and the CONNECT KPIs
   * (`connect-agreements`, `connect-introductions`: all of its marketplace records).
   */
  | { readonly kind: 'programme' }

/** What the store held when an actual was computed (the store's data version). */
export interface DataVersion {
  readonly ingests?: number
  readonly revision?: number
  readonly works?: number
  readonly lastIngestAt?: string | null
}

export interface KpiActual {
  readonly value: number | null
  readonly baseline: number | null
  readonly expected: number | null
  readonly status: string
  readonly computedAt: string
  readonly dataVersion: unknown
}

export interface Kpi {
  readonly id: number
  readonly programmeId: number
  readonly indicator: string
  readonly options: Readonly<Record<string, unknown>>
  readonly scope: KpiScope
  readonly measure: string
  readonly baseline: { readonly period: string; readonly value: number | null; readonly source: string }
  readonly target: { readonly value: number; readonly date: string }
  readonly owner: string
  readonly actual: number | null
  readonly expected: number | null
  readonly status: KpiStatus
  readonly statusRule: string
  readonly computedAt: string | null
  readonly dataVersion: unknown
  readonly coverage: Coverage | null
  readonly method: Method
  readonly history: readonly KpiActual[]
}

export interface KpiInput {
  readonly indicator: string
  readonly options: { readonly counting?: string; readonly years?: string }
  readonly scope: KpiScope
  readonly baseline: { readonly period: string; readonly value: number | null }
  readonly target: { readonly value: number; readonly date: string }
  readonly owner: string
}

/** A work linked to a programme (the outputs route; fields beyond these are ignored). */
export interface LinkedWork {
  readonly id: string
  readonly title: string | null
  readonly year: number | null
  readonly doi: string | null
}

export interface OutputsPage {
  readonly total: number
  readonly works: readonly LinkedWork[]
}
