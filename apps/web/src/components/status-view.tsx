import type { ComponentChildren } from 'preact'
import { ApiError } from '../api/client.js'
import { t } from '../i18n/i18n.js'
import type { Loaded } from '../lib/use-fetch.js'

/** Loading and error states of a request; the children render its value. */
export function StatusView<T>(props: {
  readonly loaded: Loaded<T>
  readonly children: (value: T) => ComponentChildren
}) {
  const { loaded } = props
  if (loaded.state === 'loading')
    return (
      <p class="loading" role="status" aria-live="polite">
        {t('loading')}
      </p>
    )
  if (loaded.state === 'error') {
    const { error } = loaded
    return (
      <div class="error" role="alert">
        <strong>{t('error.title')}</strong>
        <p>
          {error instanceof ApiError ? (
            <>
              <code>{error.code}</code> {error.message}
              {error.field ? ` (${error.field})` : ''}
            </>
          ) : (
            t('error.network')
          )}
        </p>
      </div>
    )
  }
  return <>{props.children(loaded.value)}</>
}
