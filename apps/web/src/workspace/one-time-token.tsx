import { useEffect, useRef, useState } from 'preact/hooks'
import type { CreatedToken } from '../api/workspace-types.js'
import { t } from '../i18n/i18n.js'

/** A new token, shown this once: select-all field, a copy button and the warning that it will not come back. */
export function OneTimeToken(props: { readonly created: CreatedToken; readonly onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const copy = () =>
    navigator.clipboard.writeText(props.created.token).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    )
  return (
    <section class="form-card one-time" data-testid="new-token" aria-labelledby="new-token-title">
      <h2 class="section-title" id="new-token-title" tabIndex={-1} ref={heading}>
        {t('tokens.created', { name: props.created.name })}
      </h2>
      <p class="warning">{t('tokens.once')}</p>
      <div class="token-copy">
        <label class="visually-hidden" for="new-token-value">
          {t('tokens.value')}
        </label>
        <input
          id="new-token-value"
          readOnly
          value={props.created.token}
          translate={false}
          spellcheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" class="primary" onClick={() => void copy()} data-testid="copy-token">
          {t('tokens.copy')}
        </button>
      </div>
      <p role="status" class="copy-status">
        {copied === 'yes' ? t('tokens.copied') : copied === 'no' ? t('tokens.copyFailed') : ''}
      </p>
      <div class="form-actions">
        <button type="button" onClick={props.onDone} data-testid="token-done">
          {t('tokens.done')}
        </button>
      </div>
    </section>
  )
}
