import * as Plot from '@observablehq/plot'
import { useState } from 'preact/hooks'
import { api } from '../api/client.js'
import type { MatrixResult, Status } from '../api/types.js'
import { PeriodPolicyParams, Select, yearsParam } from '../components/controls.js'
import { Panel } from '../components/panel.js'
import { PlotChart } from '../components/plot-chart.js'
import { yearLine } from '../components/year-line.js'
import { StatusView } from '../components/status-view.js'
import { countryName, formatNumber, formatPercent, getLang, t, tMaybe } from '../i18n/i18n.js'
import { cliCommand } from '../lib/cli.js'
import { CATEGORICAL, SEQUENTIAL } from '../lib/palette.js'
import { updateParams } from '../lib/route.js'
import { useFetch } from '../lib/use-fetch.js'

export const NORMALIZATIONS = ['counts', 'salton', 'jaccard', 'association', 'fractional'] as const
const DEFAULT_COUNTRIES = 'CN,US,GB,DE,JP,FR,IN'
/** Which author leads a work in the pair's leadership balance. */
export const LEAD_ROLES = ['corresponding', 'first', 'last'] as const

/** The bilateral matrix of a chosen set of countries, and one pair over time. */
export function BilateralView(props: {
  readonly params: Readonly<Record<string, string>>
  readonly status: Status
}) {
  const { params, status } = props
  const years = status.years.map((y) => y.year)
  const countries = (params.countries ?? DEFAULT_COUNTRIES).split(',').filter((c) => /^[A-Z]{2}$/.test(c))
  const normalization = (NORMALIZATIONS as readonly string[]).includes(params.norm ?? '')
    ? params.norm!
    : 'counts'
  const policy = params.policy ?? 'iso'
  const role = (LEAD_ROLES as readonly string[]).includes(params.role ?? '') ? params.role! : 'corresponding'
  const from = params.from ?? ''
  const to = params.to ?? ''
  const query = {
    countries: countries.join(','),
    years: yearsParam(from, to, years),
    countryPolicy: policy,
    normalization,
  }
  const matrix = useFetch(JSON.stringify(query), () => api.matrix(query))
  const all = useFetch(`countries:${policy}`, () => api.indicator('output', { countryPolicy: policy }))
  const [adding, setAdding] = useState('')
  const pair = (params.pair ?? `${countries[0] ?? 'CN'}-${countries[1] ?? 'US'}`).split('-')
  const setCountries = (list: readonly string[]) => updateParams({ countries: list.join(',') })
  return (
    <div class="view" data-view="bilateral">
      <div class="toolbar">
        <fieldset class="control chips">
          <legend>{t('control.countries')}</legend>
          {countries.map((c) => (
            <button
              key={c}
              type="button"
              class="chip"
              aria-label={t('bilateral.remove', { code: countryName(c) })}
              onClick={() => setCountries(countries.filter((x) => x !== c))}
            >
              {c} ×
            </button>
          ))}
          <StatusView loaded={all}>
            {(result) => (
              <span class="add">
                <Select
                  id="bilateral-add"
                  label={t('bilateral.add')}
                  value={adding}
                  options={[
                    ['', '—'] as const,
                    ...result.rows
                      .filter((row) => !countries.includes(row.country))
                      .map((row) => [row.country, `${countryName(row.country)} (${row.country})`] as const),
                  ]}
                  onChange={(value) => {
                    setAdding('')
                    if (value) setCountries([...countries, value])
                  }}
                />
              </span>
            )}
          </StatusView>
        </fieldset>
        <Select
          id="bilateral-norm"
          label={t('control.normalization')}
          value={normalization}
          options={NORMALIZATIONS.map((n) => [n, t(`norm.${n}`)] as const)}
          onChange={(value) => updateParams({ norm: value })}
        />
        <PeriodPolicyParams years={years} from={from} to={to} policy={policy} />
      </div>
      <div class="grid">
        <StatusView loaded={matrix}>
          {(result) => (
            <Heatmap
              result={result}
              normalization={normalization}
              onPair={(a, b) => updateParams({ pair: `${a}-${b}` })}
            />
          )}
        </StatusView>
        <PairView
          a={pair[0] ?? 'CN'}
          b={pair[1] ?? 'US'}
          countries={countries}
          years={years}
          from={from}
          to={to}
          policy={policy}
          role={role}
        />
      </div>
    </div>
  )
}

