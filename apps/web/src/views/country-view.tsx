import * as Plot from '@observablehq/plot'
import { api } from '../api/client.js'
import type { Params } from '../api/client.js'
import type { Profile, Status } from '../api/types.js'
import { PeriodSelect, PolicySelect, Select, yearsParam } from '../components/controls.js'
import { Panel } from '../components/panel.js'
import { PlotChart } from '../components/plot-chart.js'
import { StatusView } from '../components/status-view.js'
import { countryName, formatNumber, formatPercent, getLang, t } from '../i18n/i18n.js'
import { CATEGORICAL } from '../lib/palette.js'
import { updateParams } from '../lib/route.js'
import { useFetch } from '../lib/use-fetch.js'

const TYPES = ['singleInstitution', 'domestic', 'international'] as const
const FINER = ['bilateral', 'trilateral', 'quadrilateralPlus'] as const
const ROLES = ['first', 'corresponding', 'last'] as const

/** One country: output and openness over time, collaboration types, leadership, partners. */
export function CountryView(props: {
  readonly params: Readonly<Record<string, string>>
  readonly status: Status
}) {
  const { params, status } = props
  const years = status.years.map((y) => y.year)
  const code = (params.code ?? 'CN').toUpperCase()
  const policy = params.policy ?? 'iso'
  const from = params.from ?? ''
  const to = params.to ?? ''
  const query = { years: yearsParam(from, to, years), countryPolicy: policy }
  const countries = useFetch(`countries:${policy}`, () => api.indicator('output', { countryPolicy: policy }))
  const profile = useFetch(JSON.stringify([code, query]), () => api.profile(code, query))
  return (
    <div class="view" data-view="country">
      <div class="toolbar">
        <StatusView loaded={countries}>
          {(result) => (
            <Select
              id="country-code"
              label={t('control.country')}
              value={code}
              options={[...result.rows]
                .sort((a, b) => countryName(a.country).localeCompare(countryName(b.country)))
                .map((row) => [row.country, `${countryName(row.country)} (${row.country})`] as const)}
              onChange={(value) => updateParams({ code: value })}
            />
          )}
        </StatusView>
        <PeriodSelect
          years={years}
          from={from}
          to={to}
          onChange={(f, tt) => updateParams({ from: f, to: tt })}
        />
        <PolicySelect value={policy} onChange={(value) => updateParams({ policy: value })} />
      </div>
      <StatusView loaded={profile}>{(value) => <Profile profile={value} query={query} />}</StatusView>
    </div>
  )
}

