import { useState } from 'preact/hooks'
import { workspaceApi } from '../api/workspace-client.js'
import type { Organisation } from '../api/workspace-types.js'
import { t } from '../i18n/i18n.js'
import { Field, FormError, useSubmit } from './form.js'

/** Organisations accounts belong to: the list and a form to add one. */
export function OrganisationsPanel(props: {
  readonly organisations: readonly Organisation[]
  readonly onChanged: () => void
}) {
  const [name, setName] = useState('')
  const [rorId, setRorId] = useState('')
  const [country, setCountry] = useState('')
  const submit = useSubmit()
  return (
    <section class="panel" aria-labelledby="organisations-title" id="admin-organisations">
      <h2 class="section-title" id="organisations-title">
        {t('admin.organisations')}
      </h2>
      {props.organisations.length === 0 ? (
        <p class="muted">{t('admin.noOrganisations')}</p>
      ) : (
        <ul class="organisations" data-testid="organisation-list">
          {props.organisations.map((o) => (
            <li key={o.id} translate={false}>
              <strong>{o.name}</strong>
              {o.country ? <span class="muted"> {o.country}</span> : null}
              {o.rorId ? <code class="muted"> {o.rorId}</code> : null}
            </li>
          ))}
        </ul>
      )}
      <form
        class="inline-form"
        data-testid="organisation-form"
        onSubmit={(event) => {
          event.preventDefault()
          void submit.run(async () => {
            await workspaceApi.createOrganisation({
              name: name.trim(),
              rorId: rorId.trim() || null,
              country: country.trim().toUpperCase() || null,
            })
            setName('')
            setRorId('')
            setCountry('')
            props.onChanged()
          })
        }}
      >
        <h3 class="form-title">{t('admin.addOrganisation')}</h3>
        <div class="form-row">
          <Field id="organisation-name" label={t('field.name')} required value={name} onInput={setName} />
          <Field id="organisation-ror" label={t('field.rorId')} value={rorId} onInput={setRorId} />
          <Field
            id="organisation-country"
            label={t('field.country')}
            hint={t('admin.countryHint')}
            value={country}
            onInput={setCountry}
          />
        </div>
        <FormError error={submit.error} />
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {t('admin.addOrganisationSubmit')}
          </button>
        </div>
      </form>
    </section>
  )
}
