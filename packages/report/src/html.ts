import type { KpiView } from '@meridian/steer'
import { cellText, escape, formatNumber } from './format.js'
import { label, message, type Lang, type MessageKey } from './messages.js'
import type { ReportData } from './report-data.js'
import { lineChart } from './svg.js'
import { kpiName, reportTables, type ReportTable } from './tables.js'

const CSS = `body{font-family:"Noto Sans","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;font-size:11px;color:#222;margin:24px}
h1{font-size:20px}h2{font-size:15px;border-bottom:1px solid #ccc}table{border-collapse:collapse;margin:6px 0 12px}
th,td{border:1px solid #ccc;padding:2px 5px;text-align:left}td.n{text-align:right}tr.late td{background:#fde2e2;font-weight:bold}
.status-on-track{color:#1b7a2f}.status-at-risk{color:#a86b00}.status-off-track{color:#b3261e}.card{border:1px solid #ddd;padding:6px;margin:6px 0}
section.page{break-before:page}@media print{body{margin:0}section.page{break-before:page}}@page{size:A4;margin:14mm}`

const t = (lang: Lang, key: MessageKey, values?: Record<string, string | number>) =>
  escape(message(lang, key, values))

function htmlTable(table: ReportTable): string {
  const head = table.columns.map((c) => `<th>${escape(c)}</th>`).join('')
  const body = table.rows
    .map(
      (row) =>
        `<tr>${row.map((c) => `<td${typeof c === 'number' ? ' class="n"' : ''}>${escape(cellText(c))}</td>`).join('')}</tr>`,
    )
    .join('')
  return `<table data-table="${table.key}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`
}

