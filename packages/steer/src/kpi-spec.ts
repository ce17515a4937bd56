import {
  describe,
  indicator,
  type IndicatorDefinition,
  type IndicatorOptionsInput,
  type WorkSelection,
} from '@meridian/indicators'
import { COUNTRY_CODES, decode } from '@meridian/model'
import { CONNECT_INDICATORS, CONNECT_SCOPES, isConnectIndicator } from './connect-kpi.js'
import { isMilestoneIndicator, MILESTONE_INDICATORS } from './milestone-kpi.js'

const { country, invalid, isoDate, list, number, object, oneOf, optionalNumber, ror, text } = decode

/**
 * What a KPI measures: a country, a pair of countries (bilateral indicators), an institution, a group of
 * countries (e.g. the programme's partner countries), or the programme's linked outputs (the engine's `works`
 * option from its output links). Several participant institutions at once are not offered.
 */
export type KpiScope =
  | { readonly kind: 'country'; readonly country: string }
  | { readonly kind: 'country-pair'; readonly country: string; readonly partner: string }
  | { readonly kind: 'institution'; readonly institution: string }
  | { readonly kind: 'countries'; readonly name: string; readonly countries: readonly string[] }
  /** The programme's linked outputs, as one group of every country (each linked work with a country once). */
  | { readonly kind: 'outputs' }
  /**
   * The KPI's own programme: the only scope of the milestone KPIs (`milestones-done`, `milestones-late`), and
   * all of the programme's marketplace records for the CONNECT KPIs (`connect-agreements`,
   * `connect-introductions`), which also take a country pair.
   */
  | { readonly kind: 'programme' }

export const SCOPE_KINDS = Object.freeze([
  'country',
  'country-pair',
  'institution',
  'countries',
  'outputs',
  'programme',
] as const)

/** The indicator options a KPI saves: the engine's own, minus those that split the answer into many rows. */
export interface KpiOptions {
  readonly counting?: string
  readonly countryPolicy?: string
  readonly years?: string
  readonly role?: string
  readonly normalization?: string
  readonly threshold?: number
  readonly top?: number
  readonly minCopublications?: number
  readonly rollUp?: boolean
  /** Only works with one of these fields (names as stored). */
  readonly fields?: readonly string[]
}

/** A KPI as decoded: indicator, options, scope, baseline, target and owner. */
export interface KpiSpec {
  readonly programmeId: number
  readonly indicator: string
  readonly options: KpiOptions
  readonly scope: KpiScope
  /** The result column that is the KPI's figure. Default `value`. */
  readonly measure: string
  readonly baseline: { readonly period: string; readonly value: number | null }
  readonly target: { readonly value: number; readonly date: string }
  readonly owner: string
}

function scope(value: unknown, path: string): KpiScope {
  const o = object(value, path)
  const kind = oneOf(o.kind, `${path}.kind`, SCOPE_KINDS)
  switch (kind) {
    case 'country':
      return { kind, country: country(o.country, `${path}.country`) }
    case 'country-pair': {
      const pair = {
        kind,
        country: country(o.country, `${path}.country`),
        partner: country(o.partner, `${path}.partner`),
      }
      if (pair.country === pair.partner) throw invalid(`${path}.partner`, 'a pair needs two countries')
      return pair
    }
    case 'institution': {
      const id =
        typeof o.institution === 'string' && o.institution.includes('ror.org')
          ? ror(o.institution, `${path}.institution`)
          : text(o.institution, `${path}.institution`, 200)
      return { kind, institution: id }
    }
    case 'countries':
      return {
        kind,
        name: o.name === undefined ? 'scope' : text(o.name, `${path}.name`, 64),
        countries: [...new Set(list(o.countries, `${path}.countries`, country, 250))],
      }
    case 'outputs':
    case 'programme':
      return { kind }
  }
}

const OPTION_KEYS = [
  'counting',
  'countryPolicy',
  'years',
  'role',
  'normalization',
  'threshold',
  'top',
  'minCopublications',
  'rollUp',
  'fields',
] as const

function options(value: unknown, path: string): KpiOptions {
  const o = value === undefined ? {} : object(value, path)
  for (const key of Object.keys(o))
    if (!(OPTION_KEYS as readonly string[]).includes(key))
      throw invalid(`${path}.${key}`, `not a KPI option; use ${OPTION_KEYS.join(', ')}`)
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as KpiOptions
}

