import { useState } from 'preact/hooks'
import { steerApi } from '../api/steer-client.js'
import type { Programme } from '../api/steer-types.js'
import type { Me } from '../api/workspace-types.js'
import { StatusView } from '../components/status-view.js'
import { formatNumber, t, tMaybe } from '../i18n/i18n.js'
import { EntitiesPanel } from '../steer/entities-panel.js'
import { canManage, countryList, formatPeriod } from '../steer/format.js'
import { KpiBoard } from '../steer/kpi-board.js'
import { MilestonesPanel } from '../steer/milestones-panel.js'
import { OutputsPanel } from '../steer/outputs-panel.js'
import { PartnerMap } from '../steer/partner-map.js'
import { ReportPanel } from '../steer/report-panel.js'
import { SteerPage, SyntheticBadge } from '../steer/steer-page.js'
import { useLatest } from '../workspace/use-latest.js'

/** A programme: what it is, who is responsible, milestones, KPIs, partner countries, outputs and its report. */
export function ProgrammeView(props: { readonly params: Readonly<Record<string, string>> }) {
  const id = Number(props.params.id)
  return (
    <section class="view steer" data-view="programme" aria-labelledby="programme-title">
      <p class="back">
        <a href="#/programmes">← {t('steer.programmes')}</a>
      </p>
      <SteerPage next="programmes">
        {(me) =>
          Number.isInteger(id) && id > 0 ? (
            <ProgrammePage id={id} me={me} />
          ) : (
            <p data-testid="no-programme">{t('err.notFound')}</p>
          )
        }
      </SteerPage>
    </section>
  )
}

function ProgrammePage(props: { readonly id: number; readonly me: Me }) {
  // Every write bumps the version: the programme, its KPIs and the report are read again.
  const [version, setVersion] = useState(0)
  const changed = () => setVersion((v) => v + 1)
  // A milestone KPI (milestones-done, -late) follows the milestones: their change refreshes the programme's KPIs
  // (only those whose inputs changed get a new actual). A failed refresh leaves the board's own button to retry.
  const milestonesChanged = () => void steerApi.refreshKpis(props.id).then(changed, changed)
  const programme = useLatest(`programme:${props.id}:${version}`, () => steerApi.programme(props.id))
  const kpis = useLatest(`kpis:${props.id}:${version}`, () => steerApi.kpis(props.id))
  return (
    <StatusView loaded={programme}>
      {(p) => {
        const manage = canManage(props.me, p)
        return (
          <>
            <Head programme={p} />
            <div class="grid steer-grid">
              <StatusView loaded={kpis}>
                {(list) => (
                  <KpiBoard
                    programmeId={p.id}
                    kpis={list}
                    manage={manage}
                    partners={p.partnerCountries}
                    onChanged={changed}
                  />
                )}
              </StatusView>
              <MilestonesPanel programme={p} manage={manage} onChanged={milestonesChanged} />
              <EntitiesPanel programme={p} />
              <PartnerMap programme={p} />
              <OutputsPanel programme={p} />
              <ReportPanel programmeId={p.id} version={version} />
            </div>
          </>
        )
      }}
    </StatusView>
  )
}

function Head(props: { readonly programme: Programme }) {
  const p = props.programme
  const budget = p.budget.filter((b) => b.planned !== null || b.actual !== null)
  return (
    <header class="unit-head programme-head">
      <h1 class="view-title" id="programme-title">
        <span translate={false}>{p.title}</span> {p.synthetic ? <SyntheticBadge /> : null}
      </h1>
      {p.synthetic ? (
        <p class="banner synthetic" role="note" data-testid="synthetic-programme">
          {t('steer.syntheticNote')}
        </p>
      ) : null}
      <dl class="facts">
        <div>
          <dt>{t('steer.col.kind')}</dt>
          <dd>{tMaybe(`steer.kind.${p.kind}`, p.kind)}</dd>
        </div>
        <div>
          <dt>{t('col.status')}</dt>
          <dd>
            <span class={`badge status-${p.status}`}>{tMaybe(`steer.status.${p.status}`, p.status)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('steer.col.period')}</dt>
          <dd>{formatPeriod(p.startDate, p.endDate)}</dd>
        </div>
        <div>
          <dt>{t('steer.col.countries')}</dt>
          <dd>{countryList(p.countries)}</dd>
        </div>
        <div>
          <dt>{t('steer.col.partners')}</dt>
          <dd>{countryList(p.partnerCountries)}</dd>
        </div>
        {p.themes.length > 0 ? (
          <div>
            <dt>{t('steer.themes')}</dt>
            <dd translate={false}>{p.themes.join(', ')}</dd>
          </div>
        ) : null}
        {p.instrumentTypes.length > 0 ? (
          <div>
            <dt>{t('steer.instruments')}</dt>
            <dd translate={false}>{p.instrumentTypes.join(', ')}</dd>
          </div>
        ) : null}
        {budget.length > 0 ? (
          <div>
            <dt>{t('steer.budget', { currency: p.currency ?? '' })}</dt>
            <dd>
              {budget
                .map((b) => `${b.year}: ${formatNumber(b.actual)} / ${formatNumber(b.planned)}`)
                .join(' · ')}
            </dd>
          </div>
        ) : null}
      </dl>
      {p.description ? (
        <p class="description" translate={false}>
          {p.description}
        </p>
      ) : null}
    </header>
  )
}
