import { useState } from 'preact/hooks'
import { workspaceApi } from '../api/workspace-client.js'
import { t } from '../i18n/i18n.js'
import { useLatest } from './use-latest.js'
import { StatusView } from '../components/status-view.js'
import { AuditPanel } from './audit-panel.js'
import { OrganisationsPanel } from './organisations-panel.js'
import { AccountPage } from './account-page.js'
import { SignedIn } from './signed-in.js'
import { UserForm } from './user-form.js'
import { UserTable } from './user-table.js'

/** Administration (admins only): accounts, organisations and the latest audit rows. */
export function AdminView() {
  return (
    <AccountPage id="admin" title={t('admin.title')} wide>
      <SignedIn view="admin" admin>
        {(me) => <Admin selfId={me.id} />}
      </SignedIn>
    </AccountPage>
  )
}

function Admin(props: { readonly selfId: number }) {
  // Every write bumps the version: the lists and the audit trail are read again.
  const [version, setVersion] = useState(0)
  const changed = () => setVersion((v) => v + 1)
  const users = useLatest(`users:${version}`, () => workspaceApi.users())
  const organisations = useLatest(`organisations:${version}`, () => workspaceApi.organisations())
  return (
    <div class="admin">
      <section class="panel wide" aria-labelledby="users-title" id="admin-users">
        <h2 class="section-title" id="users-title">
          {t('admin.users')}
        </h2>
        <StatusView loaded={organisations}>
          {(orgs) => (
            <>
              <UserForm organisations={orgs} onCreated={changed} />
              <StatusView loaded={users}>
                {(list) => (
                  <UserTable users={list} organisations={orgs} selfId={props.selfId} onChanged={changed} />
                )}
              </StatusView>
            </>
          )}
        </StatusView>
      </section>
      <StatusView loaded={organisations}>
        {(orgs) => <OrganisationsPanel organisations={orgs} onChanged={changed} />}
      </StatusView>
      <AuditPanel version={version} />
    </div>
  )
}
