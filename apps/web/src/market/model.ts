import { ApiError, type Params } from '../api/client.js'
import {
  MATCH_KINDS,
  NEED_TYPES,
  OFFER_TYPES,
  RECORD_TYPES,
  type MarketRecord,
  type MatchKind,
  type RecordQuery,
  type RecordStatus,
  type Step,
} from '../api/market-types.js'
import type { Me } from '../api/workspace-types.js'

/** Which records the marketplace lists: offers, needs or both. */
export type Side = 'offers' | 'needs' | ''

/** The marketplace's filters, as the URL hash holds them (`''` = any). */
export interface ListFilters {
  readonly side: Side
  readonly type: string
  readonly q: string
  readonly country: string
  readonly trlMin: string
  readonly trlMax: string
  readonly partnershipType: string
}

const side = (value: string | undefined): Side => (value === 'offers' || value === 'needs' ? value : '')

/** The filters named by the URL parameters. */
export const listFilters = (params: Readonly<Record<string, string>>): ListFilters => ({
  side: side(params.side),
  type: params.type ?? '',
  q: params.q ?? '',
  country: params.country ?? '',
  trlMin: params.trlMin ?? '',
  trlMax: params.trlMax ?? '',
  partnershipType: params.partnershipType ?? '',
})

/** The record types a side offers to choose from. */
export const typesOf = (s: Side) => (s === 'offers' ? OFFER_TYPES : s === 'needs' ? NEED_TYPES : RECORD_TYPES)

/** The API query of the published records the filters select (a type narrows its side). */
export function listQuery(filters: ListFilters): RecordQuery {
  const type = typesOf(filters.side).includes(filters.type as never) ? filters.type : filters.side
  return {
    status: 'published',
    ...(type ? { type } : {}),
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(/^[A-Za-z]{2}$/.test(filters.country) ? { country: filters.country.toUpperCase() } : {}),
    ...(filters.trlMin ? { trlMin: filters.trlMin } : {}),
    ...(filters.trlMax ? { trlMax: filters.trlMax } : {}),
    ...(filters.partnershipType ? { partnershipType: filters.partnershipType } : {}),
  }
}

export const isOffer = (record: Pick<MarketRecord, 'type'>): boolean => OFFER_TYPES.includes(record.type)

const WRITERS: readonly string[] = ['analyst', 'broker', 'programme-manager', 'admin']

/** Whether the user may write records and express interest (analysts, brokers, programme managers, admins). */
export const canWrite = (me: Me): boolean => me.scopes.includes('write') && WRITERS.includes(me.role)

/** Whether the user reviews records (brokers, admins). */
export const canReview = (me: Me): boolean =>
  me.scopes.includes('write') && (me.role === 'broker' || me.role === 'admin')

/** Whether the record is the user's organisation's (or brokered by it); admins own every record. */
export const ownsRecord = (me: Me, record: Pick<MarketRecord, 'organisation' | 'brokerOrganisationId'>) =>
  me.role === 'admin' ||
  (me.organisationId !== null &&
    (record.organisation?.id === me.organisationId || record.brokerOrganisationId === me.organisationId))

/** The lifecycle steps an owner may take from a status (approve and return are the broker's). */
export function ownerSteps(status: RecordStatus): Step[] {
  const steps: Step[] = []
  if (status === 'draft' || status === 'returned') steps.push('submit')
  if (status === 'published' || status === 'expired') steps.push('renew')
  if (status !== 'closed') steps.push('close')
  return steps
}

/**
 * The form field an API error is about: the envelope's `field` (`record.trl`, `record[0].contact.email`, or a
 * body schema's `trl`) without the record's prefix; `null` when it names none.
 */
export function errorField(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null
  const field = error.field ?? /^([\w.[\]]+): /.exec(error.message)?.[1]
  return field ? field.replace(/^record(\[\d+\])?\.?/, '') || null : null
}

/** The matches' filters and page, as the URL hash of the record page holds them. */
export interface MatchFilters {
  readonly kinds: readonly MatchKind[]
  readonly countries: string
  readonly types: string
  readonly trlMin: string
  readonly trlMax: string
  readonly partnershipTypes: string
  readonly page: number
  readonly pageSize: number
}

export const PAGE_SIZES = [10, 20, 50, 100] as const

const whole = (value: string | undefined, fallback: number) => {
  const n = Number(value)
  return Number.isInteger(n) && n > 0 ? n : fallback
}

/** The match filters named by the URL parameters (every kind when none is named). */
export function matchFilters(params: Readonly<Record<string, string>>): MatchFilters {
  const kinds = (params.kinds ?? '')
    .split(',')
    .filter((k): k is MatchKind => (MATCH_KINDS as readonly string[]).includes(k))
  return {
    kinds: kinds.length > 0 ? kinds : MATCH_KINDS,
    countries: params.countries ?? '',
    types: params.types ?? '',
    trlMin: params.trlMin ?? '',
    trlMax: params.trlMax ?? '',
    partnershipTypes: params.partnershipTypes ?? '',
    page: whole(params.page, 1),
    pageSize: whole(params.pageSize, 20),
  }
}

/** The API parameters of the matches the filters select; TRL only as a range (the API takes both ends). */
export function matchParams(filters: MatchFilters, lang: string): Params {
  const trl = filters.trlMin !== '' || filters.trlMax !== ''
  return {
    kinds: filters.kinds.length < MATCH_KINDS.length ? filters.kinds.join(',') : undefined,
    countries: filters.countries || undefined,
    types: filters.types || undefined,
    trlMin: trl ? filters.trlMin || '1' : undefined,
    trlMax: trl ? filters.trlMax || '9' : undefined,
    partnershipTypes: filters.partnershipTypes || undefined,
    page: filters.page,
    pageSize: filters.pageSize,
    lang,
  }
}

/** Today as `YYYY-MM-DD` in UTC, as the server dates outcomes. */
export const todayIso = (now: Date = new Date()): string => now.toISOString().slice(0, 10)
