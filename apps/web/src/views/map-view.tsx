import * as Plot from '@observablehq/plot'
import { geoEqualEarth, geoPath } from 'd3-geo'
import { useMemo, useState } from 'preact/hooks'
import { api } from '../api/client.js'
import type { IndicatorResult, Status } from '../api/types.js'
import { PolicySelect, Select } from '../components/controls.js'
import { Panel } from '../components/panel.js'
import { PlotChart } from '../components/plot-chart.js'
import { StatusView } from '../components/status-view.js'
import { countryName, formatNumber, t, tMaybe } from '../i18n/i18n.js'
import { cliCommand } from '../lib/cli.js'
import { COUNTINGS, formatValue, MAP_INDICATORS } from '../lib/indicators.js'
import { SEQUENTIAL } from '../lib/palette.js'
import { navigate, updateParams } from '../lib/route.js'
import { useFetch } from '../lib/use-fetch.js'
import { worldCountries } from '../map/world.js'

/** Equal-interval classes over the values' range: thresholds a reader can state, unlike quantiles of ties. */
const colorOptions = (id: string, values: readonly number[]) =>
  MAP_INDICATORS.find((m) => m.id === id)?.kind === 'share'
    ? { type: 'quantize' as const, n: 5, scheme: SEQUENTIAL, domain: [0, Math.max(1e-9, ...values)] }
    : // Counts are heavily skewed: classes by quantile, so the map is not one colour and two outliers.
      { type: 'quantile' as const, n: 6, scheme: SEQUENTIAL, domain: values }

const WIDTH = 960
const HEIGHT = 470

/** The world map: a choropleth of one country indicator for one year (or all years). */
export function MapView(props: {
  readonly params: Readonly<Record<string, string>>
  readonly status: Status
}) {
  const { params, status } = props
  const years = status.years.map((y) => y.year)
  const id = MAP_INDICATORS.some((m) => m.id === params.indicator) ? params.indicator! : 'international-share'
  const countings = COUNTINGS[id] ?? ['full']
  const counting = countings.includes(params.counting ?? '') ? params.counting! : countings[0]!
  const policy = params.policy ?? 'iso'
  const year = params.year ?? String(years[years.length - 1] ?? '')
  const query = { years: year === 'all' ? '' : year, counting, countryPolicy: policy }
  const loaded = useFetch(JSON.stringify([id, query]), () => api.indicator(id, query))
  const yearIndex = Math.max(0, years.indexOf(Number(year)))

  return (
    <div class="view" data-view="map">
      <div class="toolbar" role="group" aria-label={t('nav.map')}>
        <Select
          id="map-indicator"
          label={t('control.indicator')}
          value={id}
          options={MAP_INDICATORS.map((m) => [m.id, tMaybe(`ind.${m.id}`, m.id)] as const)}
          onChange={(value) => updateParams({ indicator: value, counting: undefined })}
        />
        <label class="control year-slider" for="map-year">
          <span>
            {t('control.year')}:{' '}
            <output data-testid="map-year">{year === 'all' ? t('control.allYears') : year}</output>
          </span>
          <input
            id="map-year"
            type="range"
            min={0}
            max={Math.max(0, years.length - 1)}
            step={1}
            value={yearIndex}
            disabled={year === 'all'}
            aria-valuetext={year}
            onInput={(event) =>
              updateParams({ year: String(years[Number((event.currentTarget as HTMLInputElement).value)]) })
            }
          />
        </label>
        <label class="control checkbox" for="map-all-years">
          <input
            id="map-all-years"
            type="checkbox"
            checked={year === 'all'}
            onChange={(event) =>
              updateParams({
                year: (event.currentTarget as HTMLInputElement).checked
                  ? 'all'
                  : String(years[years.length - 1] ?? ''),
              })
            }
          />
          <span>{t('control.allYears')}</span>
        </label>
        <Select
          id="map-counting"
          label={t('control.counting')}
          value={counting}
          options={countings.map((c) => [c, tMaybe(`counting.${c}`, c)] as const)}
          onChange={(value) => updateParams({ counting: value })}
        />
        <PolicySelect value={policy} onChange={(value) => updateParams({ policy: value })} />
      </div>
      <StatusView loaded={loaded}>
        {(result) => (
          <MapPanel result={result} id={id} period={year === 'all' ? t('control.allYears') : year} />
        )}
      </StatusView>
    </div>
  )
}

