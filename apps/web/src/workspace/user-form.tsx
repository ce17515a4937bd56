import { useState } from 'preact/hooks'
import { workspaceApi } from '../api/workspace-client.js'
import { ROLES, type Organisation, type Role } from '../api/workspace-types.js'
import { t } from '../i18n/i18n.js'
import { Field, FormError, Notice, SelectField, useSubmit, type Option } from './form.js'
import { roleLabel } from './format.js'

/** Options of an organisation select: none, then every organisation by name. */
export const organisationOptions = (organisations: readonly Organisation[]): Option[] => [
  ['', t('admin.noOrganisation')],
  ...organisations.map((o): Option => [String(o.id), o.name, true]),
]

/** Create an account with its role and organisation. */
export function UserForm(props: {
  readonly organisations: readonly Organisation[]
  readonly onCreated: () => void
}) {
  const [email, setEmail] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState('')
  const [role, setRole] = useState<Role>('viewer')
  const [organisation, setOrganisation] = useState('')
  const [created, setCreated] = useState<string | null>(null)
  const submit = useSubmit()
  return (
    <form
      class="form-card inline-form"
      data-testid="user-form"
      onSubmit={(event) => {
        event.preventDefault()
        setCreated(null)
        void submit.run(async () => {
          const user = await workspaceApi.createUser({
            email: email.trim(),
            password,
            role,
            ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
            organisationId: organisation ? Number(organisation) : null,
          })
          setEmail('')
          setDisplayName('')
          setPassword('')
          setCreated(user.email)
          props.onCreated()
        })
      }}
    >
      <h3 class="form-title">{t('admin.addUser')}</h3>
      <div class="form-row">
        <Field
          id="user-email"
          label={t('field.email')}
          type="email"
          autocomplete="off"
          required
          value={email}
          onInput={setEmail}
        />
        <Field id="user-name" label={t('field.displayName')} value={displayName} onInput={setDisplayName} />
        <Field
          id="user-password"
          label={t('field.initialPassword')}
          type="password"
          autocomplete="new-password"
          required
          hint={t('password.rule')}
          value={password}
          onInput={setPassword}
        />
        <SelectField
          id="user-role"
          label={t('field.role')}
          value={role}
          options={ROLES.map((r) => [r, roleLabel(r)] as const)}
          onChange={(value) => setRole(value as Role)}
        />
        <SelectField
          id="user-organisation"
          label={t('field.organisation')}
          value={organisation}
          options={organisationOptions(props.organisations)}
          onChange={setOrganisation}
        />
      </div>
      <FormError error={submit.error} />
      {created ? (
        <Notice>
          {t('admin.userCreated')} <span translate={false}>{created}</span>
        </Notice>
      ) : null}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={submit.busy}>
          {t('admin.addUserSubmit')}
        </button>
      </div>
    </form>
  )
}
