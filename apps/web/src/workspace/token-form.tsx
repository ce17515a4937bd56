import { useState } from 'preact/hooks'
import { workspaceApi } from '../api/workspace-client.js'
import { SCOPES, type CreatedToken, type Scope } from '../api/workspace-types.js'
import { t } from '../i18n/i18n.js'
import { Field, FormError, SelectField, useSubmit } from './form.js'
import { scopeLabel } from './format.js'

const EXPIRY_DAYS = ['30', '90', '365', ''] as const

/** Name, scopes (admin only for admins) and lifetime of a new token. */
export function TokenForm(props: {
  readonly admin: boolean
  readonly onCreated: (token: CreatedToken) => void
}) {
  const [name, setName] = useState('')
  const [scopes, setScopes] = useState<readonly Scope[]>(['read'])
  const [days, setDays] = useState<string>('90')
  const submit = useSubmit()
  const offered = SCOPES.filter((scope) => scope !== 'admin' || props.admin)
  return (
    <form
      class="form-card"
      data-testid="token-form"
      onSubmit={(event) => {
        event.preventDefault()
        void submit.run(async () => {
          const created = await workspaceApi.createToken({
            name: name.trim(),
            scopes,
            ...(days ? { expiresInDays: Number(days) } : {}),
          })
          setName('')
          props.onCreated(created)
        })
      }}
    >
      <h2 class="section-title">{t('tokens.create')}</h2>
      <Field id="token-name" label={t('field.tokenName')} required value={name} onInput={setName} />
      <fieldset class="field scopes">
        <legend>{t('field.scopes')}</legend>
        {offered.map((scope) => (
          <label key={scope} class="check">
            <input
              type="checkbox"
              name="token-scope"
              value={scope}
              checked={scopes.includes(scope)}
              onChange={(event) =>
                setScopes(
                  (event.currentTarget as HTMLInputElement).checked
                    ? SCOPES.filter((s) => s === scope || scopes.includes(s))
                    : scopes.filter((s) => s !== scope),
                )
              }
            />
            <span>
              {scopeLabel(scope)} <span class="muted">{t(`scope.${scope}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <SelectField
        id="token-expiry"
        label={t('field.expiry')}
        value={days}
        options={EXPIRY_DAYS.map((d) => [d, d ? t('tokens.days', { days: Number(d) }) : t('tokens.never')])}
        onChange={setDays}
      />
      {scopes.length === 0 ? (
        <p class="form-error" role="alert">
          {t('tokens.noScope')}
        </p>
      ) : null}
      <FormError error={submit.error} />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={submit.busy || scopes.length === 0}>
          {t('tokens.submit')}
        </button>
      </div>
    </form>
  )
}
