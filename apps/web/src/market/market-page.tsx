import type { ComponentChildren } from 'preact'
import type { Me } from '../api/workspace-types.js'
import { t } from '../i18n/i18n.js'
import { useSession } from '../workspace/session.js'
import { canReview } from './model.js'
import { UnreadCount } from './nav-item.js'
import { marketHash, type MarketPage as Page } from './route.js'
import { useUnread } from './unread.js'
import '../workspace/workspace.css'
import '../steer/steer.css'
import './market.css'

const TABS = ['list', 'mine', 'review', 'inbox'] as const

/**
 * A marketplace page: its title, the marketplace's own tabs and the children for a signed-in user; otherwise
 * why not (the marketplace is read signed in, and a server without a workspace has none), with a sign-in link.
 */
export function MarketPage(props: {
  readonly page: Page
  readonly title: string
  /** The heading is the record's own (the record page renders it). */
  readonly ownTitle?: boolean
  readonly children: (me: Me) => ComponentChildren
}) {
  const { session } = useSession()
  const body =
    session.kind === 'loading' ? (
      <p class="loading" role="status">
        {t('loading')}
      </p>
    ) : session.kind === 'absent' ? (
      <p data-testid="no-market">{t('market.noWorkspace')}</p>
    ) : session.kind === 'anonymous' ? (
      <p data-testid="needs-sign-in">
        {t('market.needsSignIn')} <a href="#/sign-in?next=market">{t('account.signIn')}</a>
      </p>
    ) : (
      <>
        <Tabs page={props.page} me={session.me} />
        {props.children(session.me)}
      </>
    )
  return (
    <section class="view market" data-view={`market-${props.page}`} aria-labelledby="market-title">
      {props.ownTitle && session.kind === 'user' ? null : (
        <h1 class="view-title" id="market-title">
          {props.title}
        </h1>
      )}
      {body}
    </section>
  )
}

function Tabs(props: { readonly page: Page; readonly me: Me }) {
  const unread = useUnread()
  const tabs = TABS.filter((tab) => tab !== 'review' || canReview(props.me))
  return (
    <nav class="market-tabs" aria-label={t('market.tabs')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab}>
            <a href={marketHash(tab)} aria-current={props.page === tab ? 'page' : undefined} data-tab={tab}>
              {t(`market.tab.${tab}`)}
              {tab === 'inbox' && unread.kind === 'count' ? <UnreadCount unread={unread.unread} /> : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
