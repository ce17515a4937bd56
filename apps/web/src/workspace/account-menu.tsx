import { useEffect, useRef, useState } from 'preact/hooks'
import { t } from '../i18n/i18n.js'
import { navigate } from '../lib/route.js'
import { roleLabel } from './format.js'
import { signOut, useSession } from './session.js'
import './workspace.css'

/**
 * The header's account corner: "Sign in" when anonymous; when signed in, a disclosure menu with the e-mail,
 * role and account pages. Nothing at all on a server without a workspace.
 */
export function AccountMenu() {
  const { session } = useSession()
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    const outside = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      button.current?.focus()
    }
    document.addEventListener('pointerdown', outside)
    document.addEventListener('focusin', outside)
    document.addEventListener('keydown', escape)
    return () => {
      document.removeEventListener('pointerdown', outside)
      document.removeEventListener('focusin', outside)
      document.removeEventListener('keydown', escape)
    }
  }, [open])
  // `data-session` lets tests tell "no workspace" (nothing shown) from "still asking".
  if (session.kind === 'loading' || session.kind === 'absent')
    return <div class="account" data-session={session.kind} hidden />
  if (session.kind === 'anonymous')
    return (
      <div class="account" data-session="anonymous">
        <a class="account-sign-in" href="#/sign-in" data-testid="sign-in-link">
          {t('account.signIn')}
        </a>
      </div>
    )
  const { me } = session
  const close = () => setOpen(false)
  return (
    <div class="account" ref={root} data-session="user">
      <button
        ref={button}
        type="button"
        class="account-button"
        aria-expanded={open}
        aria-controls="account-menu"
        data-testid="account-button"
        aria-label={t('account.menuOf', { email: me.email })}
        onClick={() => setOpen(!open)}
      >
        {/* The name before the @ keeps the header on one line; the menu shows the whole address. */}
        <span class="account-email" translate={false}>
          {me.email.split('@')[0]}
        </span>
        <span aria-hidden="true">▾</span>
      </button>
      <div id="account-menu" class="account-menu" hidden={!open}>
        <p class="account-who">
          <span translate={false} data-testid="account-email">
            {me.email}
          </span>
          <span class="account-role" data-testid="account-role">
            {roleLabel(me.role)}
          </span>
        </p>
        <ul>
          <li>
            <a href="#/tokens" onClick={close} data-account="tokens">
              {t('account.tokens')}
            </a>
          </li>
          {me.role === 'admin' ? (
            <li>
              <a href="#/admin" onClick={close} data-account="admin">
                {t('account.admin')}
              </a>
            </li>
          ) : null}
          <li>
            <a href="#/password" onClick={close} data-account="password">
              {t('account.password')}
            </a>
          </li>
          <li>
            <button
              type="button"
              class="link"
              data-account="sign-out"
              onClick={() => {
                close()
                void signOut().finally(() => navigate('sign-in', { notice: 'signedOut' }))
              }}
            >
              {t('account.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  )
}
