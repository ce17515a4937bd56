import { useState } from 'preact/hooks'
import { workspaceApi } from '../api/workspace-client.js'
import type { ApiToken } from '../api/workspace-types.js'
import { t } from '../i18n/i18n.js'
import { FormError, useSubmit } from './form.js'
import { formatDateTime, scopeLabel } from './format.js'

/** The user's tokens, newest first; revoking asks for confirmation in the row itself. */
export function TokenTable(props: { readonly tokens: readonly ApiToken[]; readonly onChanged: () => void }) {
  const [confirming, setConfirming] = useState<number | null>(null)
  const submit = useSubmit()
  if (props.tokens.length === 0) return <p class="muted">{t('tokens.none')}</p>
  const columns = {
    name: t('col.name'),
    prefix: t('col.prefix'),
    scopes: t('field.scopes'),
    created: t('col.created'),
    expires: t('col.expires'),
    lastUsed: t('col.lastUsed'),
    status: t('col.status'),
  }
  return (
    <>
      <FormError error={submit.error} />
      <table class="stack" data-testid="token-table">
        <thead>
          <tr>
            {Object.values(columns).map((title) => (
              <th key={title} scope="col">
                {title}
              </th>
            ))}
            <th scope="col">
              <span class="visually-hidden">{t('col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...props.tokens].reverse().map((token) => (
            <tr key={token.id} data-token={token.name} data-revoked={String(token.revoked)}>
              <td data-label={columns.name} translate={false}>
                {token.name}
              </td>
              <td data-label={columns.prefix}>
                <code translate={false}>{token.prefix}…</code>
              </td>
              <td data-label={columns.scopes}>{token.scopes.map(scopeLabel).join(t('list.separator'))}</td>
              <td data-label={columns.created}>{formatDateTime(token.createdAt)}</td>
              <td data-label={columns.expires}>
                {token.expiresAt ? formatDateTime(token.expiresAt) : t('tokens.never')}
              </td>
              <td data-label={columns.lastUsed}>
                {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('tokens.neverUsed')}
              </td>
              <td data-label={columns.status}>
                {token.revoked ? (
                  <span class="badge off">{t('tokens.revoked')}</span>
                ) : token.expiresAt && token.expiresAt < new Date().toISOString() ? (
                  <span class="badge off">{t('tokens.expired')}</span>
                ) : (
                  <span class="badge on">{t('tokens.active')}</span>
                )}
              </td>
              <td>
                <div class="row-actions">
                  {token.revoked ? null : confirming === token.id ? (
                    <span class="confirm" role="group" aria-label={t('tokens.confirm', { name: token.name })}>
                      <span>{t('tokens.confirm', { name: token.name })}</span>
                      <button
                        type="button"
                        class="danger"
                        data-testid="confirm-revoke"
                        disabled={submit.busy}
                        onClick={() =>
                          void submit.run(async () => {
                            await workspaceApi.revokeToken(token.id)
                            setConfirming(null)
                            props.onChanged()
                          })
                        }
                      >
                        {t('tokens.revoke')}
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>
                        {t('action.cancel')}
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      data-testid="revoke"
                      aria-label={t('tokens.revokeNamed', { name: token.name })}
                      onClick={() => setConfirming(token.id)}
                    >
                      {t('tokens.revoke')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