/** The group an `outputs` scope is evaluated as: every country, over the programme's linked works only. */
export const OUTPUTS_GROUP = 'outputs'

/** The engine's options for a KPI's scope, over `years` (the KPI's own, or the baseline period). */
export function engineInput(
  spec: Pick<KpiSpec, 'options' | 'scope'>,
  years?: string,
  works?: WorkSelection | null,
): IndicatorOptionsInput {
  const scoped = spec.scope
  return {
    ...spec.options,
    years: years ?? spec.options.years ?? null,
    level:
      scoped.kind === 'institution'
        ? 'institution'
        : scoped.kind === 'countries' || scoped.kind === 'outputs'
          ? 'group'
          : 'country',
    groups:
      scoped.kind === 'countries'
        ? { [scoped.name]: scoped.countries }
        : scoped.kind === 'outputs'
          ? { [OUTPUTS_GROUP]: COUNTRY_CODES }
          : null,
    ...(works ? { works } : {}),
    byYear: false,
    window: null,
    intervals: false,
  }
}

/**
 * A KPI counted from the state database (a milestone or CONNECT KPI) takes one of its indicator's scopes, no
 * options and the `value` measure; refuse anything else.
 */
function checkStateKpi(spec: KpiSpec, path: string, scopes: readonly KpiScope['kind'][], what: string): void {
  if (!scopes.includes(spec.scope.kind))
    throw invalid(
      `${path}.scope.kind`,
      `${spec.indicator} counts ${what}; its scope is ${scopes.map((s) => `"${s}"`).join(' or ')}, not "${spec.scope.kind}"`,
    )
  const [option] = Object.keys(spec.options)
  if (option !== undefined)
    throw invalid(`${path}.options.${option}`, `${spec.indicator} takes no indicator options`)
  if (spec.measure !== 'value')
    throw invalid(`${path}.measure`, `${spec.indicator} has no column "${spec.measure}"; use value`)
}

/**
 * Decode a KPI and check its options with the indicator engine (`describe` normalises them, so an option the
 * indicator does not take is refused here, not at the first refresh). A milestone or CONNECT KPI has no
 * engine definition (`null`).
 */
export function decodeKpi(
  value: unknown,
  path = 'kpi',
): { spec: KpiSpec; definition: IndicatorDefinition | null } {
  const o = object(value, path)
  const id = Number(o.programmeId)
  if (!Number.isInteger(id) || id <= 0)
    throw invalid(`${path}.programmeId`, `${JSON.stringify(o.programmeId)} is not an id`)
  const baseline = object(o.baseline, `${path}.baseline`)
  const target = object(o.target, `${path}.target`)
  const spec: KpiSpec = {
    programmeId: id,
    indicator: text(o.indicator, `${path}.indicator`, 100),
    options: options(o.options, `${path}.options`),
    scope: scope(o.scope, `${path}.scope`),
    measure: o.measure === undefined ? 'value' : text(o.measure, `${path}.measure`, 60),
    baseline: {
      period: text(baseline.period, `${path}.baseline.period`, 20),
      value: optionalNumber(baseline.value, `${path}.baseline.value`),
    },
    target: {
      value: number(target.value, `${path}.target.value`),
      date: isoDate(target.date, `${path}.target.date`),
    },
    owner: text(o.owner, `${path}.owner`, 300),
  }
  if (isMilestoneIndicator(spec.indicator)) {
    checkStateKpi(spec, path, ['programme'], "the programme's milestones")
    return { spec, definition: null }
  }
  if (isConnectIndicator(spec.indicator)) {
    checkStateKpi(spec, path, CONNECT_SCOPES, "introductions to the programme's marketplace records")
    return { spec, definition: null }
  }
  if (spec.scope.kind === 'programme')
    throw invalid(
      `${path}.scope.kind`,
      `the programme scope is for ${[...MILESTONE_INDICATORS, ...CONNECT_INDICATORS].join(', ')}; ${spec.indicator} needs a country, pair, institution, countries or outputs scope`,
    )
  const definition = indicator(spec.indicator)
  if (!definition.columns.includes(spec.measure))
    throw invalid(
      `${path}.measure`,
      `${spec.indicator} has no column "${spec.measure}"; use ${definition.columns.join(', ')}`,
    )
  describe(definition, engineInput(spec))
  describe(definition, engineInput(spec, spec.baseline.period))
  return { spec, definition }
}
