import * as Plot from '@observablehq/plot'
import { useState } from 'preact/hooks'
import { steerApi } from '../api/steer-client.js'
import type { Kpi } from '../api/steer-types.js'
import { PlotChart } from '../components/plot-chart.js'
import { formatNumber, t, tMaybe, useLang } from '../i18n/i18n.js'
import { Notice, useSubmit } from '../workspace/form.js'
import { formatDateTime } from '../workspace/format.js'
import { dataVersionText, formatDate, indicatorName, kpiValue, scopeText } from './format.js'
import { plainMarks } from './chart.js'
import { KpiForm } from './kpi-form.js'
import { Section } from './section.js'
import { SteerError } from './steer-error.js'

/** The actual's history as a sparkline, with the baseline (grey) and the target (dashed) as rules. */
function Sparkline(props: { readonly kpi: Kpi }) {
  const { kpi } = props
  const lang = useLang()
  const points = kpi.history
    .filter((h) => h.value !== null)
    .map((h, i) => ({ i: i + 1, value: h.value as number, at: h.computedAt }))
  if (points.length === 0) return <p class="muted sparkline-none">{t('steer.noHistory')}</p>
  return (
    <PlotChart
      label={t('steer.sparklineLabel', { n: points.length })}
      deps={[kpi, lang]}
      build={() =>
        plainMarks(
          Plot.plot({
            width: 220,
            height: 56,
            margin: 6,
            marginLeft: 6,
            x: { axis: null, domain: [0.5, points.length + 0.5] },
            y: { axis: null, nice: false },
            marks: [
              kpi.baseline.value === null ? null : Plot.ruleY([kpi.baseline.value], { stroke: '#9aa3ad' }),
              Plot.ruleY([kpi.target.value], { stroke: '#2e7d32', strokeDasharray: '3,3' }),
              Plot.line(points, { x: 'i', y: 'value', stroke: '#0b5cad', strokeWidth: 2 }),
              Plot.dot(points, {
                x: 'i',
                y: 'value',
                r: 3,
                fill: '#0b5cad',
                title: (d: (typeof points)[number]) => `${formatDateTime(d.at)}: ${kpiValue(kpi, d.value)}`,
              }),
            ],
          }),
        )
      }
    />
  )
}

/** The KPI's method in one line: indicator, counting, country policy, period, data version, coverage. */
function MethodLine(props: { readonly kpi: Kpi }) {
  const { kpi } = props
  const { method, coverage } = kpi
  const period = method.years
    ? method.years.from === method.years.to
      ? String(method.years.from)
      : `${method.years.from}–${method.years.to}`
    : t('control.allYears')
  return (
    <dl class="kpi-method" data-testid="kpi-method">
      <dt>{t('col.indicator')}</dt>
      <dd>{indicatorName(kpi.indicator)}</dd>
      <dt>{t('method.counting')}</dt>
      <dd>{tMaybe(`counting.${method.counting}`, method.counting)}</dd>
      <dt>{t('method.policy')}</dt>
      <dd>{tMaybe(`policy.${method.countryPolicy}`, method.countryPolicy)}</dd>
      <dt>{t('method.period')}</dt>
      <dd>{period}</dd>
      <dt>{t('steer.dataVersion')}</dt>
      <dd data-testid="kpi-data-version">{dataVersionText(kpi.dataVersion)}</dd>
      <dt>{t('method.coverage')}</dt>
      <dd>
        {coverage
          ? t('steer.coverageText', {
              withCountry: formatNumber(coverage.worksWithCountry),
              works: formatNumber(coverage.works),
            })
          : '–'}
      </dd>
    </dl>
  )
}