function Profile(props: { readonly profile: Profile; readonly query: Params }) {
  const { profile, query } = props
  const lang = getLang()
  const of = (indicator: string, byYear: boolean) => ({ indicator, params: { ...query, byYear } })
  const types = profile.collaborationTypes
  const lead = profile.leadership
  const typeRows = types
    ? [...TYPES, ...FINER].map((key, i) => ({
        key,
        group: i < TYPES.length ? 0 : 1,
        label: t(`type.${key}`),
        works: types[key] ?? 0,
      }))
    : []
  const leadRows = lead
    ? ROLES.map((role) => ({
        role,
        label: t(`role.${role}`),
        rate: lead[`${role}Rate`] ?? null,
        led: lead[`${role}Led`] ?? 0,
        known: lead[`${role}Known`] ?? 0,
        internationalWorks: lead.internationalWorks ?? 0,
      }))
    : []
  const top = profile.partners.top
  const trend = top.flatMap((p) =>
    p.byYear.map((y) => ({ partner: p.partner, year: y.year, value: y.value })),
  )
  return (
    <>
      <h1 class="view-title" data-testid="country-title">
        {t('country.title', { name: countryName(profile.country), code: profile.country })}
      </h1>
      <div class="grid">
        <Panel
          id="country-output"
          title={t('country.output')}
          name={`meridian-${profile.country}-output`}
          data={{ rows: profile.output, columns: ['year', 'value', 'share'] }}
          coverage={profile.coverage}
          methodOf={of('output', true)}
        >
          <PlotChart
            label={t('country.output')}
            deps={[profile, lang]}
            build={(width) =>
              Plot.plot({
                width,
                height: 240,
                marginLeft: 50,
                x: { label: t('col.year'), tickFormat: 'd' },
                y: { label: t('col.works'), grid: true, zero: true },
                marks: [
                  Plot.lineY(profile.output, { x: 'year', y: 'value', stroke: CATEGORICAL[0] }),
                  Plot.dot(profile.output, { x: 'year', y: 'value', fill: CATEGORICAL[0], tip: true }),
                ],
              })
            }
          />
        </Panel>
        <Panel
          id="country-intl"
          title={t('country.intl')}
          name={`meridian-${profile.country}-international-share`}
          data={{
            rows: profile.internationalShare,
            columns: ['year', 'works', 'internationalWorks', 'value'],
          }}
          coverage={profile.coverage}
          methodOf={of('international-share', true)}
        >
          <PlotChart
            label={t('country.intl')}
            deps={[profile, lang]}
            build={(width) =>
              Plot.plot({
                width,
                height: 240,
                marginLeft: 50,
                x: { label: t('col.year'), tickFormat: 'd' },
                y: { label: t('col.share'), grid: true, percent: true, zero: true },
                marks: [
                  Plot.lineY(profile.internationalShare, { x: 'year', y: 'value', stroke: CATEGORICAL[5] }),
                  Plot.dot(profile.internationalShare, {
                    x: 'year',
                    y: 'value',
                    fill: CATEGORICAL[5],
                    tip: true,
                  }),
                ],
              })
            }
          />
        </Panel>
        <Panel
          id="country-types"
          title={t('country.types')}
          name={`meridian-${profile.country}-collaboration-types`}
          data={{ rows: typeRows, columns: ['key', 'works'] }}
          coverage={profile.coverage}
          methodOf={of('collaboration-types', false)}
        >
          <PlotChart
            label={t('country.types')}
            deps={[profile, lang]}
            build={(width) =>
              Plot.plot({
                width,
                height: 230,
                marginLeft: 190,
                marginRight: 50,
                x: { label: t('col.works'), grid: true },
                y: { label: null, domain: typeRows.map((r) => r.label) },
                color: { range: [CATEGORICAL[0], CATEGORICAL[1]] },
                marks: [
                  Plot.barX(typeRows, {
                    y: 'label',
                    x: 'works',
                    fill: (d: { group: number }) => d.group,
                    tip: true,
                  }),
                  Plot.text(typeRows, {
                    y: 'label',
                    x: 'works',
                    text: (d: { works: number }) => formatNumber(d.works),
                    dx: 4,
                    textAnchor: 'start',
                  }),
                ],
              })
            }
          />
        </Panel>
        <Panel
          id="country-leadership"
          title={t('country.leadership')}
          name={`meridian-${profile.country}-leadership`}
          data={{ rows: leadRows, columns: ['role', 'rate', 'led', 'known', 'internationalWorks'] }}
          coverage={profile.coverage}
          methodOf={of('leadership', false)}
        >
          <table class="leadership" data-testid="leadership-table">
            <thead>
              <tr>
                <th scope="col">{t('country.role')}</th>
                <th scope="col" class="num">
                  {t('country.rate')}
                </th>
                <th scope="col" class="num">
                  {t('country.led')}
                </th>
                <th scope="col">{t('country.known')}</th>
              </tr>
            </thead>
            <tbody>
              {leadRows.map((row) => (
                <tr key={row.role} data-role={row.role}>
                  <th scope="row">{row.label}</th>
                  <td class="num" data-value={row.rate ?? ''}>
                    {formatPercent(row.rate)}
                  </td>
                  <td class="num">{formatNumber(row.led)}</td>
                  <td class="meter-cell">
                    <meter
                      min={0}
                      max={1}
                      value={row.internationalWorks ? row.known / row.internationalWorks : 0}
                      aria-label={`${t('country.known')}: ${row.label}`}
                    />
                    <span>
                      {formatNumber(row.known)} / {formatNumber(row.internationalWorks)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <PlotChart
            label={t('country.leadership')}
            deps={[profile, lang]}
            build={(width) =>
              Plot.plot({
                width,
                height: 130,
                marginLeft: 130,
                x: { label: t('country.rate'), domain: [0, 1], tickFormat: '.0%', grid: true },
                y: { label: null },
                marks: [
                  Plot.barX(leadRows, { y: 'label', x: 'rate', fill: CATEGORICAL[2], tip: true }),
                  Plot.ruleX([0.5], { stroke: '#555', strokeDasharray: '3,3' }),
                ],
              })
            }
          />
        </Panel>
        <Panel
          id="country-partners"
          title={t('country.partners')}
          name={`meridian-${profile.country}-partners`}
          data={{
            rows: top.map(({ partner, works, share }) => ({ partner, works, share })),
            columns: ['partner', 'works', 'share'],
          }}
          coverage={profile.coverage}
          methodOf={of('partners', false)}
        >
          <dl class="diversity" aria-label={t('country.diversity')} data-testid="diversity">
            <div>
              <dt>{t('country.partnerCount')}</dt>
              <dd data-value={profile.partners.partners}>{formatNumber(profile.partners.partners)}</dd>
            </div>
            <div>
              <dt>{t('col.herfindahl')}</dt>
              <dd>{formatNumber(profile.partners.herfindahl, 4)}</dd>
            </div>
            <div>
              <dt>{t('col.shannon')}</dt>
              <dd>{formatNumber(profile.partners.shannon, 3)}</dd>
            </div>
          </dl>
          <table class="partners" data-testid="partners-table">
            <thead>
              <tr>
                <th scope="col">{t('col.partner')}</th>
                <th scope="col" class="num">
                  {t('col.copublications')}
                </th>
                <th scope="col" class="num">
                  {t('col.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {top.map((p) => (
                <tr key={p.partner} data-partner={p.partner}>
                  <td>
                    <a href={`#/country?code=${p.partner}`}>{countryName(p.partner)}</a>
                  </td>
                  <td class="num" data-value={p.works}>
                    {formatNumber(p.works)}
                  </td>
                  <td class="num">{formatPercent(p.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
        <Panel
          id="country-trends"
          title={t('country.trends')}
          name={`meridian-${profile.country}-partner-trends`}
          data={{ rows: trend, columns: ['partner', 'year', 'value'] }}
          coverage={profile.coverage}
          methodOf={of('bilateral-matrix', true)}
        >
          <PlotChart
            label={t('country.trends')}
            deps={[profile, lang]}
            build={(width) =>
              Plot.plot({
                width,
                height: 260,
                marginLeft: 50,
                x: { label: t('col.year'), tickFormat: 'd' },
                y: { label: t('col.copublications'), grid: true, zero: true },
                color: {
                  legend: true,
                  domain: top.slice(0, 8).map((p) => p.partner),
                  range: [...CATEGORICAL],
                },
                marks: [
                  Plot.lineY(
                    trend.filter((d) => top.slice(0, 8).some((p) => p.partner === d.partner)),
                    { x: 'year', y: 'value', stroke: 'partner', tip: true },
                  ),
                ],
              })
            }
          />
        </Panel>
      </div>
    </>
  )
}
