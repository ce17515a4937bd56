import { t } from '../i18n/i18n.js'
import { Field } from './form.js'

/** A new password typed twice, with the rule as a hint; `mismatch` says the two differ. */
export function NewPassword(props: {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly repeat: string
  readonly mismatch: boolean
  readonly onInput: (value: string) => void
  readonly onRepeat: (value: string) => void
}) {
  return (
    <>
      <Field
        id={props.id}
        label={props.label}
        type="password"
        autocomplete="new-password"
        required
        hint={t('password.rule')}
        value={props.value}
        onInput={props.onInput}
      />
      <Field
        id={`${props.id}-repeat`}
        label={t('field.repeatPassword')}
        type="password"
        autocomplete="new-password"
        required
        value={props.repeat}
        onInput={props.onRepeat}
      />
      {props.mismatch ? (
        <p class="form-error" role="alert">
          {t('password.mismatch')}
        </p>
      ) : null}
    </>
  )
}
