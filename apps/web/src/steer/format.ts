import type { DataVersion, Kpi, KpiScope, Programme } from '../api/steer-types.js'
import type { Me } from '../api/workspace-types.js'
import { countryName, formatNumber, formatPercent, getLang, t, tMaybe } from '../i18n/i18n.js'
import { formatValue } from '../lib/indicators.js'

const dates: Partial<Record<string, Intl.DateTimeFormat>> = {}

/** A calendar date (`YYYY-MM-DD`) in the interface's language; `–` when absent. */
export function formatDate(iso: string | null): string {
  if (!iso) return '–'
  const lang = getLang()
  const format = (dates[lang] ??= new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }))
  return format.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`))
}

/** A programme's period, `start – end`. */
export const formatPeriod = (start: string | null, end: string | null): string =>
  start || end ? `${formatDate(start)} – ${formatDate(end)}` : '–'

/** Countries by name, in the interface's language, joined with its separator. */
export const countryList = (codes: readonly string[]): string =>
  codes.length === 0 ? '–' : codes.map(countryName).join(t('list.separator'))

/** A KPI figure as the dashboard formats its indicator (shares, and the share of milestones done, as percentages). */
export const kpiValue = (kpi: Pick<Kpi, 'indicator'>, value: number | null | undefined): string =>
  kpi.indicator === 'milestones-done' ? formatPercent(value) : formatValue(kpi.indicator, value)

/** What a KPI measures, in words. */
export function scopeText(scope: KpiScope): string {
  switch (scope.kind) {
    case 'country':
      return countryName(scope.country)
    case 'country-pair':
      return `${countryName(scope.country)} – ${countryName(scope.partner)}`
    case 'institution':
      return scope.institution
    case 'countries':
      return `${scope.name} (${scope.countries.join(', ')})`
    case 'programme':
      return t('steer.scope.programme')
  }
}

/** An indicator's name, or its id when the catalogue lacks it. */
export const indicatorName = (id: string): string => tMaybe(`ind.${id}`, id)

/** The store's data version in words: ingests and works. */
export function dataVersionText(version: unknown): string {
  if (version === null || typeof version !== 'object') return '–'
  const v = version as DataVersion
  return t('steer.dataVersionText', {
    ingests: formatNumber(v.ingests ?? null),
    revision: formatNumber(v.revision ?? null),
    works: formatNumber(v.works ?? null),
  })
}

/** Whether the signed-in user may change this programme: admins any, programme managers their organisation's. */
export const canManage = (me: Me, programme: Pick<Programme, 'organisationId'> | null): boolean =>
  me.scopes.includes('write') &&
  (me.role === 'admin' ||
    (me.role === 'programme-manager' &&
      (programme === null || programme.organisationId === me.organisationId)))
