import type { ComponentChildren } from 'preact'
import type { Me } from '../api/workspace-types.js'
import { t } from '../i18n/i18n.js'
import { useSession } from '../workspace/session.js'
import '../workspace/workspace.css'
import './steer.css'

/**
 * A STEER page: the children for a signed-in user; otherwise why not (programmes are read signed in, and a
 * server without a workspace has no registry), with a sign-in link that comes back here.
 */
export function SteerPage(props: {
  readonly next: string
  readonly children: (me: Me) => ComponentChildren
}) {
  const { session } = useSession()
  if (session.kind === 'loading')
    return (
      <p class="loading" role="status">
        {t('loading')}
      </p>
    )
  if (session.kind === 'absent') return <p data-testid="no-registry">{t('steer.noRegistry')}</p>
  if (session.kind === 'anonymous')
    return (
      <p data-testid="needs-sign-in">
        {t('steer.needsSignIn')} <a href={`#/sign-in?next=${props.next}`}>{t('account.signIn')}</a>
      </p>
    )
  return <>{props.children(session.me)}</>
}

/** The badge that marks invented records. */
export const SyntheticBadge = () => (
  <span class="badge synthetic" data-testid="synthetic-badge" title={t('steer.syntheticHint')}>
    {t('steer.synthetic')}
  </span>
)
