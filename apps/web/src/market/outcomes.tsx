import { useState } from 'preact/hooks'
import {
  NO_DEAL_REASONS,
  OUTCOME_KINDS,
  PARTNERSHIP_TYPES,
  type Interest,
  type OutcomeKind,
} from '../api/market-types.js'
import { t } from '../i18n/i18n.js'
import { formatDate } from '../steer/format.js'
import { useSubmit } from '../workspace/form.js'
import { marketApi } from './client.js'
import { ChoiceField, TextField } from './fields.js'
import { label, outcomeText } from './format.js'
import { MarketError } from './market-error.js'
import { todayIso } from './model.js'
import { inboxChanged } from './unread.js'

/** What an introduction led to so far, oldest first. */
export function OutcomeList(props: { readonly interest: Interest }) {
  const { outcomes } = props.interest
  if (outcomes.length === 0) return <p class="muted">{t('market.noOutcomes')}</p>
  return (
    <ul class="outcomes" data-testid="outcomes">
      {outcomes.map((o) => (
        <li key={o.id} data-outcome={o.kind}>
          <strong>{outcomeText(o.kind, o.agreementType, o.noDealReason)}</strong>
          {' · '}
          {formatDate(o.date)}
          {' · '}
          <span translate={false}>{o.recordedBy}</span>
          {o.note ? (
            <>
              {' · '}
              <q translate={false}>{o.note}</q>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

/** Record an outcome of an accepted introduction (either side): a meeting, an NDA, an agreement, no deal. */
export function OutcomeForm(props: {
  readonly interest: Interest
  readonly onDone: (interest: Interest) => void
}) {
  const { interest } = props
  const [kind, setKind] = useState<OutcomeKind>('meeting')
  const [agreementType, setAgreementType] = useState<string>(PARTNERSHIP_TYPES[0])
  const [reason, setReason] = useState<string>(NO_DEAL_REASONS[0])
  const [date, setDate] = useState(todayIso())
  const [note, setNote] = useState('')
  const submit = useSubmit()
  const id = `outcome-${interest.id}`
  return (
    <details class="disclosure outcome-form">
      <summary>{t('market.addOutcome')}</summary>
      <form
        data-testid="outcome-form"
        onSubmit={(event) => {
          event.preventDefault()
          void submit.run(async () => {
            const changed = await marketApi.recordOutcome(interest.id, {
              kind,
              date,
              ...(kind === 'agreement' ? { agreementType } : {}),
              ...(kind === 'no-deal' ? { reason } : {}),
              ...(note.trim() ? { note: note.trim() } : {}),
            })
            setNote('')
            inboxChanged()
            props.onDone(changed)
          })
        }}
      >
        <div class="form-row">
          <ChoiceField
            id={`${id}-kind`}
            label={t('market.outcomeKind')}
            value={kind}
            options={OUTCOME_KINDS.map((k) => [k, label('outcome', k)] as const)}
            onChange={(value) => setKind(value as OutcomeKind)}
          />
          {kind === 'agreement' ? (
            <ChoiceField
              id={`${id}-agreement`}
              label={t('market.agreementType')}
              value={agreementType}
              options={PARTNERSHIP_TYPES.map((p) => [p, label('pt', p)] as const)}
              onChange={setAgreementType}
            />
          ) : null}
          {kind === 'no-deal' ? (
            <ChoiceField
              id={`${id}-reason`}
              label={t('market.noDealReason')}
              value={reason}
              options={NO_DEAL_REASONS.map((r) => [r, label('noDeal', r)] as const)}
              onChange={setReason}
            />
          ) : null}
          <TextField
            id={`${id}-date`}
            type="date"
            required
            label={t('market.outcomeDate')}
            value={date}
            onInput={setDate}
          />
        </div>
        <TextField
          id={`${id}-note`}
          label={t('market.noteOptional')}
          rows={2}
          maxLength={2000}
          value={note}
          onInput={setNote}
        />
        <MarketError error={submit.error} labels={{ date: t('market.outcomeDate') }} />
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {t('market.addOutcomeSubmit')}
          </button>
        </div>
      </form>
    </details>
  )
}
