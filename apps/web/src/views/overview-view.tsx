import * as Plot from '@observablehq/plot'
import { api } from '../api/client.js'
import type { Status } from '../api/types.js'
import { Panel } from '../components/panel.js'
import { PlotChart } from '../components/plot-chart.js'
import { StatusView } from '../components/status-view.js'
import { formatNumber, formatPercent, getLang, t } from '../i18n/i18n.js'
import { cliCommand } from '../lib/cli.js'
import { CATEGORICAL } from '../lib/palette.js'
import { navigate, VIEWS } from '../lib/route.js'
import { useFetch } from '../lib/use-fetch.js'

/** Corpus summary, data quality and coverage. */
export function OverviewView(props: { readonly status: Status; readonly policy: string }) {
  const { status, policy } = props
  const quality = useFetch(`quality:${policy}`, () =>
    api.indicator('international-share', { countryPolicy: policy }),
  )
  const without = status.works - status.worksWithCountry
  const tiles: readonly (readonly [string, string, string])[] = [
    ['works', t('overview.works'), formatNumber(status.works)],
    ['with-country', t('overview.withCountry'), formatNumber(status.worksWithCountry)],
    ['without-country', t('overview.withoutCountry'), formatNumber(without)],
    ['international', t('overview.international'), formatNumber(status.internationalWorks)],
    [
      'international-share',
      t('overview.internationalShare'),
      formatPercent(status.worksWithCountry ? status.internationalWorks / status.worksWithCountry : null),
    ],
    ['ingests', t('overview.ingests'), formatNumber(status.data.ingests)],
  ]
  const byYear = status.years.flatMap((y) => [
    { year: y.year, kind: t('overview.international'), works: y.internationalWorks ?? 0 },
    {
      year: y.year,
      kind: t('type.domestic'),
      works: (y.worksWithCountry ?? y.works) - (y.internationalWorks ?? 0),
    },
  ])
  return (
    <div class="view" data-view="overview">
      <h1 class="view-title">{t('overview.title')}</h1>
      <ul class="tiles" aria-label={t('overview.title')}>
        {tiles.map(([key, label, value]) => (
          <li key={key} class="tile" data-tile={key}>
            <span class="tile-label">{label}</span>
            <strong class="tile-value">{value}</strong>
          </li>
        ))}
      </ul>
      <div class="grid">
        <Panel
          id="overview-years"
          title={t('overview.byYear')}
          name="meridian-works-by-year"
          data={{ rows: status.years, columns: ['year', 'works', 'worksWithCountry', 'internationalWorks'] }}
          coverage={null}
        >
          <PlotChart
            label={t('overview.byYear')}
            deps={[status, getLang()]}
            build={(width) =>
              Plot.plot({
                width,
                height: 260,
                marginLeft: 50,
                x: { label: t('col.year'), tickFormat: 'd', interval: 1 },
                y: { label: t('col.works'), grid: true },
                color: { legend: true, range: [CATEGORICAL[0], CATEGORICAL[4]] },
                marks: [
                  Plot.barY(byYear, { x: 'year', y: 'works', fill: 'kind', tip: true }),
                  Plot.ruleY([0]),
                ],
              })
            }
          />
        </Panel>
        <section class="panel" aria-labelledby="quality-title" id="overview-quality">
          <header class="panel-head">
            <h2 id="quality-title">{t('overview.quality')}</h2>
          </header>
          <StatusView loaded={quality}>
            {(result) => {
              const c = result.coverage
              const rows: readonly (readonly [string, string, number, number])[] = [
                ['with-country', t('overview.withCountry'), c.worksWithCountry, c.works],
                ['first', t('overview.first'), c.firstAuthorKnown, c.worksWithCountry],
                ['last', t('overview.last'), c.lastAuthorKnown, c.worksWithCountry],
                [
                  'corresponding',
                  t('overview.corresponding'),
                  c.correspondingAuthorKnown,
                  c.worksWithCountry,
                ],
              ]
              return (
                <table class="quality">
                  <tbody>
                    {rows.map(([key, label, n, of]) => (
                      <tr key={key} data-quality={key}>
                        <th scope="row">{label}</th>
                        <td class="num">
                          {formatNumber(n)} / {formatNumber(of)}
                        </td>
                        <td class="meter-cell">
                          <meter min={0} max={1} value={of ? n / of : 0} aria-label={label} />
                          <span>{formatPercent(of ? n / of : null)}</span>
                        </td>
                      </tr>
                    ))}
                    <tr data-quality="without-year">
                      <th scope="row">{t('overview.withoutYear')}</th>
                      <td class="num">{formatNumber(c.worksWithoutYear)}</td>
                      <td />
                    </tr>
                  </tbody>
                </table>
              )
            }}
          </StatusView>
          <h3>{t('overview.sources')}</h3>
          <table class="sources">
            <thead>
              <tr>
                <th scope="col">{t('overview.source')}</th>
                <th scope="col">{t('overview.format')}</th>
                <th scope="col" class="num">
                  {t('overview.works')}
                </th>
                <th scope="col" class="num">
                  {t('overview.international')}
                </th>
              </tr>
            </thead>
            <tbody>
              {status.sources.map((s) => (
                <tr key={`${s.source}/${s.format}`}>
                  <td>{s.source}</td>
                  <td>{s.format}</td>
                  <td class="num">{formatNumber(s.works)}</td>
                  <td class="num">{formatNumber(s.internationalWorks)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted">
            {t('overview.lastIngest')}: {status.data.lastIngestAt ?? '–'} ·{' '}
            <code>{cliCommand('status', null).replace(' --format csv', '')}</code>
          </p>
          <h3>{t('overview.open')}</h3>
          <div class="view-links">
            {VIEWS.filter((v) => v !== 'overview' && v !== 'programmes').map((view) => (
              <button key={view} type="button" onClick={() => navigate(view)}>
                {t(`nav.${view}`)}
              </button>
            ))}
          </div>
        </section>
      </div>
    </div>
  )
}
