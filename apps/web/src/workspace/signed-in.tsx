import type { ComponentChildren } from 'preact'
import type { Me } from '../api/workspace-types.js'
import { t } from '../i18n/i18n.js'
import type { AccountView } from '../lib/route.js'
import { useSession } from './session.js'

/**
 * Render the children for a signed-in user (for an admin only, with `admin`); otherwise say why not, with a
 * sign-in link that comes back to `view`.
 */
export function SignedIn(props: {
  readonly view: AccountView
  readonly admin?: boolean
  readonly children: (me: Me) => ComponentChildren
}) {
  const { session } = useSession()
  if (session.kind === 'loading')
    return (
      <p class="loading" role="status">
        {t('loading')}
      </p>
    )
  if (session.kind === 'absent') return <p>{t('signIn.noWorkspace')}</p>
  if (session.kind === 'anonymous')
    return (
      <p data-testid="needs-sign-in">
        {t('account.needsSignIn')} <a href={`#/sign-in?next=${props.view}`}>{t('account.signIn')}</a>
      </p>
    )
  if (props.admin && session.me.role !== 'admin')
    return (
      <p class="form-error" role="alert" data-testid="admins-only">
        {t('admin.only')}
      </p>
    )
  return <>{props.children(session.me)}</>
}
