import { useMemo, useState } from 'preact/hooks'
import { ApiError } from '../api/client.js'
import { steerApi } from '../api/steer-client.js'
import {
  PROGRAMME_KINDS,
  PROGRAMME_STATUSES,
  type Programme,
  type ProgrammeSummary,
} from '../api/steer-types.js'
import type { Me } from '../api/workspace-types.js'
import { StatusView } from '../components/status-view.js'
import { countryName, formatNumber, t } from '../i18n/i18n.js'
import { navigate, toHash, updateParams } from '../lib/route.js'
import { facet, filterProgrammes, filtersOf, type ProgrammeFilters } from '../steer/model.js'
import { canManage, countryList, formatPeriod } from '../steer/format.js'
import { ProgrammeForm } from '../steer/programme-form.js'
import { SteerPage, SyntheticBadge } from '../steer/steer-page.js'
import { useLatest } from '../workspace/use-latest.js'

/** Programmes loaded in full for the theme and instrument filters (beyond it, those filters are left out). */
const DETAILS_LIMIT = 200

/** STEER's programme list: filters in the URL hash, and (programme managers) the form to register one. */
export function ProgrammesView(props: { readonly params: Readonly<Record<string, string>> }) {
  return (
    <section class="view steer" data-view="programmes" aria-labelledby="programmes-title">
      <h1 class="view-title" id="programmes-title">
        {t('steer.programmes')}
      </h1>
      <SteerPage next="programmes">{(me) => <Programmes me={me} params={props.params} />}</SteerPage>
    </section>
  )
}

async function loadAll(): Promise<{ list: readonly ProgrammeSummary[]; details: Map<number, Programme> }> {
  const list = await steerApi.programmes()
  const details = new Map<number, Programme>()
  if (list.length <= DETAILS_LIMIT)
    for (const p of await Promise.all(list.map((s) => steerApi.programme(s.id)))) details.set(p.id, p)
  return { list, details }
}

function Programmes(props: { readonly me: Me; readonly params: Readonly<Record<string, string>> }) {
  const [version, setVersion] = useState(0)
  const loaded = useLatest(`programmes:${version}`, loadAll)
  const filters = filtersOf(props.params)
  if (loaded.state === 'error' && loaded.error instanceof ApiError && loaded.error.code === 'NOT_FOUND')
    return <p data-testid="no-registry">{t('steer.noRegistry')}</p>
  return (
    <>
      {canManage(props.me, null) ? (
        <ProgrammeForm
          onCreated={(programme) => {
            setVersion((v) => v + 1)
            navigate('programme', { id: String(programme.id) })
          }}
        />
      ) : null}
      <StatusView loaded={loaded}>
        {({ list, details }) => <ProgrammeList list={list} details={details} filters={filters} />}
      </StatusView>
    </>
  )
}

function ProgrammeList(props: {
  readonly list: readonly ProgrammeSummary[]
  readonly details: ReadonlyMap<number, Programme>
  readonly filters: ProgrammeFilters
}) {
  const { list, details, filters } = props
  const shown = useMemo(() => filterProgrammes(list, details, filters), [list, details, filters])
  const themes = facet(details.values(), (p) => p.themes)
  const instruments = facet(details.values(), (p) => p.instrumentTypes)
  const countries = [...new Set(list.flatMap((p) => [...p.countries, ...p.partnerCountries]))].sort((a, b) =>
    countryName(a).localeCompare(countryName(b)),
  )
  const any = ['', t('steer.any')] as const
  const select = (
    key: keyof ProgrammeFilters,
    label: string,
    options: readonly (readonly [string, string])[],
    data = false,
  ) => (
    <label class="control" for={`filter-${key}`}>
      <span>{label}</span>
      <select
        id={`filter-${key}`}
        value={filters[key]}
        onChange={(event) => updateParams({ [key]: (event.currentTarget as HTMLSelectElement).value })}
      >
        {[any, ...options].map(([value, text]) => (
          <option key={value} value={value} translate={data && value !== '' ? false : undefined}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )
  const columns = {
    title: t('steer.col.programme'),
    kind: t('steer.col.kind'),
    status: t('col.status'),
    countries: t('steer.col.countries'),
    partners: t('steer.col.partners'),
    period: t('steer.col.period'),
  }
  return (
    <>
      <form
        class="toolbar filters"
        role="search"
        aria-label={t('steer.filters')}
        data-testid="programme-filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <label class="control" for="filter-q">
          <span>{t('steer.search')}</span>
          <input
            id="filter-q"
            type="search"
            value={filters.q}
            onInput={(event) => updateParams({ q: (event.currentTarget as HTMLInputElement).value })}
          />
        </label>
        {select(
          'status',
          t('col.status'),
          PROGRAMME_STATUSES.map((s) => [s, t(`steer.status.${s}`)] as const),
        )}
        {select(
          'kind',
          t('steer.col.kind'),
          PROGRAMME_KINDS.map((k) => [k, t(`steer.kind.${k}`)] as const),
        )}
        {details.size > 0
          ? select(
              'instrument',
              t('steer.instrument'),
              instruments.map((v) => [v, v] as const),
              true,
            )
          : null}
        {details.size > 0
          ? select(
              'theme',
              t('steer.theme'),
              themes.map((v) => [v, v] as const),
              true,
            )
          : null}
        {select(
          'country',
          t('col.country'),
          countries.map((c) => [c, countryName(c)] as const),
        )}
      </form>
      <p class="muted" role="status" data-testid="programme-count">
        {t('steer.shown', { shown: formatNumber(shown.length), total: formatNumber(list.length) })}
      </p>
      {shown.length === 0 ? (
        <p class="panel">{list.length === 0 ? t('steer.noProgrammes') : t('steer.noMatch')}</p>
      ) : (
        <table class="stack programmes" data-testid="programme-table">
          <thead>
            <tr>
              {Object.values(columns).map((title) => (
                <th key={title} scope="col">
                  {title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.id} data-programme={p.id}>
                <td data-label={columns.title}>
                  <div>
                    <a href={toHash({ view: 'programme', params: { id: String(p.id) } })} translate={false}>
                      {p.title}
                    </a>
                    {p.synthetic ? <SyntheticBadge /> : null}
                  </div>
                </td>
                <td data-label={columns.kind}>{t(`steer.kind.${p.kind as 'programme'}`)}</td>
                <td data-label={columns.status}>
                  <span class={`badge status-${p.status}`}>{t(`steer.status.${p.status as 'active'}`)}</span>
                </td>
                <td data-label={columns.countries}>{countryList(p.countries)}</td>
                <td data-label={columns.partners}>{countryList(p.partnerCountries)}</td>
                <td data-label={columns.period} class="nowrap">
                  {formatPeriod(p.startDate, p.endDate)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
