import type { Option } from '../workspace/form.js'

/** `aria-describedby` of a control with an optional hint and error. */
const described = (id: string, hint?: string, error?: string | null) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined

/** The error a field got from the server, beside the field and read out with it. */
function FieldError(props: { readonly id: string; readonly error?: string | null }) {
  if (!props.error) return null
  return (
    <span class="field-error" id={`${props.id}-error`} data-testid="field-error" data-for={props.id}>
      {props.error}
    </span>
  )
}

function Hint(props: { readonly id: string; readonly hint?: string | undefined }) {
  return props.hint ? (
    <span class="field-hint" id={`${props.id}-hint`}>
      {props.hint}
    </span>
  ) : null
}

/** A labelled input or text area, with a hint and the server's error for it. */
export function TextField(props: {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onInput: (value: string) => void
  readonly type?: 'text' | 'email' | 'tel' | 'number' | 'date'
  readonly rows?: number
  readonly required?: boolean
  readonly hint?: string
  readonly error?: string | null
  readonly min?: number
  readonly max?: number
  readonly maxLength?: number
  readonly autocomplete?: string
}) {
  const common = {
    id: props.id,
    name: props.id,
    value: props.value,
    required: props.required,
    maxLength: props.maxLength,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': described(props.id, props.hint, props.error),
  }
  const input = (event: Event) => props.onInput((event.currentTarget as HTMLInputElement).value)
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.rows ? (
        <textarea {...common} rows={props.rows} onInput={input} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          min={props.min}
          max={props.max}
          autocomplete={props.autocomplete}
          onInput={input}
        />
      )}
      <Hint id={props.id} hint={props.hint} />
      <FieldError id={props.id} error={props.error} />
    </div>
  )
}

/** A labelled select with the server's error for it. */
export function ChoiceField(props: {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly options: readonly Option[]
  readonly onChange: (value: string) => void
  readonly hint?: string
  readonly error?: string | null
}) {
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        name={props.id}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described(props.id, props.hint, props.error)}
        onChange={(event) => props.onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map(([value, label, data]) => (
          <option key={value} value={value} translate={data ? false : undefined}>
            {label}
          </option>
        ))}
      </select>
      <Hint id={props.id} hint={props.hint} />
      <FieldError id={props.id} error={props.error} />
    </div>
  )
}

/** Check boxes for a list of values (several may be chosen), under one legend. */
export function CheckGroup(props: {
  readonly id: string
  readonly legend: string
  readonly options: readonly (readonly [string, string])[]
  readonly values: readonly string[]
  readonly onChange: (values: string[]) => void
  readonly error?: string | null
  readonly hint?: string
}) {
  const toggle = (value: string, on: boolean) =>
    props.onChange(
      on ? [...props.values.filter((v) => v !== value), value] : props.values.filter((v) => v !== value),
    )
  return (
    <fieldset
      class={props.error ? 'field checks invalid' : 'field checks'}
      id={props.id}
      tabIndex={-1}
      aria-describedby={described(props.id, props.hint, props.error)}
    >
      <legend>{props.legend}</legend>
      {props.options.map(([value, label]) => (
        <label key={value} class="check" for={`${props.id}-${value}`}>
          <input
            type="checkbox"
            id={`${props.id}-${value}`}
            name={props.id}
            value={value}
            checked={props.values.includes(value)}
            onChange={(event) => toggle(value, (event.currentTarget as HTMLInputElement).checked)}
          />
          {label}
        </label>
      ))}
      <Hint id={props.id} hint={props.hint} />
      <FieldError id={props.id} error={props.error} />
    </fieldset>
  )
}
