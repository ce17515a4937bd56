import { useEffect, useState } from 'preact/hooks'
import { api } from '../api/client.js'
import type { InstitutionProfile, InstitutionsPage, Status } from '../api/types.js'
import { PeriodPolicyParams, yearsParam } from '../components/controls.js'
import { StatusView } from '../components/status-view.js'
import { countryName, formatNumber, t, tMaybe } from '../i18n/i18n.js'
import { institutionHref, updateParams } from '../lib/route.js'
import { useFetch } from '../lib/use-fetch.js'
import { ProfilePanels } from './profile-panels.js'

/** How many institutions a search lists. */
const LISTED = 20

/** One institution: the country profile's panels at institution level, and a search to find institutions. */
export function InstitutionView(props: {
  readonly params: Readonly<Record<string, string>>
  readonly status: Status
}) {
  const { params, status } = props
  const years = status.years.map((y) => y.year)
  const id = params.id ?? ''
  const q = params.q ?? ''
  const policy = params.policy ?? 'iso'
  const from = params.from ?? ''
  const to = params.to ?? ''
  const query = { years: yearsParam(from, to, years), countryPolicy: policy }
  const [draft, setDraft] = useState(q)
  useEffect(() => setDraft(q), [q])
  return (
    <div class="view" data-view="institution">
      <div class="toolbar">
        <form
          class="control-group"
          role="search"
          onSubmit={(event) => {
            event.preventDefault()
            updateParams({ q: draft.trim() })
          }}
        >
          <label class="control" for="institution-search">
            <span>{t('institution.search')}</span>
            <input
              id="institution-search"
              type="search"
              value={draft}
              autocomplete="off"
              placeholder={t('institution.searchHint')}
              onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <button type="submit">{t('institution.find')}</button>
        </form>
        <PeriodPolicyParams years={years} from={from} to={to} policy={policy} />
      </div>
      {q || !id ? <Results q={q} /> : null}
      {id ? <Profile id={id} query={query} /> : null}
    </div>
  )
}

/** The institutions matching a search (or the largest, with no search), most works first. */
function Results(props: { readonly q: string }) {
  const loaded = useFetch(`institutions:${props.q}`, () => api.institutions({ q: props.q, pageSize: LISTED }))
  return (
    <section class="panel wide" aria-labelledby="institution-results-title">
      <header class="panel-head">
        <h2 id="institution-results-title">
          {props.q ? t('institution.results', { q: props.q }) : t('institution.largest')}
        </h2>
      </header>
      <StatusView loaded={loaded}>{(page) => <ResultsTable page={page} />}</StatusView>
    </section>
  )
}

function ResultsTable(props: { readonly page: InstitutionsPage }) {
  const { page } = props
  if (page.institutions.length === 0) return <p class="muted">{t('empty')}</p>
  return (
    <>
      <p class="muted" data-testid="institution-total">
        {t('institution.shown', { shown: page.institutions.length, total: page.total })}
      </p>
      <table class="institutions" data-testid="institution-results">
        <thead>
          <tr>
            <th scope="col">{t('col.institution')}</th>
            <th scope="col">{t('col.country')}</th>
            <th scope="col">{t('col.type')}</th>
            <th scope="col" class="num">
              {t('col.works')}
            </th>
          </tr>
        </thead>
        <tbody>
          {page.institutions.map((i) => (
            <tr key={i.institution} data-institution={i.institution}>
              <td>
                <a href={institutionHref(i.institution)} onClick={(e) => openProfile(e, i.institution)}>
                  {i.name ?? i.institution}
                </a>
              </td>
              <td>{i.country ? countryName(i.country) : '–'}</td>
              <td>{i.type ? tMaybe(`itype.${i.type}`, i.type) : '–'}</td>
              <td class="num" data-value={i.works}>
                {formatNumber(i.works)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

/** Open a profile in place, keeping the period and policy (and dropping the search). */
function openProfile(event: Event, id: string) {
  event.preventDefault()
  updateParams({ id, q: undefined })
}

function Profile(props: { readonly id: string; readonly query: Readonly<Record<string, string>> }) {
  const { id, query } = props
  const loaded = useFetch(JSON.stringify([id, query]), () => api.institutionProfile(id, query))
  return (
    <StatusView loaded={loaded}>
      {(profile) => (
        <>
          <Heading profile={profile} />
          <ProfilePanels
            profile={profile}
            query={{ ...query, level: 'institution' }}
            unit={{
              id: profile.openalexId ?? profile.institution.replace(/^https?:\/\/ror\.org\//, 'ror-'),
              kind: 'institution',
              partnerName: (partner, name) => name ?? partner,
              partnerHref: institutionHref,
            }}
          />
        </>
      )}
    </StatusView>
  )
}

function Heading(props: { readonly profile: InstitutionProfile }) {
  const { profile } = props
  return (
    <header class="unit-head">
      <h1 class="view-title" data-testid="institution-title">
        {profile.name}
      </h1>
      <p class="muted" data-testid="institution-meta">
        {profile.type ? tMaybe(`itype.${profile.type}`, profile.type) : null}
        {profile.country ? (
          <>
            {' · '}
            <a href={`#/country?code=${profile.country}`}>{countryName(profile.country)}</a>
          </>
        ) : null}
        {profile.ror ? (
          <>
            {' · '}
            <a href={profile.ror} rel="noreferrer" target="_blank">
              ROR {profile.ror.replace(/^https?:\/\/ror\.org\//, '')}
            </a>
          </>
        ) : null}
        {profile.openalexId ? ` · OpenAlex ${profile.openalexId}` : null}
        {' · '}
        {t('institution.works', { works: profile.output.reduce((sum, o) => sum + (o.value ?? 0), 0) })}
      </p>
    </header>
  )
}
