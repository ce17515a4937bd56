import { formatNumber, t } from '../i18n/i18n.js'
import { useSession } from '../workspace/session.js'
import { marketHash } from './route.js'
import { useUnread } from './unread.js'
import './market.css'

/** The unread count beside a link: the number shown, the words read out. */
export function UnreadCount(props: { readonly unread: number }) {
  if (props.unread <= 0) return null
  return (
    <span class="unread-count" data-testid="unread-count" data-value={props.unread}>
      <span aria-hidden="true">{formatNumber(props.unread)}</span>
      <span class="visually-hidden">{t('market.unreadCount', { n: props.unread })}</span>
    </span>
  )
}

/**
 * The header's "Marketplace" entry with the unread count: none on a server without a workspace (the
 * marketplace is signed in) or without the marketplace.
 */
export function MarketNavItem(props: { readonly current: boolean }) {
  const { session } = useSession()
  const unread = useUnread()
  if (session.kind === 'absent' || unread.kind === 'none') return null
  return (
    <li>
      <a href={marketHash('list')} aria-current={props.current ? 'page' : undefined} data-nav="market">
        {t('market.nav')}
        {unread.kind === 'count' ? <UnreadCount unread={unread.unread} /> : null}
      </a>
    </li>
  )
}
