import { useState } from 'preact/hooks'
import { t } from '../i18n/i18n.js'
import { navigate, parseHash } from '../lib/route.js'
import { AccountPage } from './account-page.js'
import { Field, FormError, Notice, useSubmit } from './form.js'
import { signIn, useSession } from './session.js'

const NOTICES = { signedOut: 'signIn.signedOut', password: 'signIn.passwordChanged' } as const

/** The sign-in form; after signing in, back to the view named by `next` (default the overview). */
export function SignInView(props: { readonly params: Readonly<Record<string, string>> }) {
  const { session } = useSession()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const submit = useSubmit()
  const notice = NOTICES[props.params.notice as keyof typeof NOTICES] as
    (typeof NOTICES)[keyof typeof NOTICES] | undefined
  if (session.kind === 'absent')
    return (
      <AccountPage id="sign-in" title={t('signIn.title')}>
        <p>{t('signIn.noWorkspace')}</p>
      </AccountPage>
    )
  if (session.kind === 'user')
    return (
      <AccountPage id="sign-in" title={t('signIn.title')}>
        <p>
          {t('signIn.already')} <strong translate={false}>{session.me.email}</strong>
        </p>
        <p>
          <a href="#/overview">{t('signIn.continue')}</a>
        </p>
      </AccountPage>
    )
  return (
    <AccountPage id="sign-in" title={t('signIn.title')}>
      {session.kind === 'anonymous' && session.ended ? <Notice>{t('signIn.ended')}</Notice> : null}
      {notice ? <Notice>{t(notice)}</Notice> : null}
      <form
        class="form-card"
        data-testid="sign-in-form"
        onSubmit={(event) => {
          event.preventDefault()
          void submit.run(async () => {
            await signIn(email.trim(), password)
            const next = parseHash(`#/${props.params.next ?? ''}`).view
            navigate(next === 'sign-in' || next === 'setup' ? 'overview' : next)
          })
        }}
      >
        <Field
          id="sign-in-email"
          label={t('field.email')}
          type="email"
          autocomplete="username"
          required
          value={email}
          onInput={setEmail}
        />
        <Field
          id="sign-in-password"
          label={t('field.password')}
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={setPassword}
        />
        <FormError error={submit.error} overrides={{ UNAUTHENTICATED: 'signIn.wrong' }} />
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {t('signIn.submit')}
          </button>
        </div>
      </form>
    </AccountPage>
  )
}
