import { ApiError } from '../api/client.js'
import { t } from '../i18n/i18n.js'
import { errorText } from '../workspace/error-text.js'

/** The field path STEER's messages start with (`programmes[0].milestones[1].dueDate: ...`). */
const fieldPath = (message: string): string | null => /^([\w.[\]]+): /.exec(message)?.[1] ?? null

/** A STEER API error in words; a refused value names the field it is about (as the API does). */
export function SteerError(props: { readonly error: unknown }) {
  const { error } = props
  if (error === null || error === undefined) return null
  const field = error instanceof ApiError ? (error.field ?? fieldPath(error.message)) : null
  return (
    <p class="form-error" role="alert" data-testid="form-error">
      {error instanceof ApiError && error.code === 'INVALID_VALUE' ? t('err.invalid') : errorText(error)}
      {field ? (
        <>
          {' '}
          <code translate={false}>{field}</code>
        </>
      ) : null}
    </p>
  )
}
