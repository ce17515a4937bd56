import { useRef, useState } from 'preact/hooks'
import { steerApi } from '../api/steer-client.js'
import { MILESTONE_STATUSES, type Programme } from '../api/steer-types.js'
import { t } from '../i18n/i18n.js'
import { Field, SelectField, useSubmit } from '../workspace/form.js'
import { SteerError } from './steer-error.js'

const EMPTY = { title: '', dueDate: '', status: 'planned', responsible: '' }

/** Add a milestone to a programme (its owner's programme managers, admins); it joins the time line at once. */
export function MilestoneForm(props: { readonly programme: Programme; readonly onAdded: () => void }) {
  const [form, setForm] = useState(EMPTY)
  const submit = useSubmit()
  const details = useRef<HTMLDetailsElement>(null)
  const set = (key: keyof typeof EMPTY) => (value: string) => setForm({ ...form, [key]: value })
  return (
    <details class="form-card inline-form add-milestone" data-testid="milestone-create" ref={details}>
      <summary>
        <h3 class="form-title">{t('steer.addMilestone')}</h3>
      </summary>
      <form
        data-testid="milestone-form"
        onSubmit={(event) => {
          event.preventDefault()
          void submit.run(async () => {
            await steerApi.addMilestone(props.programme.id, {
              title: form.title.trim(),
              dueDate: form.dueDate,
              status: form.status,
              responsibleEntityId: form.responsible === '' ? null : Number(form.responsible),
            })
            setForm(EMPTY)
            if (details.current) details.current.open = false
            props.onAdded()
          })
        }}
      >
        <div class="form-row">
          <Field
            id="new-milestone-title"
            label={t('steer.field.title')}
            required
            value={form.title}
            onInput={set('title')}
          />
          <Field
            id="new-milestone-due"
            type="date"
            label={t('steer.col.due')}
            required
            value={form.dueDate}
            onInput={set('dueDate')}
          />
          <SelectField
            id="new-milestone-status"
            label={t('col.status')}
            value={form.status}
            options={MILESTONE_STATUSES.map((s) => [s, t(`steer.milestone.${s}`)] as const)}
            onChange={set('status')}
          />
          <SelectField
            id="new-milestone-responsible"
            label={t('steer.col.responsible')}
            value={form.responsible}
            options={[
              ['', '–'],
              ...props.programme.entities.map((e) => [String(e.id), e.name, true] as const),
            ]}
            onChange={set('responsible')}
          />
        </div>
        <SteerError error={submit.error} />
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {t('steer.addMilestoneSubmit')}
          </button>
        </div>
      </form>
    </details>
  )
}
