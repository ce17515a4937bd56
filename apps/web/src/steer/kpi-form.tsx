import { useRef, useState } from 'preact/hooks'
import { steerApi } from '../api/steer-client.js'
import type { KpiScope } from '../api/steer-types.js'
import { t } from '../i18n/i18n.js'
import { COUNTINGS } from '../lib/indicators.js'
import { Field, SelectField, useSubmit } from '../workspace/form.js'
import { indicatorName } from './format.js'
import { splitList } from './model.js'
import { SteerError } from './steer-error.js'

/** Agreements and accepted interests on the programme's marketplace records (the whole programme or a pair). */
const CONNECT = ['connect-agreements', 'connect-introductions'] as const

/** Indicators a KPI is offered with, by the scope they answer for. */
const BY_SCOPE: Readonly<Record<string, readonly string[]>> = {
  country: ['output', 'international-share', 'leadership', 'partners'],
  countries: ['output', 'international-share'],
  'country-pair': ['bilateral-matrix', 'pair-leadership', ...CONNECT],
  // Counted from the programme's own milestones and marketplace records, not from publications.
  programme: ['milestones-done', 'milestones-late', ...CONNECT],
}
const SCOPES = ['country', 'country-pair', 'countries', 'programme'] as const

const EMPTY = {
  scope: 'country',
  indicator: 'output',
  counting: 'full',
  country: '',
  partner: '',
  countries: '',
  years: '',
  baselinePeriod: '',
  baselineValue: '',
  targetValue: '',
  targetDate: '',
  owner: '',
}

/** Add a KPI (a saved indicator query) to a programme; its first actual is computed at once. */
export function KpiForm(props: {
  readonly programmeId: number
  readonly partners: readonly string[]
  readonly onAdded: () => void
}) {
  const [form, setForm] = useState({ ...EMPTY, countries: props.partners.join(', ') })
  const submit = useSubmit()
  const details = useRef<HTMLDetailsElement>(null)
  const set = (key: keyof typeof EMPTY) => (value: string) => {
    const next = { ...form, [key]: value }
    if (key === 'scope') next.indicator = BY_SCOPE[value]?.[0] ?? 'output'
    if (key === 'scope' || key === 'indicator') next.counting = 'full'
    setForm(next)
  }
  const countings = COUNTINGS[form.indicator] ?? ['full']
  const scope = (): KpiScope =>
    form.scope === 'country-pair'
      ? {
          kind: 'country-pair',
          country: form.country.trim().toUpperCase(),
          partner: form.partner.trim().toUpperCase(),
        }
      : form.scope === 'countries'
        ? { kind: 'countries', name: t('steer.partnerGroup'), countries: splitList(form.countries, true) }
        : form.scope === 'programme'
          ? { kind: 'programme' }
          : { kind: 'country', country: form.country.trim().toUpperCase() }
  const wholeProgramme = form.scope === 'programme'
  // Counted from the state database: no publication years (nor counting method) apply.
  const counted = wholeProgramme || (CONNECT as readonly string[]).includes(form.indicator)
  return (
    <details class="form-card inline-form add-kpi" data-testid="kpi-create" ref={details}>
      <summary>
        <h3 class="form-title">{t('steer.addKpi')}</h3>
      </summary>
      <form
        data-testid="kpi-form"
        onSubmit={(event) => {
          event.preventDefault()
          void submit.run(async () => {
            await steerApi.addKpi(props.programmeId, {
              indicator: form.indicator,
              options: {
                ...(form.counting !== 'full' ? { counting: form.counting } : {}),
                ...(form.years && !counted ? { years: form.years } : {}),
              },
              scope: scope(),
              baseline: {
                period: form.baselinePeriod.trim(),
                value: form.baselineValue.trim() === '' ? null : Number(form.baselineValue),
              },
              target: { value: Number(form.targetValue), date: form.targetDate },
              owner: form.owner.trim(),
            })
            setForm({ ...EMPTY, countries: props.partners.join(', ') })
            if (details.current) details.current.open = false
            props.onAdded()
          })
        }}
      >
        <div class="form-row">
          <SelectField
            id="kpi-scope"
            label={t('steer.scope')}
            value={form.scope}
            options={SCOPES.map((s) => [s, t(`steer.scope.${s}`)] as const)}
            onChange={set('scope')}
          />
          <SelectField
            id="kpi-indicator"
            label={t('col.indicator')}
            value={form.indicator}
            options={(BY_SCOPE[form.scope] ?? []).map((id) => [id, indicatorName(id)] as const)}
            onChange={set('indicator')}
          />
          {countings.length > 1 ? (
            <SelectField
              id="kpi-counting"
              label={t('control.counting')}
              value={form.counting}
              options={countings.map((c) => [c, t(`counting.${c as 'full'}`)] as const)}
              onChange={set('counting')}
            />
          ) : null}
          {form.scope === 'countries' ? (
            <Field
              id="kpi-countries"
              label={t('control.countries')}
              hint={t('steer.codesHint')}
              required
              value={form.countries}
              onInput={set('countries')}
            />
          ) : wholeProgramme ? null : (
            <Field
              id="kpi-country"
              label={t('control.country')}
              hint={t('steer.codeHint')}
              required
              value={form.country}
              onInput={set('country')}
            />
          )}
          {form.scope === 'country-pair' ? (
            <Field
              id="kpi-partner"
              label={t('col.partner')}
              hint={t('steer.codeHint')}
              required
              value={form.partner}
              onInput={set('partner')}
            />
          ) : null}
          {counted ? null : (
            <Field
              id="kpi-years"
              label={t('steer.years')}
              hint={t('steer.yearsHint')}
              value={form.years}
              onInput={set('years')}
            />
          )}
          <Field
            id="kpi-baseline-period"
            label={t('steer.baselinePeriod')}
            hint={t('steer.yearsHint')}
            required
            value={form.baselinePeriod}
            onInput={set('baselinePeriod')}
          />
          <Field
            id="kpi-baseline-value"
            label={t('steer.baselineValue')}
            hint={t('steer.baselineHint')}
            value={form.baselineValue}
            onInput={set('baselineValue')}
          />
          <Field
            id="kpi-target-value"
            label={t('steer.targetValue')}
            required
            value={form.targetValue}
            onInput={set('targetValue')}
          />
          <Field
            id="kpi-target-date"
            type="date"
            label={t('steer.targetDate')}
            required
            value={form.targetDate}
            onInput={set('targetDate')}
          />
          <Field id="kpi-owner" label={t('steer.owner')} required value={form.owner} onInput={set('owner')} />
        </div>
        <SteerError error={submit.error} />
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {t('steer.addKpiSubmit')}
          </button>
        </div>
      </form>
    </details>
  )
}
