import type { KpiScope, KpiView } from '@meridian/steer'
import { label, message, type Lang, type MessageKey } from './messages.js'
import type { ReportData } from './report-data.js'

/** A cell: text, a number (kept a number in the workbook), or none. */
export type Cell = string | number | null

/** One table of the report: the same rows go to the HTML, the CSV files and the workbook. */
export interface ReportTable {
  readonly key: 'kpis' | 'kpiHistory' | 'milestones' | 'entities' | 'evaluation' | 'comparison' | 'series'
  readonly title: string
  readonly columns: readonly string[]
  readonly rows: readonly (readonly Cell[])[]
}

/** A KPI's scope in words. */
export function scopeLabel(lang: Lang, scope: KpiScope): string {
  switch (scope.kind) {
    case 'country':
      return message(lang, 'scope.country', { country: scope.country })
    case 'country-pair':
      return message(lang, 'scope.country-pair', { country: scope.country, partner: scope.partner })
    case 'institution':
      return message(lang, 'scope.institution', { institution: scope.institution })
    case 'countries':
      return message(lang, 'scope.countries', { name: scope.name })
    case 'outputs':
      return message(lang, 'scope.outputs')
    case 'programme':
      return message(lang, 'scope.programme')
  }
}

/** A KPI's name: its indicator and its id. */
export const kpiName = (lang: Lang, kpi: KpiView): string =>
  `${label(lang, 'indicator', kpi.indicator)} #${kpi.id}`

const table = (
  lang: Lang,
  key: ReportTable['key'],
  columns: readonly MessageKey[],
  rows: readonly (readonly Cell[])[],
): ReportTable => ({
  key,
  title: message(lang, `table.${key}`),
  columns: columns.map((c) => message(lang, c)),
  rows,
})

/** Every table of a report, in the order the document shows them. */
export function reportTables(data: ReportData, lang: Lang): ReportTable[] {
  const { programme, kpis, evaluation } = data
  const entityName = new Map(programme.entities.map((e) => [e.id, e.name]))
  const tables = [
    table(
      lang,
      'entities',
      ['col.name', 'col.role', 'col.ror', 'col.country'],
      programme.entities.map((e) => [e.name, label(lang, 'role', e.role), e.rorId, e.country]),
    ),
    table(
      lang,
      'kpis',
      [
        'col.indicator',
        'col.scope',
        'col.baselinePeriod',
        'col.baseline',
        'col.target',
        'col.targetDate',
        'col.actual',
        'col.expected',
        'col.status',
        'col.computedAt',
      ],
      kpis.map((k) => [
        kpiName(lang, k),
        scopeLabel(lang, k.scope),
        k.baseline.period,
        k.baseline.value,
        k.target.value,
        k.target.date,
        k.actual,
        k.expected,
        label(lang, 'status', k.status),
        k.computedAt,
      ]),
    ),
    table(
      lang,
      'kpiHistory',
      ['col.indicator', 'col.computedAt', 'col.actual', 'col.expected', 'col.status'],
      kpis.flatMap((k) =>
        k.history.map((h) => [
          kpiName(lang, k),
          h.computedAt,
          h.value,
          h.expected,
          label(lang, 'status', h.status),
        ]),
      ),
    ),
    table(
      lang,
      'milestones',
      ['col.title', 'col.dueDate', 'col.responsible', 'col.status'],
      programme.milestones.map((m) => [
        m.title,
        m.dueDate,
        m.responsibleEntityId === null ? null : (entityName.get(m.responsibleEntityId) ?? null),
        label(lang, 'milestoneStatus', m.status),
      ]),
    ),
  ]
  if (!evaluation) return tables
  const yes = (b: boolean) => message(lang, b ? 'bool.yes' : 'bool.no')
  return [
    ...tables,
    table(
      lang,
      'evaluation',
      [
        'col.indicator',
        'col.group',
        'col.institutions',
        'col.pre',
        'col.post',
        'col.change',
        'col.preTrend',
        'col.did',
        'col.low',
        'col.high',
        'col.preTrendDifference',
      ],
      evaluation.indicators.flatMap((e) => {
        const name = label(lang, 'indicator', e.indicator)
        const row = (group: MessageKey, g: typeof e.treated) => [
          name,
          message(lang, group),
          g.n,
          g.pre,
          g.post,
          g.change,
          g.preTrend,
        ]
        return [
          [...row('group.treated', e.treated), e.did, e.interval.low, e.interval.high, e.preTrendDifference],
          [...row('group.comparison', e.comparison), null, null, null, null],
        ]
      }),
    ),
    table(
      lang,
      'comparison',
      ['col.group', 'col.name', 'col.ror', 'col.inData', 'col.distance', 'col.nearest'],
      [
        ...evaluation.participants.map((p) => [
          message(lang, 'group.treated'),
          p.name,
          p.institution,
          yes(p.inData),
          null,
          null,
        ]),
        ...evaluation.comparison.institutions.map((c) => [
          message(lang, 'group.comparison'),
          c.name,
          c.institution,
          yes(c.inData),
          c.distance ?? null,
          c.nearest ?? null,
        ]),
      ],
    ),
    table(
      lang,
      'series',
      ['col.indicator', 'col.year', 'group.treated', 'group.comparison'],
      evaluation.indicators.flatMap((e) =>
        e.series.map((s) => [label(lang, 'indicator', e.indicator), s.year, s.treated, s.comparison]),
      ),
    ),
  ]
}
