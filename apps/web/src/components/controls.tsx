import { t, tMaybe } from '../i18n/i18n.js'
import { updateParams } from '../lib/route.js'

/** A labelled select; options are `[value, label]` pairs. */
export function Select(props: {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly options: readonly (readonly [string, string])[]
  readonly onChange: (value: string) => void
}) {
  return (
    <label class="control" for={props.id}>
      <span>{props.label}</span>
      <select
        id={props.id}
        value={props.value}
        onChange={(event) => props.onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  )
}

export const POLICIES = ['iso', 'hk-mo-cn', 'bibliometrix'] as const

/** The country-policy switch every view shares. */
export function PolicySelect(props: { readonly value: string; readonly onChange: (value: string) => void }) {
  return (
    <Select
      id="policy"
      label={t('control.policy')}
      value={props.value}
      options={POLICIES.map((p) => [p, tMaybe(`policy.${p}`, p)] as const)}
      onChange={props.onChange}
    />
  )
}

/** Two year selects making a period; `''` means open. */
export function PeriodSelect(props: {
  readonly years: readonly number[]
  readonly from: string
  readonly to: string
  readonly onChange: (from: string, to: string) => void
}) {
  const options = [
    ['', t('control.allYears')] as const,
    ...props.years.map((y) => [String(y), String(y)] as const),
  ]
  return (
    <fieldset class="control period">
      <legend>{t('control.period')}</legend>
      <Select
        id="period-from"
        label={t('control.from')}
        value={props.from}
        options={options}
        onChange={(from) => props.onChange(from, props.to)}
      />
      <Select
        id="period-to"
        label={t('control.to')}
        value={props.to}
        options={options}
        onChange={(to) => props.onChange(props.from, to)}
      />
    </fieldset>
  )
}

/** `2015-2020` from two year strings (either may be empty), or `''` for all years. */
export function yearsParam(from: string, to: string, all: readonly number[]): string {
  if (!from && !to) return ''
  const first = from || String(all[0] ?? to)
  const last = to || String(all[all.length - 1] ?? from)
  return Number(first) <= Number(last) ? `${first}-${last}` : `${last}-${first}`
}

/** The period and country-policy switches, bound to the view's URL parameters (`from`, `to`, `policy`). */
export function PeriodPolicyParams(props: {
  readonly years: readonly number[]
  readonly from: string
  readonly to: string
  readonly policy: string
}) {
  return (
    <>
      <PeriodSelect
        years={props.years}
        from={props.from}
        to={props.to}
        onChange={(from, to) => updateParams({ from, to })}
      />
      <PolicySelect value={props.policy} onChange={(policy) => updateParams({ policy })} />
    </>
  )
}
