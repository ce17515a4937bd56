import { useEffect, useState } from 'preact/hooks'
import {
  IPR_STATUSES,
  OFFER_TYPES,
  PARTNER_ROLES,
  PARTNERSHIP_TYPES,
  RECORD_LANGUAGES,
  RECORD_TYPES,
  type MarketRecord,
  type RecordType,
} from '../api/market-types.js'
import { t } from '../i18n/i18n.js'
import { splitList } from '../steer/model.js'
import { useSubmit } from '../workspace/form.js'
import { marketApi } from './client.js'
import { CheckGroup, ChoiceField, TextField } from './fields.js'
import { label } from './format.js'
import { fieldMessage, MarketError } from './market-error.js'
import { errorField } from './model.js'

const EMPTY = {
  type: 'technology-request' as RecordType,
  title: '',
  summary: '',
  problem: '',
  advantage: '',
  keywords: '',
  classes: '',
  trl: '',
  iprStatus: '',
  patentNumber: '',
  partnershipTypes: [] as string[],
  partnerRoles: [] as string[],
  partnerCountries: '',
  languages: ['en'] as string[],
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  expiresOn: '',
}
type Form = typeof EMPTY
type Key = keyof Form

/** The form field the API's field path names (`contact.email`, `classes[1]`, a bare `contact`). */
function formKey(field: string): Key | null {
  if (field === 'contact' || field.startsWith('contact.email')) return 'contactEmail'
  if (field.startsWith('contact.name')) return 'contactName'
  if (field.startsWith('contact.phone')) return 'contactPhone'
  const base = field.split(/[.[]/)[0] ?? ''
  return base in EMPTY ? (base as Key) : null
}

const idOf = (key: Key) => `record-${key}`

/**
 * Register an offer or a need (a draft: its page then sends it to review). A value the server refuses is
 * named beside its field, which takes the focus.
 */
export function RecordForm(props: {
  readonly open: boolean
  readonly onCreated: (record: MarketRecord) => void
}) {
  const [form, setForm] = useState(EMPTY)
  const submit = useSubmit()
  const set =
    <K extends Key>(key: K) =>
    (value: Form[K]) =>
      setForm({ ...form, [key]: value })
  const field = errorField(submit.error)
  const bad = field === null ? null : formKey(field)
  const error = (key: Key) => (bad === key && field !== null ? fieldMessage(field) : null)
  useEffect(() => {
    if (bad !== null) document.getElementById(idOf(bad))?.focus()
  }, [submit.error])
  const offer = OFFER_TYPES.includes(form.type)
  const labels: Record<string, string> = {
    type: t('market.type'),
    title: t('market.recordTitle'),
    summary: t('market.summary'),
    problem: t('market.problem'),
    advantage: t('market.advantage'),
    keywords: t('market.keywords'),
    classes: t('market.classes'),
    trl: t('market.trl'),
    iprStatus: t('market.iprStatus'),
    patentNumber: t('market.patentNumber'),
    partnershipTypes: t('market.partnershipTypes'),
    partnerRoles: t('market.partnerRoles'),
    partnerCountries: t('market.partnerCountries'),
    languages: t('market.languages'),
    contact: t('market.contact'),
    'contact.name': t('market.contactName'),
    'contact.email': t('market.contactEmail'),
    'contact.phone': t('market.contactPhone'),
    expiresOn: t('market.expiresOn'),
  }
  return (
    <details class="form-card create-programme create-record" data-testid="record-create" open={props.open}>
      <summary>
        <h2 class="form-title">{t('market.create')}</h2>
      </summary>
      <form
        data-testid="record-form"
        onSubmit={(event) => {
          event.preventDefault()
          void submit.run(async () => {
            const created = await marketApi.create({
              type: form.type,
              title: form.title.trim(),
              summary: form.summary.trim(),
              problem: form.problem.trim() || null,
              advantage: form.advantage.trim() || null,
              keywords: splitList(form.keywords),
              classes: splitList(form.classes),
              trl: form.trl === '' ? null : Number(form.trl),
              iprStatus: form.iprStatus || null,
              patentNumber: form.patentNumber.trim() || null,
              partnershipTypes: PARTNERSHIP_TYPES.filter((p) => form.partnershipTypes.includes(p)),
              partnerRoles: PARTNER_ROLES.filter((r) => form.partnerRoles.includes(r)),
              partnerCountries: splitList(form.partnerCountries, true),
              languages: RECORD_LANGUAGES.filter((l) => form.languages.includes(l)),
              contact: {
                name: form.contactName.trim(),
                email: form.contactEmail.trim() || null,
                phone: form.contactPhone.trim() || null,
              },
              expiresOn: form.expiresOn || null,
            })
            setForm(EMPTY)
            props.onCreated(created)
          })
        }}
      >
        <p class="form-intro">{t('market.createIntro')}</p>
        <div class="form-row">
          <ChoiceField
            id={idOf('type')}
            label={t('market.type')}
            value={form.type}
            options={RECORD_TYPES.map((type) => [type, label('type', type)] as const)}
            error={error('type')}
            onChange={(value) => set('type')(value as RecordType)}
          />
          <TextField
            id={idOf('trl')}
            type="number"
            min={1}
            max={9}
            label={t('market.trl')}
            hint={t('market.trlHint')}
            value={form.trl}
            error={error('trl')}
            onInput={set('trl')}
          />
          <TextField
            id={idOf('expiresOn')}
            type="date"
            label={t('market.expiresOnField')}
            hint={t('market.expiresHint')}
            value={form.expiresOn}
            error={error('expiresOn')}
            onInput={set('expiresOn')}
          />
        </div>
        <TextField
          id={idOf('title')}
          label={t('market.recordTitle')}
          required
          maxLength={300}
          value={form.title}
          error={error('title')}
          onInput={set('title')}
        />
        <TextField
          id={idOf('summary')}
          label={t('market.summary')}
          required
          rows={3}
          maxLength={5000}
          value={form.summary}
          error={error('summary')}
          onInput={set('summary')}
        />
        <TextField
          id={idOf('problem')}
          label={t('market.problemField')}
          rows={2}
          maxLength={5000}
          value={form.problem}
          error={error('problem')}
          onInput={set('problem')}
        />
        <TextField
          id={idOf('advantage')}
          label={offer ? t('market.advantageRequired') : t('market.advantageField')}
          hint={t('market.advantageHint')}
          required={offer}
          rows={2}
          maxLength={5000}
          value={form.advantage}
          error={error('advantage')}
          onInput={set('advantage')}
        />
        <div class="form-row">
          <TextField
            id={idOf('keywords')}
            label={t('market.keywords')}
            hint={t('market.listHint')}
            value={form.keywords}
            error={error('keywords')}
            onInput={set('keywords')}
          />
          <TextField
            id={idOf('classes')}
            label={t('market.classes')}
            hint={t('market.classesHint')}
            value={form.classes}
            error={error('classes')}
            onInput={set('classes')}
          />
          <ChoiceField
            id={idOf('iprStatus')}
            label={t('market.iprStatus')}
            value={form.iprStatus}
            options={[['', '–'], ...IPR_STATUSES.map((s) => [s, label('ipr', s)] as const)]}
            error={error('iprStatus')}
            onChange={set('iprStatus')}
          />
          <TextField
            id={idOf('patentNumber')}
            label={t('market.patentNumber')}
            hint={t('market.patentHint')}
            maxLength={50}
            value={form.patentNumber}
            error={error('patentNumber')}
            onInput={set('patentNumber')}
          />
          <TextField
            id={idOf('partnerCountries')}
            label={t('market.partnerCountries')}
            hint={t('market.codesHint')}
            value={form.partnerCountries}
            error={error('partnerCountries')}
            onInput={set('partnerCountries')}
          />
        </div>
        <CheckGroup
          id={idOf('partnershipTypes')}
          legend={t('market.partnershipTypes')}
          options={PARTNERSHIP_TYPES.map((p) => [p, label('pt', p)] as const)}
          values={form.partnershipTypes}
          error={error('partnershipTypes')}
          onChange={set('partnershipTypes')}
        />
        <CheckGroup
          id={idOf('partnerRoles')}
          legend={t('market.partnerRoles')}
          options={PARTNER_ROLES.map((r) => [r, label('role', r)] as const)}
          values={form.partnerRoles}
          error={error('partnerRoles')}
          onChange={set('partnerRoles')}
        />
        <CheckGroup
          id={idOf('languages')}
          legend={t('market.languages')}
          options={RECORD_LANGUAGES.map((l) => [l, label('lang', l)] as const)}
          values={form.languages}
          error={error('languages')}
          onChange={set('languages')}
        />
        <fieldset class="rows contact-rows">
          <legend>{t('market.contact')}</legend>
          <p class="field-hint">{t('market.contactHint')}</p>
          <div class="form-row">
            <TextField
              id={idOf('contactName')}
              label={t('market.contactName')}
              required
              maxLength={200}
              autocomplete="name"
              value={form.contactName}
              error={error('contactName')}
              onInput={set('contactName')}
            />
            <TextField
              id={idOf('contactEmail')}
              type="email"
              label={t('market.contactEmail')}
              maxLength={200}
              autocomplete="email"
              value={form.contactEmail}
              error={error('contactEmail')}
              onInput={set('contactEmail')}
            />
            <TextField
              id={idOf('contactPhone')}
              type="tel"
              label={t('market.contactPhone')}
              maxLength={50}
              autocomplete="tel"
              value={form.contactPhone}
              error={error('contactPhone')}
              onInput={set('contactPhone')}
            />
          </div>
        </fieldset>
        <MarketError error={submit.error} labels={labels} />
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {t('market.createSubmit')}
          </button>
        </div>
      </form>
    </details>
  )
}
