import { useState } from 'preact/hooks'
import { workspaceApi } from '../api/workspace-client.js'
import { t } from '../i18n/i18n.js'
import { navigate } from '../lib/route.js'
import { AccountPage } from './account-page.js'
import { Field, FormError, useSubmit } from './form.js'
import { NewPassword } from './new-password.js'
import { SignedIn } from './signed-in.js'
import { sessionEnded } from './session.js'

/** Change your own password; the server then ends every session, so the next step is signing in again. */
export function PasswordView() {
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [repeat, setRepeat] = useState('')
  const [mismatch, setMismatch] = useState(false)
  const submit = useSubmit()
  return (
    <AccountPage id="password" title={t('password.title')}>
      <SignedIn view="password">
        {() => (
          <form
            class="form-card"
            data-testid="password-form"
            onSubmit={(event) => {
              event.preventDefault()
              setMismatch(next !== repeat)
              if (next !== repeat) return
              void submit.run(async () => {
                await workspaceApi.changePassword(current, next)
                sessionEnded()
                navigate('sign-in', { notice: 'password' })
              })
            }}
          >
            <p class="form-intro">{t('password.intro')}</p>
            <Field
              id="password-current"
              label={t('field.currentPassword')}
              type="password"
              autocomplete="current-password"
              required
              value={current}
              onInput={setCurrent}
            />
            <NewPassword
              id="password-new"
              label={t('field.newPassword')}
              value={next}
              repeat={repeat}
              mismatch={mismatch}
              onInput={setNext}
              onRepeat={setRepeat}
            />
            <FormError error={submit.error} overrides={{ UNAUTHENTICATED: 'password.wrongCurrent' }} />
            <div class="form-actions">
              <button type="submit" class="primary" disabled={submit.busy}>
                {t('password.submit')}
              </button>
            </div>
          </form>
        )}
      </SignedIn>
    </AccountPage>
  )
}
