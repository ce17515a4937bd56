import type { ComponentChildren } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { api } from '../api/client.js'
import {
  INSTITUTION_TYPES,
  type ExpertiseProfile,
  type ExpertisePartner,
  type ExpertKind,
  type PartnerSuggestions,
  type TopicShare,
  type Trend,
} from '../api/connect-types.js'
import { Panel } from '../components/panel.js'
import { Select } from '../components/controls.js'
import { StatusView } from '../components/status-view.js'
import { countryName, formatNumber, formatPercent, getLang, t, tMaybe, useLang } from '../i18n/i18n.js'
import type { MessageKey } from '../i18n/messages.js'
import { shellArgs } from '../lib/cli.js'
import { toHash, updateParams } from '../lib/route.js'
import { useFetch, type Loaded } from '../lib/use-fetch.js'
import { EgoNetwork } from './ego-network.js'

/** Rows a profile list shows. */
const TOP = 12
/** Suggestions asked for. */
const SUGGESTED = 10
const HORIZON = 3
/** Types a suggested partner may be filtered to (archives and funders are rarely co-authors). */
const PARTNER_TYPES = INSTITUTION_TYPES.filter((type) => type !== 'archive' && type !== 'funder')

/** A method card for CONNECT's answers: labelled rows (values are the server's, in English) and the CLI line. */
export function ConnectMethod(props: {
  readonly summary: string
  readonly rows: readonly (readonly [MessageKey, string])[]
  readonly cli: string
}) {
  return (
    <details class="method-card">
      <summary>
        {t('method.title')}: <span translate={false}>{props.summary}</span>
      </summary>
      <MethodRows rows={props.rows} cli={props.cli} />
    </details>
  )
}

/** A method's labelled rows (the server's values, in English) and the CLI command that reproduces it. */
function MethodRows(props: {
  readonly rows: readonly (readonly [MessageKey, string])[]
  readonly cli: string
}) {
  return (
    <dl>
      {props.rows.map(([label, value], i) => (
        <div key={i} class="method-row">
          <dt>{t(label)}</dt>
          <dd translate={false}>{value}</dd>
        </div>
      ))}
      <dt>{t('method.cli')}</dt>
      <dd>
        <pre class="cli">
          <code>{props.cli}</code>
        </pre>
      </dd>
    </dl>
  )
}

const unitLabel = (level: ExpertKind, id: string, name: string | null) =>
  level === 'country' ? countryName(id) : (name ?? id)

/** A unit's expertise profile, ego network and suggested partners. */
export function UnitExpertise(props: {
  readonly level: ExpertKind
  readonly unit: string
  readonly years: string
  readonly params: Readonly<Record<string, string>>
}) {
  const { level, unit, years, params } = props
  const profile = useFetch(JSON.stringify(['expertise', level, unit, years]), () =>
    api.expertise(level, { unit, years }),
  )
  // Suggestions are asked for once the profile is here: a level's first suggestions build its yearly networks
  // and model (long on a large store), and the profile must not wait behind them.
  return (
    <StatusView loaded={profile}>
      {(p) => <ProfileBody profile={p} years={years} params={params} />}
    </StatusView>
  )
}

function ProfileBody(props: {
  readonly profile: ExpertiseProfile
  readonly years: string
  readonly params: Readonly<Record<string, string>>
}) {
  const { profile: p, years, params } = props
  const level = p.level
  const unit = params.unit ?? p.unit
  const lang = useLang()
  const pcountry = level === 'author' ? '' : (params.pcountry ?? '')
  const ptype = level === 'institution' ? (params.ptype ?? '') : ''
  const suggestionQuery = {
    unit,
    horizon: HORIZON,
    limit: SUGGESTED,
    countries: pcountry,
    types: ptype,
    lang,
  }
  const suggestions = useFetch(JSON.stringify(['partners', level, suggestionQuery]), () =>
    api.partners(level, suggestionQuery),
  )
  return (
    <>
      <Heading profile={p} />
      <div class="grid">
        <Panel
          id="connect-ego"
          title={t('connect.ego')}
          name={`meridian-partners-${level}`}
          data={{
            rows: partnersOf(p).map((x) => ({ partner: x.id, name: x.name, works: x.works, share: x.share })),
          }}
          coverage={null}
        >
          <EgoNetwork
            centre={unitLabel(level, p.unit, p.name)}
            partners={partnersOf(p)
              .slice(0, TOP)
              .map((x) => ({ id: x.id, label: partnerLabel(p.level, x), works: x.works }))}
            suggested={
              suggestions.state === 'done'
                ? suggestions.value.rows.slice(0, 5).map((s) => ({ id: s.partner, label: s.label }))
                : []
            }
          />
        </Panel>
        <Suggestions loaded={suggestions} level={level} unit={unit} pcountry={pcountry} ptype={ptype} />
        <Topics profile={p} years={years} />
        <Partners profile={p} years={years} />
        <Production profile={p} years={years} />
      </div>
    </>
  )
}

