import type { Method } from '@meridian/indicators'
import { registryMethod } from './milestone-kpi.js'

/**
 * KPIs that count what CONNECT's marketplace recorded on introductions to the programme's own records (from the
 * state database, not the store): partnership agreements and accepted expressions of interest. They take the
 * `programme` or `country-pair` scope, and no indicator options.
 */
export const CONNECT_INDICATORS = Object.freeze(['connect-agreements', 'connect-introductions'] as const)

export type ConnectIndicator = (typeof CONNECT_INDICATORS)[number]

/** The scopes a CONNECT KPI takes. */
export const CONNECT_SCOPES = Object.freeze(['programme', 'country-pair'] as const)

/** Whether a KPI's indicator counts marketplace introductions rather than asking the indicator engine. */
export const isConnectIndicator = (id: string): id is ConnectIndicator =>
  (CONNECT_INDICATORS as readonly string[]).includes(id)

/**
 * What a CONNECT KPI reads of an expression of interest in one of the programme's marketplace records: the day
 * it was accepted, the day of its first partnership agreement, and the countries of the two organisations.
 */
export interface CountedIntroduction {
  readonly id: number
  /** The day (`YYYY-MM-DD`, UTC) the record's side accepted it; `null` unless accepted. */
  readonly acceptedOn: string | null
  /** The date of the first agreement recorded on it; `null` when none is. */
  readonly agreedOn: string | null
  /** The country of the organisation that owns the record. */
  readonly ownerCountry: string | null
  /** The country of the organisation that expressed the interest. */
  readonly partnerCountry: string | null
}

/** The part of a KPI's scope a CONNECT KPI reads: the whole programme, or one pair of countries. */
export type ConnectScope =
  | { readonly kind: 'programme' }
  | { readonly kind: 'country-pair'; readonly country: string; readonly partner: string }

/** Whether an introduction is between the pair's two countries, in either order (always, for `programme`). */
export function inScope(introduction: CountedIntroduction, scope: ConnectScope): boolean {
  if (scope.kind === 'programme') return true
  const { ownerCountry: owner, partnerCountry: partner } = introduction
  return (
    (owner === scope.country && partner === scope.partner) ||
    (owner === scope.partner && partner === scope.country)
  )
}

/**
 * A CONNECT KPI's figure up to `day` (`YYYY-MM-DD`, inclusive): the introductions in scope with an agreement
 * dated by then, or accepted by then. A computed baseline is the same count up to the end of the baseline period.
 * @example
 *   connectFigure('connect-agreements', [{ id: 1, acceptedOn: '2024-02-01', agreedOn: '2024-05-10',
 *     ownerCountry: 'DE', partnerCountry: 'CN' }], { kind: 'country-pair', country: 'CN', partner: 'DE' },
 *     '2024-12-31') // 1
 */
export function connectFigure(
  indicator: ConnectIndicator,
  introductions: readonly CountedIntroduction[],
  scope: ConnectScope,
  day: string,
): number {
  const dayOf = (i: CountedIntroduction): string | null => {
    switch (indicator) {
      case 'connect-agreements':
        return i.agreedOn
      case 'connect-introductions':
        return i.acceptedOn
    }
  }
  return introductions.filter((i) => {
    const on = dayOf(i)
    return on !== null && on <= day && inScope(i, scope)
  }).length
}

const SOURCE =
  "Counted from CONNECT's marketplace in the state database (the programme's marketplace records are those " +
  'whose programme is this one), not from publications.'

const PAIR =
  'With a country-pair scope, only introductions between an organisation of each country count, in either ' +
  'order: the country of the organisation that owns the record and that of the organisation that expressed the ' +
  'interest, as each organisation is registered; an introduction with either organisation unknown is left out.'

const DEFINITIONS: Readonly<Record<ConnectIndicator, { definition: string; formula: string }>> = {
  'connect-agreements': {
    definition:
      "Number of introductions to the programme's marketplace records (expressions of interest in them) on " +
      'which a partnership agreement was recorded, dated up to the day the actual is computed; an introduction ' +
      'with several agreements counts once, on the date of its first. A computed baseline counts those dated ' +
      `up to the end of the baseline period. ${SOURCE} ${PAIR}`,
    formula: '|{i : record(i) ∈ R(p), ∃ outcome o of i : kind(o) = agreement, date(o) ≤ t}|',
  },
  'connect-introductions': {
    definition:
      "Number of expressions of interest in the programme's marketplace records that the record's side " +
      'accepted, on a day up to the day the actual is computed (pending, declined and withdrawn ones are left ' +
      'out). A computed baseline counts those accepted up to the end of the baseline period. ' +
      `${SOURCE} ${PAIR}`,
    formula: '|{i : record(i) ∈ R(p), status(i) = accepted, accepted(i) ≤ t}|',
  },
}

/**
 * The method card of a CONNECT KPI: how it is counted, in the shape of the engine's method (no SQL, no counting
 * method or country policy: `not-applicable`).
 */
export const connectMethod = (indicator: ConnectIndicator): Method =>
  registryMethod(
    "Countries are those of the organisations on either side of an introduction, as registered in the workspace; no publication's country is involved.",
    DEFINITIONS[indicator],
  )
