import { useState } from 'preact/hooks'
import { steerApi } from '../api/steer-client.js'
import {
  ENTITY_ROLES,
  MILESTONE_STATUSES,
  PROGRAMME_KINDS,
  PROGRAMME_STATUSES,
  type Programme,
} from '../api/steer-types.js'
import { t } from '../i18n/i18n.js'
import { Field, SelectField, useSubmit } from '../workspace/form.js'
import { splitList } from './model.js'
import { SteerError } from './steer-error.js'

interface EntityRow {
  readonly name: string
  readonly role: string
  readonly rorId: string
  readonly country: string
}
interface MilestoneRow {
  readonly title: string
  readonly dueDate: string
  readonly status: string
  readonly responsible: string
}

const EMPTY = {
  title: '',
  kind: 'programme',
  status: 'active',
  description: '',
  themes: '',
  instruments: '',
  countries: '',
  partners: '',
  start: '',
  end: '',
}

/** The key a milestone names its responsible entity by (the template's `key`). */
const entityKey = (i: number) => `e${i + 1}`

/** Rows that can be added and removed (entities, milestones), each a set of labelled fields. */
function useRows<T>(blank: T) {
  const [rows, setRows] = useState<readonly T[]>([])
  return {
    rows,
    add: () => setRows([...rows, blank]),
    remove: (i: number) => setRows(rows.filter((_, j) => j !== i)),
    set: (i: number, patch: Partial<T>) =>
      setRows(rows.map((row, j) => (j === i ? { ...row, ...patch } : row))),
    clear: () => setRows([]),
  }
}

