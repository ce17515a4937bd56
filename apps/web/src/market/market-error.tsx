import type { ComponentChildren } from 'preact'
import { ApiError } from '../api/client.js'
import { StatusView } from '../components/status-view.js'
import { t, tMaybe } from '../i18n/i18n.js'
import type { MessageKey } from '../i18n/messages.js'
import type { Loaded } from '../lib/use-fetch.js'
import { errorText } from '../workspace/error-text.js'
import { errorField } from './model.js'

/** What the server refused about one field (`trl`, `contact.email`), in words. */
export const fieldMessage = (field: string): string =>
  tMaybe(`market.err.${field.replace(/\[\d+\]$/, '')}`, t('market.err.value'))

/**
 * A marketplace API error in words: a refused value names its field (by its label in `labels`), a conflict
 * says the record's state does not allow it; `overrides` give a form its own words for a code.
 */
export function MarketError(props: {
  readonly error: unknown
  readonly labels?: Readonly<Record<string, string>>
  readonly overrides?: Readonly<Record<string, MessageKey>>
}) {
  const { error } = props
  if (error === null || error === undefined) return null
  const field = errorField(error)
  const invalid = error instanceof ApiError && error.code === 'INVALID_VALUE'
  const base = field?.split(/[.[]/)[0] ?? ''
  const name = field === null ? null : (props.labels?.[field] ?? props.labels?.[base] ?? field)
  return (
    <p class="form-error" role="alert" data-testid="form-error">
      {invalid && field !== null
        ? t('market.err.check', { field: name ?? field, message: fieldMessage(field) })
        : errorText(error, { CONFLICT: 'market.err.conflict', ...props.overrides })}
    </p>
  )
}

/** Whether an error is the server saying it has no such route (no marketplace). */
export const noRoute = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'NOT_FOUND' && /^no route /i.test(error.message)

/** Loading and error states of a marketplace request; a server without the marketplace says so. */
export function MarketLoaded<T>(props: {
  readonly loaded: Loaded<T>
  readonly children: (value: T) => ComponentChildren
}) {
  const { loaded } = props
  if (loaded.state === 'error' && noRoute(loaded.error))
    return <p data-testid="no-market">{t('market.noMarket')}</p>
  if (loaded.state === 'error' && loaded.error instanceof ApiError && loaded.error.code === 'NOT_FOUND')
    return (
      <p class="form-error" role="alert" data-testid="not-found">
        {t('market.notFound')}
      </p>
    )
  return <StatusView loaded={loaded}>{props.children}</StatusView>
}