/** One KPI: traffic light, actual against baseline and target, sparkline, method and status rule. */
function KpiCard(props: { readonly kpi: Kpi }) {
  const { kpi } = props
  return (
    <article
      class={`kpi-card status-${kpi.status}`}
      data-kpi={kpi.id}
      data-status={kpi.status}
      aria-labelledby={`kpi-${kpi.id}-title`}
    >
      <header class="kpi-head">
        <span class={`light ${kpi.status}`} aria-hidden="true" />
        <div>
          <h3 id={`kpi-${kpi.id}-title`}>{indicatorName(kpi.indicator)}</h3>
          <p
            class="muted kpi-scope"
            translate={kpi.scope.kind === 'country' || kpi.scope.kind === 'country-pair' ? undefined : false}
          >
            {scopeText(kpi.scope)}
          </p>
        </div>
        <span class={`badge kpi-status ${kpi.status}`} data-testid="kpi-status">
          {t(`steer.kpi.${kpi.status}`)}
        </span>
      </header>
      <div class="kpi-figures">
        <div class="kpi-actual">
          <span class="tile-label">{t('steer.actual')}</span>
          <span class="tile-value" data-testid="kpi-actual" data-value={kpi.actual ?? ''}>
            {kpiValue(kpi, kpi.actual)}
          </span>
        </div>
        <Sparkline kpi={kpi} />
      </div>
      <dl class="kpi-targets">
        <div>
          <dt>{t('steer.baseline')}</dt>
          <dd>
            {kpiValue(kpi, kpi.baseline.value)}{' '}
            <span class="muted">
              ({kpi.baseline.period},{' '}
              {t(`steer.baselineSource.${kpi.baseline.source === 'entered' ? 'entered' : 'computed'}`)})
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('steer.expected')}</dt>
          <dd>{kpiValue(kpi, kpi.expected)}</dd>
        </div>
        <div>
          <dt>{t('steer.target')}</dt>
          <dd>
            {kpiValue(kpi, kpi.target.value)} <span class="muted">({formatDate(kpi.target.date)})</span>
          </dd>
        </div>
        <div>
          <dt>{t('steer.owner')}</dt>
          <dd translate={false}>{kpi.owner}</dd>
        </div>
      </dl>
      <MethodLine kpi={kpi} />
      <details class="status-rule">
        <summary>{t('steer.statusRule')}</summary>
        <p>{t('steer.statusRuleText')}</p>
        <p class="muted">
          {kpi.computedAt ? t('steer.computedAt', { at: formatDateTime(kpi.computedAt) }) : null}
        </p>
      </details>
    </article>
  )
}

/** The KPI board: a card per KPI; programme managers refresh the actuals and add KPIs. */
export function KpiBoard(props: {
  readonly programmeId: number
  readonly kpis: readonly Kpi[]
  readonly manage: boolean
  readonly partners: readonly string[]
  readonly onChanged: () => void
}) {
  const submit = useSubmit()
  const [done, setDone] = useState<{ refreshed: number; unchanged: number } | null>(null)
  return (
    <Section id="programme-kpis" title={t('steer.kpis')} wide>
      {props.manage ? (
        <div class="form-actions kpi-actions">
          <button
            type="button"
            class="primary"
            data-testid="refresh-kpis"
            disabled={submit.busy || props.kpis.length === 0}
            onClick={() =>
              void submit.run(async () => {
                setDone(null)
                setDone(await steerApi.refreshKpis(props.programmeId))
                props.onChanged()
              })
            }
          >
            {t('steer.refresh')}
          </button>
        </div>
      ) : null}
      <SteerError error={submit.error} />
      {done ? (
        <Notice>{t('steer.refreshed', { refreshed: done.refreshed, unchanged: done.unchanged })}</Notice>
      ) : null}
      {props.kpis.length === 0 ? (
        <p class="muted">{t('steer.noKpis')}</p>
      ) : (
        <div class="kpi-board" data-testid="kpi-board">
          {props.kpis.map((kpi) => (
            <KpiCard key={kpi.id} kpi={kpi} />
          ))}
        </div>
      )}
      {props.manage ? (
        <KpiForm programmeId={props.programmeId} partners={props.partners} onAdded={props.onChanged} />
      ) : null}
    </Section>
  )
}