/** Partners at the level of the ego network: countries for a country, institutions otherwise. */
const partnersOf = (p: ExpertiseProfile): readonly ExpertisePartner[] =>
  p.level === 'country' ? p.partners.countries : p.partners.institutions

const partnerLabel = (level: ExpertKind, x: ExpertisePartner) => unitLabel(level, x.id, x.name)

function Heading(props: { readonly profile: ExpertiseProfile }) {
  const { profile } = props
  // The OBSERVE profile of the same unit (researchers have none).
  const full =
    profile.level === 'institution'
      ? toHash({ view: 'institution', params: { id: profile.unit } })
      : profile.level === 'country'
        ? toHash({ view: 'country', params: { code: profile.unit } })
        : null
  return (
    <header class="unit-head">
      <h1
        class="view-title"
        data-testid="expertise-title"
        translate={profile.level === 'country' ? undefined : false}
      >
        {unitLabel(profile.level, profile.unit, profile.name)}
      </h1>
      <p class="muted" data-testid="expertise-meta">
        {t(`connect.level.${profile.level}`)}
        {' · '}
        {t('connect.works', { works: profile.production.works })}
        {profile.level === 'institution' && profile.unit.startsWith('https://ror.org/') ? (
          <>
            {' · '}
            <a href={profile.unit} rel="noreferrer" target="_blank" translate={false}>
              ROR {profile.unit.replace('https://ror.org/', '')}
            </a>
          </>
        ) : null}
        {full ? (
          <>
            {' · '}
            <a href={full}>{t('connect.fullProfile')}</a>
          </>
        ) : null}
      </p>
      {profile.keyBasis === 'name' ? (
        <p class="note" data-testid="key-basis">
          {t('connect.keyBasis.name', { others: profile.sameName.length })}
        </p>
      ) : null}
    </header>
  )
}

/** Share change in percentage points, or works then and now. */
function shareTrend(trend: Trend) {
  if (trend.change === null) return <span class="muted">–</span>
  const points = trend.change * 100
  const arrow = points > 0.05 ? '▲' : points < -0.05 ? '▼' : '＝'
  return (
    <span class={points > 0.05 ? 'up' : points < -0.05 ? 'down' : 'muted'}>
      {arrow} {t('connect.points', { points: formatNumber(Math.round(points * 10) / 10, 1) })}
    </span>
  )
}

function countTrend(trend: Trend) {
  if (trend.recent === null || trend.previous === null) return <span class="muted">–</span>
  return (
    <span class={trend.recent > trend.previous ? 'up' : trend.recent < trend.previous ? 'down' : 'muted'}>
      {formatNumber(trend.previous)} → {formatNumber(trend.recent)}
    </span>
  )
}

const windows = (p: ExpertiseProfile) =>
  p.method.trendWindows
    ? t('connect.windows', {
        previous: `${p.method.trendWindows.previous.from}–${p.method.trendWindows.previous.to}`,
        recent: `${p.method.trendWindows.recent.from}–${p.method.trendWindows.recent.to}`,
      })
    : ''

const profileCli = (p: ExpertiseProfile, years: string) =>
  shellArgs([
    'meridian',
    'profile',
    '--level',
    p.level,
    '--unit',
    p.unit,
    ...(years ? ['--years', years] : []),
  ])

const profileMethodRows = (p: ExpertiseProfile): readonly (readonly [MessageKey, string])[] => [
  ['method.counting', p.method.counting],
  ['method.policy', p.method.countryPolicy],
  ['method.period', p.method.years ? `${p.method.years.from}–${p.method.years.to}` : t('control.allYears')],
  ['connect.m.trend', p.method.trend],
  ['method.coverage', `${p.method.coverage.worksWithField} / ${p.method.coverage.works} works with a field`],
  ...Object.entries(p.method.indicators).map(
    ([part, indicator]) => ['connect.m.indicator', `${part}: ${indicator}`] as const,
  ),
]