/** Register a programme with its responsible entities and milestones (programme managers, admins). */
export function ProgrammeForm(props: { readonly onCreated: (programme: Programme) => void }) {
  const [form, setForm] = useState(EMPTY)
  const entities = useRows<EntityRow>({ name: '', role: 'lead', rorId: '', country: '' })
  const milestones = useRows<MilestoneRow>({ title: '', dueDate: '', status: 'planned', responsible: '' })
  const submit = useSubmit()
  const field = (key: keyof typeof EMPTY) => (value: string) => setForm({ ...form, [key]: value })
  return (
    <details class="form-card create-programme" data-testid="programme-create">
      <summary>
        <h2 class="form-title">{t('steer.create')}</h2>
      </summary>
      <form
        data-testid="programme-form"
        onSubmit={(event) => {
          event.preventDefault()
          void submit.run(async () => {
            const created = await steerApi.createProgramme({
              title: form.title.trim(),
              kind: form.kind,
              status: form.status,
              description: form.description.trim() || null,
              themes: splitList(form.themes),
              instrumentTypes: splitList(form.instruments),
              countries: splitList(form.countries, true),
              partnerCountries: splitList(form.partners, true),
              startDate: form.start || null,
              endDate: form.end || null,
              entities: entities.rows.flatMap((e, i) =>
                e.name.trim()
                  ? [
                      {
                        key: entityKey(i),
                        name: e.name.trim(),
                        role: e.role,
                        rorId: e.rorId.trim() || null,
                        country: e.country.trim().toUpperCase() || null,
                      },
                    ]
                  : [],
              ),
              milestones: milestones.rows.map((m) => ({
                title: m.title.trim(),
                dueDate: m.dueDate,
                status: m.status,
                responsible: m.responsible || null,
              })),
            })
            setForm(EMPTY)
            entities.clear()
            milestones.clear()
            props.onCreated(created)
          })
        }}
      >
        <div class="form-row">
          <Field
            id="programme-title"
            label={t('steer.field.title')}
            required
            value={form.title}
            onInput={field('title')}
          />
          <SelectField
            id="programme-kind"
            label={t('steer.col.kind')}
            value={form.kind}
            options={PROGRAMME_KINDS.map((k) => [k, t(`steer.kind.${k}`)] as const)}
            onChange={field('kind')}
          />
          <SelectField
            id="programme-status"
            label={t('col.status')}
            value={form.status}
            options={PROGRAMME_STATUSES.map((s) => [s, t(`steer.status.${s}`)] as const)}
            onChange={field('status')}
          />
          <Field
            id="programme-start"
            type="date"
            label={t('steer.field.start')}
            value={form.start}
            onInput={field('start')}
          />
          <Field
            id="programme-end"
            type="date"
            label={t('steer.field.end')}
            value={form.end}
            onInput={field('end')}
          />
          <Field
            id="programme-countries"
            label={t('steer.col.countries')}
            hint={t('steer.codesHint')}
            value={form.countries}
            onInput={field('countries')}
          />
          <Field
            id="programme-partners"
            label={t('steer.col.partners')}
            hint={t('steer.codesHint')}
            value={form.partners}
            onInput={field('partners')}
          />
          <Field
            id="programme-themes"
            label={t('steer.themes')}
            hint={t('steer.listHint')}
            value={form.themes}
            onInput={field('themes')}
          />
          <Field
            id="programme-instruments"
            label={t('steer.instruments')}
            hint={t('steer.listHint')}
            value={form.instruments}
            onInput={field('instruments')}
          />
        </div>
        <div class="field">
          <label for="programme-description">{t('steer.field.description')}</label>
          <textarea
            id="programme-description"
            rows={3}
            value={form.description}
            onInput={(event) => field('description')((event.currentTarget as HTMLTextAreaElement).value)}
          />
        </div>
        <fieldset class="rows" data-testid="entity-rows">
          <legend>{t('steer.entities')}</legend>
          {entities.rows.map((row, i) => (
            <div class="form-row sub-row" key={i} data-row={i}>
              <Field
                id={`entity-${i}-name`}
                label={t('field.name')}
                required
                value={row.name}
                onInput={(name) => entities.set(i, { name })}
              />
              <SelectField
                id={`entity-${i}-role`}
                label={t('steer.col.role')}
                value={row.role}
                options={ENTITY_ROLES.map((r) => [r, t(`steer.role.${r}`)] as const)}
                onChange={(role) => entities.set(i, { role })}
              />
              <Field
                id={`entity-${i}-ror`}
                label={t('field.rorId')}
                value={row.rorId}
                onInput={(rorId) => entities.set(i, { rorId })}
              />
              <Field
                id={`entity-${i}-country`}
                label={t('field.country')}
                value={row.country}
                onInput={(country) => entities.set(i, { country })}
              />
              <button type="button" class="link remove" onClick={() => entities.remove(i)}>
                {t('steer.remove')}
              </button>
            </div>
          ))}
          <button type="button" onClick={entities.add} data-testid="add-entity">
            {t('steer.addEntity')}
          </button>
        </fieldset>
        <fieldset class="rows" data-testid="milestone-rows">
          <legend>{t('steer.milestones')}</legend>
          {milestones.rows.map((row, i) => (
            <div class="form-row sub-row" key={i} data-row={i}>
              <Field
                id={`milestone-${i}-title`}
                label={t('steer.field.title')}
                required
                value={row.title}
                onInput={(title) => milestones.set(i, { title })}
              />
              <Field
                id={`milestone-${i}-due`}
                type="date"
                label={t('steer.col.due')}
                required
                value={row.dueDate}
                onInput={(dueDate) => milestones.set(i, { dueDate })}
              />
              <SelectField
                id={`milestone-${i}-status`}
                label={t('col.status')}
                value={row.status}
                options={MILESTONE_STATUSES.map((s) => [s, t(`steer.milestone.${s}`)] as const)}
                onChange={(status) => milestones.set(i, { status })}
              />
              <SelectField
                id={`milestone-${i}-responsible`}
                label={t('steer.col.responsible')}
                value={row.responsible}
                options={[
                  ['', '–'],
                  ...entities.rows.flatMap((e, j) =>
                    e.name.trim() ? [[entityKey(j), e.name.trim(), true] as const] : [],
                  ),
                ]}
                onChange={(responsible) => milestones.set(i, { responsible })}
              />
              <button type="button" class="link remove" onClick={() => milestones.remove(i)}>
                {t('steer.remove')}
              </button>
            </div>
          ))}
          <button type="button" onClick={milestones.add} data-testid="add-milestone">
            {t('steer.addMilestone')}
          </button>
        </fieldset>
        <SteerError error={submit.error} />
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {t('steer.createSubmit')}
          </button>
        </div>
      </form>
    </details>
  )
}
