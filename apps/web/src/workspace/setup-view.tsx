import { useState } from 'preact/hooks'
import { workspaceApi } from '../api/workspace-client.js'
import { t } from '../i18n/i18n.js'
import { replaceView } from '../lib/route.js'
import { useFetch } from '../lib/use-fetch.js'
import { StatusView } from '../components/status-view.js'
import { AccountPage } from './account-page.js'
import { Field, FormError, useSubmit } from './form.js'
import { NewPassword } from './new-password.js'
import { signIn } from './session.js'

/**
 * First run: the link `meridian serve` prints (`#/setup?token=…`) opens this form, which creates the first
 * admin and signs them in.
 */
export function SetupView(props: { readonly params: Readonly<Record<string, string>> }) {
  const status = useFetch('setup', () => workspaceApi.setupNeeded())
  const [email, setEmail] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const [mismatch, setMismatch] = useState(false)
  const submit = useSubmit()
  const token = props.params.token ?? ''
  return (
    <AccountPage id="setup" title={t('setup.title')}>
      <StatusView loaded={status}>
        {({ needed }) =>
          !needed ? (
            <p data-testid="setup-done">
              {t('setup.done')} <a href="#/sign-in">{t('account.signIn')}</a>
            </p>
          ) : token === '' ? (
            <p data-testid="setup-no-token">{t('setup.noToken')}</p>
          ) : (
            <form
              class="form-card"
              data-testid="setup-form"
              onSubmit={(event) => {
                event.preventDefault()
                setMismatch(password !== repeat)
                if (password !== repeat) return
                void submit.run(async () => {
                  await workspaceApi.setup({
                    token,
                    email: email.trim(),
                    password,
                    ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
                  })
                  await signIn(email.trim(), password)
                  // The link is spent: keep it out of the history.
                  replaceView('admin')
                })
              }}
            >
              <p class="form-intro">{t('setup.intro')}</p>
              <Field
                id="setup-email"
                label={t('field.email')}
                type="email"
                autocomplete="username"
                required
                value={email}
                onInput={setEmail}
              />
              <Field
                id="setup-name"
                label={t('field.displayName')}
                autocomplete="name"
                value={displayName}
                onInput={setDisplayName}
              />
              <NewPassword
                id="setup-password"
                label={t('field.password')}
                value={password}
                repeat={repeat}
                mismatch={mismatch}
                onInput={setPassword}
                onRepeat={setRepeat}
              />
              <FormError error={submit.error} overrides={{ UNAUTHENTICATED: 'setup.badLink' }} />
              <div class="form-actions">
                <button type="submit" class="primary" disabled={submit.busy}>
                  {t('setup.submit')}
                </button>
              </div>
            </form>
          )
        }
      </StatusView>
    </AccountPage>
  )
}