/** One row of a share table: a name (text or link), works, share of the unit's works, and a trend. */
interface ShareRow {
  readonly key: string
  readonly name: ComponentChildren
  readonly works: number
  readonly share: number
  readonly trend: ComponentChildren
}

/** Fields, keywords or partners: works, share and trend per row, stacked on narrow screens. */
function ShareTable(props: {
  readonly rows: readonly ShareRow[]
  readonly testid: string
  readonly head: string
  readonly worksHead: string
  readonly caption?: string
}) {
  const columns = {
    name: props.head,
    works: props.worksHead,
    share: t('connect.col.share'),
    trend: t('connect.col.trend'),
  }
  return (
    <table class="stack shares-table" data-testid={props.testid}>
      {props.caption ? <caption>{props.caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{columns.name}</th>
          <th scope="col" class="num">
            {columns.works}
          </th>
          <th scope="col" class="num">
            {columns.share}
          </th>
          <th scope="col">{columns.trend}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.slice(0, TOP).map((row) => (
          <tr key={row.key} data-key={row.key}>
            <td data-label={columns.name}>{row.name}</td>
            <td class="num" data-label={columns.works} data-value={row.works}>
              <span>{formatNumber(row.works)}</span>
            </td>
            <td class="num" data-label={columns.share} data-value={row.share}>
              <span>{formatPercent(row.share)}</span>
            </td>
            <td data-label={columns.trend}>{row.trend}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const topicRows = (rows: readonly TopicShare[]): readonly ShareRow[] =>
  rows.map((row) => ({
    key: row.name,
    name: <span translate={false}>{row.name}</span>,
    works: row.works,
    share: row.share,
    trend: shareTrend(row.trend),
  }))

function Topics(props: { readonly profile: ExpertiseProfile; readonly years: string }) {
  const { profile: p } = props
  return (
    <Panel
      id="connect-topics"
      title={t('connect.topics')}
      name={`meridian-expertise-${p.level}-fields`}
      data={{
        rows: [...p.fields, ...p.keywords].map((r) => ({
          name: r.name,
          works: r.works,
          share: r.share,
          change: r.trend.change,
        })),
      }}
      coverage={null}
    >
      <p class="muted small">{windows(p)}</p>
      <ShareTable
        rows={topicRows(p.fields)}
        testid="expertise-fields"
        head={t('connect.col.field')}
        worksHead={t('col.works')}
      />
      {p.keywords.length > 0 ? (
        <ShareTable
          rows={topicRows(p.keywords)}
          testid="expertise-keywords"
          head={t('connect.col.keyword')}
          worksHead={t('col.works')}
        />
      ) : null}
      {p.terms.length > 0 ? (
        <p class="terms" data-testid="expertise-terms" aria-label={t('connect.terms')}>
          {p.terms.slice(0, 20).map((term) => (
            <span class="term" key={term.term} translate={false}>
              {term.term}
            </span>
          ))}
        </p>
      ) : null}
      <ConnectMethod summary={p.method.topics} rows={profileMethodRows(p)} cli={profileCli(p, props.years)} />
    </Panel>
  )
}

function Partners(props: { readonly profile: ExpertiseProfile; readonly years: string }) {
  const { profile: p } = props
  const lists = [
    ['countries', p.partners.countries],
    ['institutions', p.partners.institutions],
  ] as const
  return (
    <Panel
      id="connect-partners"
      title={t('connect.partners')}
      name={`meridian-expertise-${p.level}-partners`}
      data={{
        rows: lists.flatMap(([list, rows]) =>
          rows.map((r) => ({
            list,
            partner: r.id,
            name: r.name,
            works: r.works,
            share: r.share,
            recent: r.trend.recent,
            previous: r.trend.previous,
          })),
        ),
      }}
      coverage={null}
    >
      <p class="muted small">{windows(p)}</p>
      {lists.map(([list, rows]) =>
        rows.length === 0 ? null : (
          <ShareTable
            key={list}
            caption={t(`connect.partners.${list}`)}
            testid={`expertise-partners-${list}`}
            head={t('connect.col.partner')}
            worksHead={t('connect.col.together')}
            rows={rows.map((r) => ({
              key: r.id,
              name:
                list === 'countries' ? (
                  <span>{countryName(r.id)}</span>
                ) : (
                  <PartnerLink id={r.id} name={r.name} />
                ),
              works: r.works,
              share: r.share,
              trend: countTrend(r.trend),
            }))}
          />
        ),
      )}
      <ConnectMethod
        summary={p.method.counting}
        rows={profileMethodRows(p)}
        cli={profileCli(p, props.years)}
      />
    </Panel>
  )
}

function PartnerLink(props: { readonly id: string; readonly name: string | null }) {
  return (
    <a
      href={toHash({ view: 'partners', params: { level: 'institution', unit: props.id } })}
      translate={false}
      onClick={(event) => {
        event.preventDefault()
        updateParams({ level: 'institution', unit: props.id, pcountry: undefined, ptype: undefined })
      }}
    >
      {props.name ?? props.id}
    </a>
  )
}

function Production(props: { readonly profile: ExpertiseProfile; readonly years: string }) {
  const { profile: p } = props
  const prod = p.production
  const items: readonly (readonly [MessageKey, string, string])[] = [
    ['connect.prod.works', 'works', formatNumber(prod.works)],
    ['connect.prod.fractional', 'fractional', formatNumber(prod.fractionalWorks, 1)],
    ['connect.prod.cpp', 'cpp', formatNumber(prod.citationsPerWork, 2)],
    ['connect.prod.mncs', 'mncs', formatNumber(prod.mncs, 2)],
    ['connect.prod.highlyCited', 'highly-cited', formatPercent(prod.highlyCitedShare)],
    ['connect.prod.industry', 'industry', formatPercent(prod.industryShare)],
    ...(p.level === 'author'
      ? ([
          ['connect.prod.first', 'first', formatNumber(prod.firstAuthorWorks)],
          ['connect.prod.corresponding', 'corresponding', formatNumber(prod.correspondingWorks)],
        ] as const)
      : []),
  ]
  return (
    <Panel
      id="connect-production"
      title={t('connect.production')}
      name={`meridian-expertise-${p.level}-output`}
      data={{ rows: prod.byYear, columns: ['year', 'full', 'fractional'] }}
      coverage={null}
    >
      <dl class="figures" data-testid="expertise-production">
        {items.map(([label, key, value]) => (
          <div key={key} data-figure={key}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <ConnectMethod
        summary={p.method.counting}
        rows={profileMethodRows(p)}
        cli={profileCli(p, props.years)}
      />
    </Panel>
  )
}

/** The model's probability of a first joint work, as a percentage; the API rounds it to four decimals. */
function chance(score: number): string {
  const percent = (v: number) =>
    new Intl.NumberFormat(getLang() === 'zh' ? 'zh-CN' : 'en-GB', {
      style: 'percent',
      maximumFractionDigits: 2,
    }).format(v)
  return score >= 0.9999 ? `≥ ${percent(0.9999)}` : score < 0.0001 ? `< ${percent(0.0001)}` : percent(score)
}

/** Suggested new partners with their reasons, the unit's own backtest line and the level's backtest table. */
function Suggestions(props: {
  readonly loaded: Loaded<PartnerSuggestions>
  readonly level: ExpertKind
  readonly unit: string
  readonly pcountry: string
  readonly ptype: string
}) {
  const { level, unit } = props
  const [country, setCountry] = useState(props.pcountry)
  useEffect(() => setCountry(props.pcountry), [props.pcountry])
  const lang = getLang()
  return (
    <section class="panel wide" id="connect-suggestions" aria-labelledby="connect-suggestions-title">
      <header class="panel-head">
        <h2 id="connect-suggestions-title">{t('connect.suggestions', { years: HORIZON })}</h2>
      </header>
      {level !== 'author' ? (
        <form
          class="toolbar"
          onSubmit={(event) => {
            event.preventDefault()
            updateParams({ pcountry: country.trim().toUpperCase() })
          }}
        >
          <label class="control" for="suggest-country">
            <span>{t('connect.partnerCountry')}</span>
            <input
              id="suggest-country"
              type="search"
              value={country}
              autocomplete="off"
              placeholder="DE,FR"
              size={8}
              onInput={(e) => setCountry((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          {level === 'institution' ? (
            <Select
              id="suggest-type"
              label={t('connect.partnerType')}
              value={props.ptype}
              options={[
                ['', t('connect.anyType')] as const,
                ...PARTNER_TYPES.map((k) => [k, tMaybe(`itype.${k}`, k)] as const),
              ]}
              onChange={(value) => updateParams({ ptype: value })}
            />
          ) : null}
          <button type="submit">{t('connect.apply')}</button>
        </form>
      ) : null}
      {props.loaded.state === 'loading' ? (
        <p class="muted small" data-testid="suggestions-wait">
          {t('connect.suggestionsWait')}
        </p>
      ) : null}
      <StatusView loaded={props.loaded}>
        {(s) => (
          <>
            <p class="backtest-line" data-testid="backtest-line" translate={false}>
              {s.backtest.text}
            </p>
            {s.rows.length === 0 ? (
              <p class="muted">{t('connect.suggestionsNone')}</p>
            ) : (
              <>
                <p class="muted small">
                  {t('connect.candidates', { shown: s.rows.length, candidates: s.candidates })}
                </p>
                <ol class="suggestions" data-testid="suggestions">
                  {s.rows.map((row) => (
                    <li key={row.partner} data-partner={row.partner}>
                      <div class="suggestion-head">
                        {level === 'author' ? (
                          <strong translate={false}>{row.label}</strong>
                        ) : (
                          <a
                            href={toHash({ view: 'partners', params: { level, unit: row.partner } })}
                            translate={level === 'country' ? undefined : false}
                            onClick={(event) => {
                              event.preventDefault()
                              updateParams({
                                level,
                                unit: row.partner,
                                pcountry: undefined,
                                ptype: undefined,
                              })
                            }}
                          >
                            {level === 'country' ? countryName(row.partner) : row.label}
                          </a>
                        )}
                        <span class="muted" data-score={row.score}>
                          {t('connect.score', { score: chance(row.score) })}
                        </span>
                      </div>
                      <ul class="reasons">
                        {row.reasons.map((reason, i) => (
                          <li key={i} data-reason={reason.kind} translate={false}>
                            {reason.text}
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ol>
              </>
            )}
            <details class="method-card" data-testid="backtest-card">
              <summary>
                {t('connect.backtest', { from: String(s.backtest.from), to: String(s.backtest.to) })}
              </summary>
              <table class="backtest" data-testid="backtest-table">
                <thead>
                  <tr>
                    <th scope="col">{t('connect.col.model')}</th>
                    <th scope="col" class="num">
                      {t('connect.col.auc')}
                    </th>
                    <th scope="col" class="num">
                      {t('connect.col.precision')}
                    </th>
                    <th scope="col" class="num">
                      {t('connect.col.recall')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.backtest.rows.map((row) => (
                    <tr key={row.model} data-model={row.model}>
                      <td translate={false}>{row.model}</td>
                      <td class="num" data-value={row.auc}>
                        {formatNumber(row.auc, 3)}
                      </td>
                      <td class="num" data-value={row.precisionAt20}>
                        {formatNumber(row.precisionAt20, 3)}
                      </td>
                      <td class="num" data-value={row.recallAt20}>
                        {formatNumber(row.recallAt20, 3)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <MethodRows
                rows={[
                  ['connect.m.source', s.method.source],
                  ['method.period', s.method.period],
                  ['connect.m.candidates', s.method.candidates],
                  ['connect.m.score', s.method.score],
                  [
                    'connect.m.weights',
                    Object.entries(s.method.weights)
                      .map(([k, w]) => `${k} ${w}`)
                      .join(', '),
                  ],
                ]}
                cli={[
                  shellArgs([
                    'meridian',
                    'recommend',
                    'partners',
                    '--level',
                    level,
                    '--unit',
                    unit,
                    '--horizon',
                    String(HORIZON),
                    '--limit',
                    String(SUGGESTED),
                    ...(props.pcountry ? ['--country', props.pcountry] : []),
                    ...(props.ptype ? ['--type', props.ptype] : []),
                    ...(lang === 'zh' ? ['--lang', 'zh'] : []),
                  ]),
                  shellArgs([
                    'meridian',
                    'recommend',
                    'backtest',
                    '--level',
                    level,
                    '--train-end',
                    String(s.backtest.from - 1),
                    '--horizon',
                    String(HORIZON),
                    '--max-askers',
                    '60',
                  ]),
                ].join('\n')}
              />
            </details>
          </>
        )}
      </StatusView>
    </section>
  )
}