function MapPanel(props: { readonly result: IndicatorResult; readonly id: string; readonly period: string }) {
  const { result, id } = props
  const values = useMemo(() => new Map(result.rows.map((row) => [row.country, row.value])), [result])
  const ranked = useMemo(() => [...result.rows].sort((a, b) => b.value - a.value), [result])
  const [hover, setHover] = useState<{ code: string; x: number; y: number } | null>(null)
  const domain = ranked.map((row) => row.value)
  const color = useMemo(
    () => Plot.scale({ color: colorOptions(id, domain) }),
    // The domain is derived from the result.
    [result],
  )
  const features = worldCountries()
  // Shares of tiny denominators mislead: show the works (or international works) beside them.
  const hasWorks =
    result.rows[0] !== undefined && ('works' in result.rows[0] || 'internationalWorks' in result.rows[0])
  const path = useMemo(() => {
    const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], {
      type: 'FeatureCollection',
      features: features as never[],
    })
    return geoPath(projection)
  }, [features])
  const title = t('map.title', { indicator: tMaybe(`ind.${id}`, id), period: props.period })
  const label = (code: string | null) => {
    if (!code) return t('map.noData')
    const value = values.get(code)
    return `${countryName(code)}: ${value === undefined ? t('map.noData') : formatValue(id, value)}`
  }
  return (
    <Panel
      id="map-panel"
      title={title}
      name={`meridian-${id}-map`}
      data={{ rows: result.rows, columns: Object.keys(result.rows[0] ?? { country: '', value: 0 }) }}
      method={result.method}
      coverage={result.coverage}
      cli={cliCommand(`indicators ${id}`, result.method)}
      wide
    >
      <div class="map-layout">
        <div class="map-wrap" onMouseLeave={() => setHover(null)}>
          <svg
            class="chart map"
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            role="group"
            aria-label={title}
            xmlns="http://www.w3.org/2000/svg"
          >
            <rect width={WIDTH} height={HEIGHT} fill="#f4f7fb" />
            {features.map((f, i) => {
              const code = f.properties.code
              const value = code ? values.get(code) : undefined
              return (
                <path
                  key={`${code ?? f.properties.name}-${i}`}
                  d={path(f) ?? ''}
                  fill={value === undefined ? '#e2e2e2' : String(color.apply(value))}
                  stroke="#fff"
                  stroke-width={0.5}
                  data-country={code ?? undefined}
                  tabIndex={value === undefined ? -1 : 0}
                  role={value === undefined ? undefined : 'link'}
                  aria-label={label(code)}
                  onMouseMove={(event) =>
                    code && setHover({ code, x: event.offsetX + 12, y: event.offsetY + 12 })
                  }
                  onFocus={() => code && setHover({ code, x: 16, y: 16 })}
                  onBlur={() => setHover(null)}
                  onClick={() => code && values.has(code) && navigate('country', { code })}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' && code && values.has(code)) navigate('country', { code })
                  }}
                >
                  <title>{label(code)}</title>
                </path>
              )
            })}
          </svg>
          {hover ? (
            <div class="tooltip" role="tooltip" style={{ left: `${hover.x}px`, top: `${hover.y}px` }}>
              {label(hover.code)}
            </div>
          ) : null}
          <div class="legend" aria-label={t('map.legend')}>
            <PlotChart
              label={t('map.legend')}
              deps={[result, id]}
              build={() =>
                Plot.legend({
                  color: colorOptions(id, domain),
                  label: tMaybe(`ind.${id}`, id),
                  tickFormat: (v: number) => formatValue(id, v),
                  width: 420,
                })
              }
            />
            <span class="swatch-none" /> {t('map.noData')}
          </div>
          <p class="hint">
            {t('map.hint')} {t('map.notDrawn')}
          </p>
        </div>
        <div class="ranking" tabIndex={0} aria-label={t('map.table')}>
          <table data-testid="map-table">
            <caption>{t('map.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col.rank')}</th>
                <th scope="col">{t('col.country')}</th>
                <th scope="col" class="num">
                  {t('col.value')}
                </th>
                {hasWorks ? (
                  <th scope="col" class="num">
                    {t('col.works')}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {ranked.map((row, i) => (
                <tr key={row.country} data-country={row.country}>
                  <td>{i + 1}</td>
                  <td>
                    <a href={`#/country?code=${row.country}`}>{countryName(row.country)}</a>
                  </td>
                  <td class="num" data-value={row.value}>
                    {formatValue(id, row.value)}
                  </td>
                  {hasWorks ? (
                    <td class="num">{formatNumber(Number(row.works ?? row.internationalWorks))}</td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Panel>
  )
}
