import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { errorText } from './error-text.js'
import type { MessageKey } from '../i18n/messages.js'

/** A labelled input; `hint` is read out with it (`aria-describedby`). */
export function Field(props: {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onInput: (value: string) => void
  readonly type?: 'text' | 'email' | 'password' | 'number' | 'date'
  readonly autocomplete?: string
  readonly required?: boolean
  readonly hint?: string
  readonly min?: number
  readonly max?: number
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete}
        required={props.required}
        min={props.min}
        max={props.max}
        aria-describedby={hintId}
        onInput={(event) => props.onInput((event.currentTarget as HTMLInputElement).value)}
      />
      {props.hint ? (
        <span class="field-hint" id={hintId}>
          {props.hint}
        </span>
      ) : null}
    </div>
  )
}

/** A select option: value, label, and whether the label is data (a name) rather than interface text. */
export type Option = readonly [value: string, label: string, data?: boolean]

/** A labelled select. */
export function SelectField(props: {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly options: readonly Option[]
  readonly onChange: (value: string) => void
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        name={props.id}
        value={props.value}
        onChange={(event) => props.onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map(([value, label, data]) => (
          <option key={value} value={value} translate={data ? false : undefined}>
            {label}
          </option>
        ))}
      </select>
    </div>
  )
}

/** An API error in words, announced when it appears. */
export function FormError(props: {
  readonly error: unknown
  readonly overrides?: Readonly<Record<string, MessageKey>>
}) {
  if (props.error === null || props.error === undefined) return null
  return (
    <p class="form-error" role="alert" data-testid="form-error">
      {errorText(props.error, props.overrides)}
    </p>
  )
}

/** A success or information line, announced politely. */
export function Notice(props: { readonly children: ComponentChildren }) {
  return (
    <p class="notice" role="status" data-testid="notice">
      {props.children}
    </p>
  )
}

/**
 * The state of a form sent to the API: `busy` while it runs, the error it ended with. `run` clears the error,
 * awaits the action, and keeps its error for {@link FormError}.
 */
export function useSubmit(): {
  readonly busy: boolean
  readonly error: unknown
  readonly run: (action: () => Promise<void>) => Promise<void>
  readonly setError: (error: unknown) => void
} {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, run, setError }
}
