import * as Plot from '@observablehq/plot'
import type { Params } from '../api/client.js'
import type { ProfileBody } from '../api/types.js'
import { Panel } from '../components/panel.js'
import { PlotChart } from '../components/plot-chart.js'
import { yearLine } from '../components/year-line.js'
import { formatNumber, formatPercent, getLang, t } from '../i18n/i18n.js'
import { CATEGORICAL } from '../lib/palette.js'
import { HighlyCitedPanel, IndustryPanel } from './share-panels.js'

const TYPES = ['singleInstitution', 'domestic', 'international'] as const
const FINER = ['bilateral', 'trilateral', 'quadrilateralPlus'] as const
const ROLES = ['first', 'corresponding', 'last'] as const

/** Where a profile's panels differ between units (countries, institutions). */
export interface ProfileUnit {
  /** Prefix of panel ids and exported file names: `country-US`, `institution-I123`. */
  readonly id: string
  /** The panels' id prefix (`country`, `institution`): ids stay stable whatever the unit. */
  readonly kind: 'country' | 'institution'
  /** A partner's name and link. */
  readonly partnerName: (partner: string, name: string | undefined) => string
  readonly partnerHref: (partner: string) => string
}

/**
 * A profile's panels, each with its method card and exports: output and openness over time, collaboration types,
 * leadership, industry co-publication, highly cited share, partners (and, when the profile has them, their trends).
 */
export function ProfilePanels(props: {
  readonly profile: ProfileBody
  readonly query: Params
  readonly unit: ProfileUnit
}) {
  const { profile, query, unit } = props
  const k = unit.kind
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
  const hasTrends = top.some((p) => p.byYear.length > 0)
  const trend = top.flatMap((p) =>
    p.byYear.map((y) => ({ partner: p.partner, year: y.year, value: y.value })),
  )
  return (
    <>
      <div class="grid">
        <Panel
          id={`${k}-output`}
          title={t('country.output')}
          name={`meridian-${unit.id}-output`}
          data={{ rows: profile.output, columns: ['year', 'value', 'share'] }}
          coverage={profile.coverage}
          methodOf={of('output', true)}
        >
          <PlotChart
            label={t('country.output')}
            deps={[profile, lang]}
            build={(width) =>
              yearLine(profile.output, {
                width,
                y: 'value',
                xLabel: t('col.year'),
                yLabel: t('col.works'),
                color: CATEGORICAL[0],
              })
            }
          />
        </Panel>
        <Panel
          id={`${k}-intl`}
          title={t('country.intl')}
          name={`meridian-${unit.id}-international-share`}
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
              yearLine(profile.internationalShare, {
                width,
                y: 'value',
                xLabel: t('col.year'),
                yLabel: t('col.share'),
                color: CATEGORICAL[5],
                percent: true,
              })
            }
          />
        </Panel>
        <Panel
          id={`${k}-types`}
          title={t('country.types')}
          name={`meridian-${unit.id}-collaboration-types`}
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
          id={`${k}-leadership`}
          title={t('country.leadership')}
          name={`meridian-${unit.id}-leadership`}
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
        <IndustryPanel profile={profile} query={query} unit={unit} />
        <HighlyCitedPanel profile={profile} query={query} unit={unit} />
        <Panel
          id={`${k}-partners`}
          title={t(k === 'country' ? 'country.partners' : 'institution.partners')}
          name={`meridian-${unit.id}-partners`}
          data={{
            rows: top.map(({ partner, works, share }) => ({ partner, works, share })),
            columns: ['partner', 'works', 'share'],
          }}
          coverage={profile.coverage}
          methodOf={of('partners', false)}
        >
          <dl class="diversity" aria-label={t('country.diversity')} data-testid="diversity">
            <div>
              <dt>{t(k === 'country' ? 'country.partnerCount' : 'institution.partnerCount')}</dt>
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
                <th scope="col">{t(k === 'country' ? 'col.partner' : 'col.institution')}</th>
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
                    <a href={unit.partnerHref(p.partner)}>{unit.partnerName(p.partner, p.name)}</a>
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
        {hasTrends ? (
          <Panel
            id={`${k}-trends`}
            title={t('country.trends')}
            name={`meridian-${unit.id}-partner-trends`}
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
        ) : null}
      </div>
    </>
  )
}