function Heatmap(props: {
  readonly result: MatrixResult
  readonly normalization: string
  readonly onPair: (a: string, b: string) => void
}) {
  const { result, normalization } = props
  const format = (v: number | null) => (normalization === 'counts' ? formatNumber(v) : formatNumber(v, 3))
  const title = t('bilateral.title', { normalization: t(`norm.${normalization}` as 'norm.counts') })
  const offDiagonal = result.cells.flatMap((c) =>
    c.country !== c.partner && c.value !== null ? [c.value] : [],
  )
  return (
    <Panel
      id="bilateral-matrix"
      title={title}
      name={`meridian-matrix-${normalization}`}
      data={{ rows: result.cells, columns: ['country', 'partner', 'value'] }}
      method={result.method}
      coverage={result.coverage}
      cli={cliCommand('indicators bilateral-matrix', result.method)}
      extra={[[t('method.normalization'), `${result.normalization.id}: ${result.normalization.formula}`]]}
    >
      <PlotChart
        label={title}
        deps={[result, getLang()]}
        build={(width) =>
          Plot.plot({
            width: Math.min(width, 120 + result.countries.length * 70),
            height: 80 + result.countries.length * 44,
            marginLeft: 60,
            marginTop: 40,
            padding: 0.05,
            x: { axis: 'top', label: null, domain: result.countries },
            y: { label: null, domain: result.countries },
            color: {
              type: 'linear',
              scheme: SEQUENTIAL,
              domain: [0, Math.max(...offDiagonal, 1e-9)],
              legend: true,
              label: tMaybe(`norm.${normalization}`, normalization),
              clamp: true,
            },
            marks: [
              Plot.cell(
                result.cells.filter((c) => c.country !== c.partner),
                { x: 'partner', y: 'country', fill: 'value', tip: true },
              ),
              Plot.text(result.cells, {
                x: 'partner',
                y: 'country',
                text: (d: { value: number | null }) => format(d.value),
                fill: (d: { country: string; partner: string }) =>
                  d.country === d.partner ? '#333' : 'currentColor',
                monospace: true,
                fontSize: 11,
              }),
            ],
          })
        }
      />
      <table class="visually-hidden-table matrix-table" data-testid="matrix-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {result.countries.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.countries.map((row) => (
            <tr key={row}>
              <th scope="row">{row}</th>
              {result.countries.map((col) => {
                const cell = result.cells.find((c) => c.country === row && c.partner === col)
                return (
                  <td key={col} data-cell={`${row}-${col}`} data-value={cell?.value ?? ''}>
                    <button type="button" class="link" onClick={() => props.onPair(row, col)}>
                      {cell ? format(cell.value) : '–'}
                    </button>
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  )
}

function PairView(props: {
  readonly a: string
  readonly b: string
  readonly countries: readonly string[]
  readonly years: readonly number[]
  readonly from: string
  readonly to: string
  readonly policy: string
  readonly role: string
}) {
  const { a, b, policy } = props
  const first = Number(props.from || props.years[Math.max(0, props.years.length - 10)] || 0)
  const last = Number(props.to || props.years[props.years.length - 1] || 0)
  const span = props.years.filter((y) => y >= first && y <= last)
  const key = JSON.stringify([a, b, span, policy])
  const loaded = useFetch(key, async () => {
    const answers = await Promise.all(
      span.map((year) =>
        api.matrix({
          countries: `${a},${b}`,
          years: String(year),
          countryPolicy: policy,
          normalization: 'counts',
        }),
      ),
    )
    return {
      rows: answers.map((m, i) => ({
        year: span[i]!,
        copublications: m.cells.find((c) => c.country === a && c.partner === b)?.value ?? 0,
        [a]: m.cells.find((c) => c.country === a && c.partner === a)?.value ?? 0,
        [b]: m.cells.find((c) => c.country === b && c.partner === b)?.value ?? 0,
      })),
      method: answers[0]?.method ?? null,
      coverage: answers[0]?.coverage ?? null,
    }
  })
  const title = t('bilateral.pair', { a: countryName(a), b: countryName(b) })
  const options = props.countries.map((c) => [c, `${countryName(c)} (${c})`] as const)
  return (
    <div class="pair">
      <div class="toolbar">
        <Select
          id="pair-a"
          label={t('control.pair')}
          value={a}
          options={options}
          onChange={(v) => updateParams({ pair: `${v}-${b}` })}
        />
        <Select
          id="pair-b"
          label="×"
          value={b}
          options={options}
          onChange={(v) => updateParams({ pair: `${a}-${v}` })}
        />
        <Select
          id="pair-role"
          label={t('bilateral.role')}
          value={props.role}
          options={LEAD_ROLES.map((r) => [r, t(`role.${r}`)] as const)}
          onChange={(v) => updateParams({ role: v })}
        />
      </div>
      <StatusView loaded={loaded}>
        {(pair) => (
          <Panel
            id="bilateral-pair"
            title={title}
            name={`meridian-pair-${a}-${b}`}
            data={{ rows: pair.rows, columns: ['year', 'copublications', a, b] }}
            method={pair.method ? { ...pair.method, years: { from: first, to: last } } : null}
            coverage={pair.coverage}
            cli={cliCommand(
              'indicators bilateral-matrix',
              pair.method ? { ...pair.method, years: { from: first, to: last }, byYear: true } : null,
            )}
          >
            <PlotChart
              label={title}
              deps={[pair, getLang()]}
              build={(width) =>
                yearLine(pair.rows, {
                  width,
                  y: 'copublications',
                  xLabel: t('col.year'),
                  yLabel: t('col.copublications'),
                  color: CATEGORICAL[0],
                })
              }
            />
            <table class="pair-table" data-testid="pair-table">
              <thead>
                <tr>
                  <th scope="col">{t('col.year')}</th>
                  <th scope="col" class="num">
                    {t('col.copublications')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {pair.rows.map((row) => (
                  <tr key={row.year} data-year={row.year}>
                    <td>{row.year}</td>
                    <td class="num" data-value={row.copublications}>
                      {formatNumber(row.copublications)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
        )}
      </StatusView>
      <BalancePanel a={a} b={b} first={first} last={last} policy={policy} role={props.role} />
    </div>
  )
}

/** A year of the pair's leadership balance, as `pair-leadership` answers it for the row `a`–`b`. */
interface BalanceRow {
  readonly year: number
  readonly works: number
  readonly known: number
  readonly led: number
  readonly partnerLed: number
  readonly value: number | null
}

/** The leadership balance of `a` and `b` by year: one `pair-leadership` request for the whole period. */
function BalancePanel(props: {
  readonly a: string
  readonly b: string
  readonly first: number
  readonly last: number
  readonly policy: string
  readonly role: string
}) {
  const { a, b, first, last, policy, role } = props
  const query = {
    byYear: true,
    countryPolicy: policy,
    role,
    years: first && last ? (first === last ? String(first) : `${first}-${last}`) : '',
  }
  const loaded = useFetch(JSON.stringify(query), () => api.indicator('pair-leadership', query))
  const title = t('bilateral.balance', { a: countryName(a), b: countryName(b) })
  return (
    <StatusView loaded={loaded}>
      {(result) => {
        const byYear = new Map(
          result.rows
            .filter((r) => r.country === a && r.partner === b && typeof r.year === 'number')
            .map((r) => [r.year!, r]),
        )
        const rows: BalanceRow[] = []
        for (let year = first; year <= last && year > 0; year++) {
          const r = byYear.get(year)
          rows.push({
            year,
            works: Number(r?.works ?? 0),
            known: Number(r?.known ?? 0),
            led: Number(r?.led ?? 0),
            partnerLed: Number(r?.partnerLed ?? 0),
            value: r && typeof r.value === 'number' ? r.value : null,
          })
        }
        const drawn = rows.filter((r) => r.value !== null)
        const csvRows = rows.map((r) => ({ country: a, partner: b, role, ...r }))
        return (
          <Panel
            id="bilateral-balance"
            title={title}
            name={`meridian-pair-leadership-${a}-${b}-${role}`}
            data={{
              rows: csvRows,
              columns: ['country', 'partner', 'role', 'year', 'works', 'known', 'led', 'partnerLed', 'value'],
            }}
            method={result.method}
            coverage={result.coverage}
            cli={cliCommand('indicators pair-leadership', result.method)}
            extra={[[t('bilateral.role'), `${role}: ${t(`role.${role}` as 'role.first')}`]]}
          >
            <PlotChart
              label={title}
              deps={[result, a, b, first, last, getLang()]}
              build={(width) =>
                Plot.plot({
                  width,
                  height: 260,
                  marginLeft: 50,
                  marginTop: 28,
                  x: {
                    type: 'band',
                    label: t('col.year'),
                    domain: rows.map((r) => r.year),
                    padding: 0.25,
                    tickFormat: 'd',
                  },
                  y: { label: t('bilateral.balanceAxis', { a, b }), domain: [-1, 1], grid: true },
                  marks: [
                    Plot.barY(drawn, {
                      x: 'year',
                      y: 'value',
                      fill: (d: BalanceRow) => ((d.value ?? 0) >= 0 ? CATEGORICAL[0] : CATEGORICAL[1]),
                      title: (d: BalanceRow) =>
                        `${d.year}: ${formatNumber(d.value)}\n${t('bilateral.led', { code: a })}: ${formatNumber(d.led)}\n${t('bilateral.led', { code: b })}: ${formatNumber(d.partnerLed)}\n${t('bilateral.known')}: ${formatNumber(d.known)} / ${formatNumber(d.works)}`,
                    }),
                    Plot.ruleY([0], { stroke: 'currentColor' }),
                    Plot.text(rows, {
                      x: 'year',
                      frameAnchor: 'top',
                      dy: -12,
                      text: (d: BalanceRow) => `${formatNumber(d.known)}/${formatNumber(d.works)}`,
                      fontSize: 10,
                      fill: '#555',
                    }),
                  ],
                })
              }
            />
            <p class="muted note">{t('bilateral.balanceNote', { a, b })}</p>
            <table class="pair-table balance-table" data-testid="balance-table" data-role={role}>
              <thead>
                <tr>
                  <th scope="col">{t('col.year')}</th>
                  <th scope="col" class="num">
                    {t('col.balance')}
                  </th>
                  <th scope="col" class="num">
                    {t('bilateral.led', { code: a })}
                  </th>
                  <th scope="col" class="num">
                    {t('bilateral.led', { code: b })}
                  </th>
                  <th scope="col">{t('bilateral.known')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.year} data-year={row.year}>
                    <td>{row.year}</td>
                    <td class="num" data-value={row.value ?? ''}>
                      {formatNumber(row.value)}
                    </td>
                    <td class="num">{formatNumber(row.led)}</td>
                    <td class="num">{formatNumber(row.partnerLed)}</td>
                    <td class="meter-cell">
                      <meter
                        min={0}
                        max={1}
                        value={row.works ? row.known / row.works : 0}
                        aria-label={`${t('bilateral.known')}: ${row.year}`}
                      />
                      <span title={formatPercent(row.works ? row.known / row.works : null)}>
                        {formatNumber(row.known)} / {formatNumber(row.works)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
        )
      }}
    </StatusView>
  )
}
