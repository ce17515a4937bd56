import { useState } from 'preact/hooks'
import { workspaceApi } from '../api/workspace-client.js'
import type { CreatedToken } from '../api/workspace-types.js'
import { t } from '../i18n/i18n.js'
import { useLatest } from './use-latest.js'
import { StatusView } from '../components/status-view.js'
import { OneTimeToken } from './one-time-token.js'
import { AccountPage } from './account-page.js'
import { SignedIn } from './signed-in.js'
import { TokenForm } from './token-form.js'
import { TokenTable } from './token-table.js'

/** Your API tokens: create one (shown once), list them, revoke one. */
export function TokensView() {
  return (
    <AccountPage id="tokens" title={t('tokens.title')} wide>
      <SignedIn view="tokens">{(me) => <Tokens admin={me.role === 'admin'} />}</SignedIn>
    </AccountPage>
  )
}

function Tokens(props: { readonly admin: boolean }) {
  const [version, setVersion] = useState(0)
  const [created, setCreated] = useState<CreatedToken | null>(null)
  const tokens = useLatest(`tokens:${version}`, () => workspaceApi.tokens())
  return (
    <>
      <p class="form-intro">{t('tokens.intro')}</p>
      {created ? (
        <OneTimeToken created={created} onDone={() => setCreated(null)} />
      ) : (
        <TokenForm
          admin={props.admin}
          onCreated={(token) => {
            setCreated(token)
            setVersion(version + 1)
          }}
        />
      )}
      <h2 class="section-title">{t('tokens.yours')}</h2>
      <StatusView loaded={tokens}>
        {(list) => <TokenTable tokens={list} onChanged={() => setVersion(version + 1)} />}
      </StatusView>
    </>
  )
}
