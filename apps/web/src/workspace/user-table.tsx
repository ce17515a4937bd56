import { useState } from 'preact/hooks'
import { workspaceApi } from '../api/workspace-client.js'
import { ROLES, type Organisation, type Role, type User } from '../api/workspace-types.js'
import { t } from '../i18n/i18n.js'
import { FormError, useSubmit } from './form.js'
import { formatDateTime, roleLabel } from './format.js'
import { organisationOptions } from './user-form.js'

/**
 * Every account: role and organisation changed in place, disable/enable, reset password. Your own row cannot
 * be disabled or demoted (the server refuses it too).
 */
export function UserTable(props: {
  readonly users: readonly User[]
  readonly organisations: readonly Organisation[]
  readonly selfId: number
  readonly onChanged: () => void
}) {
  const submit = useSubmit()
  const [resetting, setResetting] = useState<number | null>(null)
  const [password, setPassword] = useState('')
  const [done, setDone] = useState<string | null>(null)
  const change = (action: () => Promise<unknown>, notice: string | null = null) =>
    void submit.run(async () => {
      setDone(null)
      await action()
      setDone(notice)
      props.onChanged()
    })
  const columns = {
    account: t('col.account'),
    role: t('field.role'),
    organisation: t('field.organisation'),
    status: t('col.status'),
    created: t('col.created'),
  }
  const now = new Date().toISOString()
  return (
    <>
      <FormError error={submit.error} />
      {done ? (
        <p class="notice" role="status">
          {done}
        </p>
      ) : null}
      <table class="stack users" data-testid="user-table">
        <thead>
          <tr>
            {Object.values(columns).map((title) => (
              <th key={title} scope="col">
                {title}
              </th>
            ))}
            <th scope="col">{t('col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((user) => {
            const self = user.id === props.selfId
            return (
              <tr key={user.id} data-user={user.email}>
                <td data-label={columns.account}>
                  <div>
                    <span translate={false} class="email">
                      {user.email}
                    </span>
                    {user.displayName ? (
                      <span class="muted display-name" translate={false}>
                        {user.displayName}
                      </span>
                    ) : null}
                    {self ? <span class="badge">{t('admin.you')}</span> : null}
                  </div>
                </td>
                <td data-label={columns.role}>
                  <select
                    aria-label={t('admin.roleOf', { email: user.email })}
                    value={user.role}
                    disabled={self || submit.busy}
                    data-testid="role"
                    onChange={(event) =>
                      change(() =>
                        workspaceApi.updateUser(user.id, {
                          role: (event.currentTarget as HTMLSelectElement).value as Role,
                        }),
                      )
                    }
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {roleLabel(role)}
                      </option>
                    ))}
                  </select>
                </td>
                <td data-label={columns.organisation}>
                  <select
                    aria-label={t('admin.organisationOf', { email: user.email })}
                    value={user.organisationId === null ? '' : String(user.organisationId)}
                    disabled={submit.busy}
                    onChange={(event) => {
                      const value = (event.currentTarget as HTMLSelectElement).value
                      change(() =>
                        workspaceApi.updateUser(user.id, { organisationId: value ? Number(value) : null }),
                      )
                    }}
                  >
                    {organisationOptions(props.organisations).map(([value, label, data]) => (
                      <option key={value} value={value} translate={data ? false : undefined}>
                        {label}
                      </option>
                    ))}
                  </select>
                </td>
                <td data-label={columns.status} data-testid="user-status">
                  {user.disabled ? (
                    <span class="badge off">{t('admin.disabled')}</span>
                  ) : user.lockedUntil && user.lockedUntil > now ? (
                    <span class="badge off">
                      {t('admin.lockedUntil', { time: formatDateTime(user.lockedUntil) })}
                    </span>
                  ) : (
                    <span class="badge on">{t('admin.active')}</span>
                  )}
                </td>
                <td data-label={columns.created}>{formatDateTime(user.createdAt)}</td>
                <td>
                  <div class="row-actions">
                    {self ? null : (
                      <button
                        type="button"
                        data-testid="toggle-disabled"
                        disabled={submit.busy}
                        aria-label={t(user.disabled ? 'admin.enableNamed' : 'admin.disableNamed', {
                          email: user.email,
                        })}
                        onClick={() =>
                          change(() => workspaceApi.updateUser(user.id, { disabled: !user.disabled }))
                        }
                      >
                        {t(user.disabled ? 'admin.enable' : 'admin.disable')}
                      </button>
                    )}
                    {resetting === user.id ? (
                      <form
                        class="reset"
                        onSubmit={(event) => {
                          event.preventDefault()
                          change(
                            async () => {
                              await workspaceApi.resetPassword(user.id, password)
                              setResetting(null)
                              setPassword('')
                            },
                            t('admin.passwordReset', { email: user.email }),
                          )
                        }}
                      >
                        <label for={`reset-${user.id}`}>{t('field.newPassword')}</label>
                        <input
                          id={`reset-${user.id}`}
                          type="password"
                          autocomplete="new-password"
                          required
                          value={password}
                          onInput={(event) => setPassword((event.currentTarget as HTMLInputElement).value)}
                        />
                        <button type="submit" class="primary" disabled={submit.busy}>
                          {t('action.save')}
                        </button>
                        <button type="button" onClick={() => setResetting(null)}>
                          {t('action.cancel')}
                        </button>
                      </form>
                    ) : (
                      <button
                        type="button"
                        data-testid="reset-password"
                        aria-label={t('admin.resetNamed', { email: user.email })}
                        onClick={() => {
                          setPassword('')
                          setResetting(user.id)
                        }}
                      >
                        {t('admin.reset')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </>
  )
}