const dl = (rows: readonly [string, string][]) =>
  `<table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${escape(v)}</td></tr>`).join('')}</table>`

/**
 * Late, as the dashboard shows it: marked late, or past its due date (on the day the report was made) while
 * planned or in progress.
 */
function overdue(m: { readonly status: string; readonly dueDate: string }, generatedAt: string): boolean {
  return (
    m.status === 'late' ||
    ((m.status === 'planned' || m.status === 'in-progress') && m.dueDate < generatedAt.slice(0, 10))
  )
}

function summary(data: ReportData, lang: Lang): string {
  const p = data.programme
  const none = message(lang, 'summary.none')
  const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : none)
  const counts = new Map<string, number>()
  for (const k of data.kpis) counts.set(k.status, (counts.get(k.status) ?? 0) + 1)
  const late = p.milestones.filter((m) => overdue(m, data.generatedAt)).length
  const rows: [string, string][] = [
    [t(lang, 'summary.kind'), label(lang, 'kind', p.kind)],
    [t(lang, 'summary.status'), label(lang, 'programmeStatus', p.status)],
    [t(lang, 'summary.countries'), list(p.countries)],
    [t(lang, 'summary.partners'), list(p.partnerCountries)],
    [t(lang, 'summary.period'), `${p.startDate ?? '…'} – ${p.endDate ?? '…'}`],
    [t(lang, 'summary.themes'), list(p.themes)],
    [t(lang, 'summary.instruments'), list(p.instrumentTypes)],
    [t(lang, 'summary.entities'), list(p.entities.map((e) => `${e.name} (${label(lang, 'role', e.role)})`))],
    [
      t(lang, 'summary.budget'),
      p.budget.length
        ? p.budget
            .map(
              (b) => `${b.year}: ${formatNumber(b.planned)} / ${formatNumber(b.actual)} ${p.currency ?? ''}`,
            )
            .join('; ')
        : none,
    ],
    [
      t(lang, 'summary.kpiStatus'),
      counts.size ? [...counts].map(([s, n]) => `${label(lang, 'status', s)} ${n}`).join(', ') : none,
    ],
    [t(lang, 'summary.lateMilestones'), String(late)],
  ]
  for (const e of data.evaluation?.indicators ?? [])
    rows.push([
      `${t(lang, 'summary.did')}: ${escape(label(lang, 'indicator', e.indicator))}`,
      `${formatNumber(e.did)} [${formatNumber(e.interval.low)}, ${formatNumber(e.interval.high)}]`,
    ])
  const synthetic = p.synthetic ? `<p><strong>${t(lang, 'report.synthetic')}</strong></p>` : ''
  return `<section><h1>${t(lang, 'report.title')}: ${escape(p.title)}</h1><p>${t(lang, 'report.generated', { at: data.generatedAt })}</p>${synthetic}<h2>${t(lang, 'section.summary')}</h2>${dl(rows)}</section>`
}

function kpiChart(lang: Lang, k: KpiView): string {
  const points = k.history.map((h, i) => [i + 1, h.value] as const)
  const expected = k.history.map((h, i) => [i + 1, h.expected] as const)
  return lineChart([
    { label: message(lang, 'col.actual'), points },
    { label: message(lang, 'col.expected'), points: expected, dash: true },
  ])
}

function methodCard(lang: Lang, k: KpiView): string {
  const m = k.method
  const period = m.years ? `${m.years.from}-${m.years.to}` : message(lang, 'period.all')
  const c = k.coverage
  const coverage = c
    ? message(lang, 'coverage.works', {
        works: c.works,
        withCountry: c.worksWithCountry,
        withoutCountry: c.worksWithoutCountry,
      })
    : message(lang, 'status.no-data')
  const definition = lang === 'en' ? `<p>${escape(m.definition)}</p>` : ''
  // A formula in words (the milestone KPIs') is in the catalogue; the engine's are symbols.
  const formula = label(lang, 'formula', k.indicator)
  return `<div class="card"><h3>${escape(kpiName(lang, k))}</h3>${definition}${dl([
    [t(lang, 'col.counting'), label(lang, 'counting', m.counting)],
    [t(lang, 'col.countryPolicy'), label(lang, 'policy', m.countryPolicy)],
    [t(lang, 'col.period'), period],
    [t(lang, 'col.coverage'), coverage],
    [t(lang, 'col.formula'), formula === k.indicator ? m.formula : formula],
  ])}${lang === 'en' ? `<p><em>${t(lang, 'kpi.rule')}:</em> ${escape(k.statusRule)}</p>` : ''}</div>`
}

function evaluationSection(data: ReportData, lang: Lang, tables: ReportTable[]): string {
  const e = data.evaluation
  if (!e) return `<p>${t(lang, 'evaluation.none')}</p>`
  const find = (key: ReportTable['key']) => tables.find((x) => x.key === key)
  const charts = e.indicators
    .map(
      (i) =>
        `<h3>${escape(label(lang, 'indicator', i.indicator))}: ${t(lang, 'evaluation.chart')}</h3>` +
        lineChart(
          [
            {
              label: message(lang, 'group.treated'),
              points: i.series.map((s) => [s.year, s.treated] as const),
            },
            {
              label: message(lang, 'group.comparison'),
              points: i.series.map((s) => [s.year, s.comparison] as const),
            },
          ],
          { x: e.post.from, label: message(lang, 'evaluation.start') },
        ),
    )
    .join('')
  const mode =
    e.comparison.mode === 'matched'
      ? `<p>${t(lang, 'evaluation.matched', { k: e.comparison.k ?? 0 })} ${t(lang, 'evaluation.distance')}: ${escape(e.comparison.distance ?? '')}</p>`
      : `<p>${t(lang, 'evaluation.given')}</p>`
  const assumptions = e.assumptions
    .map((a) => `<li>${t(lang, `assumption.${a.key}` as MessageKey)}</li>`)
    .join('')
  const fmt = (r: { from: number; to: number }) => `${r.from}-${r.to}`
  return [
    `<p>${t(lang, 'evaluation.periods', { pre: fmt(e.pre), post: fmt(e.post) })}</p>`,
    mode,
    htmlOf(find('evaluation')),
    `<p>${t(lang, 'evaluation.bootstrap', { resamples: e.bootstrap.resamples, seed: e.bootstrap.seed })}</p>`,
    charts,
    htmlOf(find('comparison')),
    `<h3>${t(lang, 'evaluation.assumptions')}</h3><ul>${assumptions}</ul>`,
  ].join('')
}

const htmlOf = (table: ReportTable | undefined) => (table ? htmlTable(table) : '')

/**
 * The report as one self-contained HTML document: inline CSS and SVG, no script, a page break before each
 * section when printed (summary, KPIs, milestones, evaluation, method cards with data version: five pages for
 * a small programme). Every label comes from the catalogue in `lang`.
 */
export function renderHtml(data: ReportData, lang: Lang): string {
  const tables = reportTables(data, lang)
  const find = (key: ReportTable['key']) => tables.find((x) => x.key === key)
  const kpis = data.kpis.length
    ? htmlOf(find('kpis')) +
      data.kpis
        .map((k) => `<h3>${escape(kpiName(lang, k))}: ${t(lang, 'kpi.history')}</h3>${kpiChart(lang, k)}`)
        .join('')
    : `<p>${t(lang, 'kpi.none')}</p>`
  // Body rows are the programme's milestones in order (the header row has no <td>).
  let index = 0
  const milestones = data.programme.milestones.length
    ? htmlOf(find('milestones')).replace(/<tr>((?:(?!<\/tr>).)*)<\/tr>/g, (row: string, inner: string) => {
        if (!inner.includes('<td')) return row
        const m = data.programme.milestones[index++]
        return m && overdue(m, data.generatedAt) ? `<tr class="late">${inner}</tr>` : row
      })
    : `<p>${t(lang, 'milestone.none')}</p>`
  const dv = (data.dataVersion ?? {}) as Record<string, unknown>
  const version = dl([
    [t(lang, 'data.works'), String(dv.works ?? '—')],
    [t(lang, 'data.revision'), String(dv.revision ?? '—')],
    [t(lang, 'data.lastIngest'), String(dv.lastIngestAt ?? '—')],
    [t(lang, 'data.registry'), dv.registry ? JSON.stringify(dv.registry) : '—'],
    [t(lang, 'data.synthetic'), message(lang, dv.synthetic ? 'bool.yes' : 'bool.no')],
  ])
  const section = (key: MessageKey, body: string) =>
    `<section class="page"><h2>${t(lang, key)}</h2>${body}</section>`
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${t(lang, 'report.title')}: ${escape(data.programme.title)}</title><style>${CSS}</style></head><body>${summary(data, lang)}${htmlOf(find('entities'))}${section('section.kpis', kpis)}${section('section.milestones', milestones)}${section('section.evaluation', evaluationSection(data, lang, tables))}${section('section.methods', data.kpis.map((k) => methodCard(lang, k)).join('') + `<h2>${t(lang, 'section.data')}</h2>${version}`)}</body></html>`
}
