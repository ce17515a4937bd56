import { workspaceApi } from '../api/workspace-client.js'
import { t } from '../i18n/i18n.js'
import { StatusView } from '../components/status-view.js'
import { auditChanges } from './audit-changes.js'
import { actionLabel, entityLabel, formatDateTime } from './format.js'
import { useLatest } from './use-latest.js'

const LIMIT = 50

/** The latest audit rows: when, who, what, on which record, and what changed. */
export function AuditPanel(props: { readonly version: number }) {
  const rows = useLatest(`audit:${props.version}`, () => workspaceApi.audit({ limit: LIMIT }))
  const columns = {
    at: t('col.when'),
    actor: t('col.who'),
    action: t('col.action'),
    entity: t('col.entity'),
    changes: t('col.changes'),
  }
  return (
    <section class="panel wide" aria-labelledby="audit-title" id="admin-audit">
      <h2 class="section-title" id="audit-title">
        {t('admin.audit', { n: LIMIT })}
      </h2>
      <StatusView loaded={rows}>
        {(list) => (
          <table class="stack audit" data-testid="audit-table">
            <thead>
              <tr>
                {Object.values(columns).map((title) => (
                  <th key={title} scope="col">
                    {title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.map((row) => (
                <tr key={row.id} data-action={row.action}>
                  <td data-label={columns.at} class="nowrap">
                    {formatDateTime(row.at)}
                  </td>
                  <td data-label={columns.actor} translate={false}>
                    {row.actor}
                  </td>
                  <td data-label={columns.action}>{actionLabel(row.action)}</td>
                  <td data-label={columns.entity}>
                    <span>
                      {entityLabel(row.entityType)}
                      {row.entityId === null ? null : <span translate={false}> #{row.entityId}</span>}
                    </span>
                  </td>
                  <td data-label={columns.changes}>
                    <ul class="changes" translate={false}>
                      {auditChanges(row.before, row.after).map((c) => (
                        <li key={c.field}>
                          <code>{c.field}</code>{' '}
                          {c.before === null ? null : (
                            <>
                              <del>{c.before}</del> →{' '}
                            </>
                          )}
                          <ins>{c.after ?? '–'}</ins>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </StatusView>
    </section>
  )
}
