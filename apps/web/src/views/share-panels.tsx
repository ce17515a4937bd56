import * as Plot from '@observablehq/plot'
import type { Params } from '../api/client.js'
import type { ProfileBody, ProfileRow } from '../api/types.js'
import { Panel } from '../components/panel.js'
import { PlotChart } from '../components/plot-chart.js'
import { formatNumber, formatPercent, getLang, t } from '../i18n/i18n.js'
import { CATEGORICAL } from '../lib/palette.js'
import type { ProfileUnit } from './profile-panels.js'

const num = (row: ProfileRow | null, key: string): number | null => {
  const value = row?.[key]
  return typeof value === 'number' ? value : null
}

/** A share with its 95 % stability interval, when it has one. */
function ShareCell(props: {
  readonly value: number | null
  readonly low?: number | null
  readonly high?: number | null
}) {
  return (
    <td class="num" data-value={props.value ?? ''}>
      {formatPercent(props.value)}
      {props.low !== undefined && props.low !== null && props.high !== undefined && props.high !== null ? (
        <span class="interval" title={t('profile.interval')}>
          {' '}
          [{formatPercent(props.low)}–{formatPercent(props.high)}]
        </span>
      ) : null}
    </td>
  )
}

interface ShareRow {
  readonly key: string
  readonly label: string
  readonly share: number | null
  readonly low: number | null
  readonly high: number | null
  readonly works: number | null
  readonly of: number | null
}

/** Horizontal bars of shares with their intervals, and an optional dashed reference line. */
function sharesChart(rows: readonly ShareRow[], width: number, reference: number | null, colour: string) {
  const drawn = rows.filter((r) => r.share !== null)
  return Plot.plot({
    width,
    height: 40 + 36 * rows.length,
    marginLeft: 170,
    marginRight: 20,
    x: { label: t('col.share'), percent: true, grid: true, zero: true },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      Plot.barX(drawn, { y: 'label', x: 'share', fill: colour, tip: true }),
      Plot.ruleY(
        drawn.filter((r) => r.low !== null && r.high !== null),
        { y: 'label', x1: 'low', x2: 'high', stroke: '#222', strokeWidth: 2 },
      ),
      ...(reference === null ? [] : [Plot.ruleX([reference], { stroke: '#555', strokeDasharray: '3,3' })]),
    ],
  })
}

function SharesTable(props: { readonly testid: string; readonly rows: readonly ShareRow[] }) {
  return (
    <table class="shares" data-testid={props.testid}>
      <thead>
        <tr>
          <th scope="col">{t('col.indicator')}</th>
          <th scope="col" class="num">
            {t('col.share')}
          </th>
          <th scope="col" class="num">
            {t('col.works')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key} data-share={row.key}>
            <th scope="row">{row.label}</th>
            <ShareCell value={row.share} low={row.low} high={row.high} />
            <td class="num">
              {formatNumber(row.works, 1)}
              {row.of === null ? null : ` / ${formatNumber(row.of, 1)}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Industry and academia-industry co-publication shares (the industry indicator). */
export function IndustryPanel(props: {
  readonly profile: ProfileBody
  readonly query: Params
  readonly unit: ProfileUnit
}) {
  const { profile, unit } = props
  const lang = getLang()
  const row = profile.industry
  const works = num(row, 'works')
  const rows: ShareRow[] = row
    ? [
        {
          key: 'industry',
          label: t('profile.industryShare'),
          share: num(row, 'value'),
          low: num(row, 'valueLow'),
          high: num(row, 'valueHigh'),
          works: num(row, 'industryWorks'),
          of: works,
        },
        {
          key: 'academiaIndustry',
          label: t('profile.academiaIndustryShare'),
          share: num(row, 'academiaIndustry'),
          low: null,
          high: null,
          works: num(row, 'academiaIndustryWorks'),
          of: works,
        },
      ]
    : []
  return (
    <Panel
      id={`${unit.kind}-industry`}
      title={t('profile.industry')}
      name={`meridian-${unit.id}-industry`}
      data={{ rows, columns: ['key', 'share', 'low', 'high', 'works', 'of'] }}
      coverage={profile.coverage}
      methodOf={{ indicator: 'industry', params: { ...props.query, byYear: false } }}
    >
      {row ? (
        <>
          <SharesTable testid="industry-table" rows={rows} />
          <PlotChart
            label={t('profile.industry')}
            deps={[profile, lang]}
            build={(width) => sharesChart(rows, width, null, CATEGORICAL[3])}
          />
        </>
      ) : (
        <p class="muted">{t('empty')}</p>
      )}
    </Panel>
  )
}

/** The share of works among the top 10 % most cited of their field and year (the highly-cited indicator). */
export function HighlyCitedPanel(props: {
  readonly profile: ProfileBody
  readonly query: Params
  readonly unit: ProfileUnit
}) {
  const { profile, unit } = props
  const lang = getLang()
  const row = profile.highlyCited
  const top = num(row, 'topWorks')
  const rows: ShareRow[] = row
    ? [
        {
          key: 'top10',
          label: t('profile.topShare'),
          share: num(row, 'value'),
          low: num(row, 'valueLow'),
          high: num(row, 'valueHigh'),
          works: top,
          of: num(row, 'citedWorks'),
        },
        {
          key: 'internationalTop',
          label: t('profile.internationalTopShare'),
          share: num(row, 'internationalTopShare'),
          low: null,
          high: null,
          works: null,
          of: null,
        },
      ]
    : []
  return (
    <Panel
      id={`${unit.kind}-highly-cited`}
      title={t('profile.highlyCited')}
      name={`meridian-${unit.id}-highly-cited`}
      data={{ rows, columns: ['key', 'share', 'low', 'high', 'works', 'of'] }}
      coverage={profile.coverage}
      methodOf={{ indicator: 'highly-cited', params: { ...props.query, byYear: false, top: 10 } }}
    >
      {row ? (
        <>
          <SharesTable testid="highly-cited-table" rows={rows} />
          <PlotChart
            label={t('profile.highlyCited')}
            deps={[profile, lang]}
            build={(width) => sharesChart(rows.slice(0, 1), width, 0.1, CATEGORICAL[2])}
          />
          <p class="muted">{t('profile.expected')}</p>
        </>
      ) : (
        <p class="muted">{t('empty')}</p>
      )}
    </Panel>
  )
}
