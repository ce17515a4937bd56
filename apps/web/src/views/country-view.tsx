import { api } from '../api/client.js'
import type { Status } from '../api/types.js'
import { PeriodPolicyParams, Select, yearsParam } from '../components/controls.js'
import { StatusView } from '../components/status-view.js'
import { countryName, t } from '../i18n/i18n.js'
import { updateParams } from '../lib/route.js'
import { useFetch } from '../lib/use-fetch.js'
import { ProfilePanels } from './profile-panels.js'

/** One country: output and openness over time, collaboration types, leadership, industry, impact, partners. */
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
        <PeriodPolicyParams years={years} from={from} to={to} policy={policy} />
      </div>
      <StatusView loaded={profile}>
        {(value) => (
          <>
            <h1 class="view-title" data-testid="country-title">
              {t('country.title', { name: countryName(value.country), code: value.country })}
            </h1>
            <ProfilePanels
              profile={value}
              query={query}
              unit={{
                id: value.country,
                kind: 'country',
                partnerName: (partner) => countryName(partner),
                partnerHref: (partner) => `#/country?code=${partner}`,
              }}
            />
          </>
        )}
      </StatusView>
    </div>
  )
}
