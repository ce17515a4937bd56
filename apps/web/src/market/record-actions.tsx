import { useState } from 'preact/hooks'
import { RETURN_REASONS, type MarketRecord, type Step } from '../api/market-types.js'
import { t } from '../i18n/i18n.js'
import { useSubmit } from '../workspace/form.js'
import { marketApi, type StepInput } from './client.js'
import { CheckGroup, TextField } from './fields.js'
import { label } from './format.js'
import { MarketError } from './market-error.js'
import { ownerSteps } from './model.js'
import { inboxChanged } from './unread.js'

/** Take a lifecycle step; the changed record goes to `onDone`. */
function useStep(record: MarketRecord, onDone: (record: MarketRecord) => void) {
  const submit = useSubmit()
  const take = (input: StepInput) =>
    submit.run(async () => {
      onDone(await marketApi.transition(record.id, input))
      inboxChanged()
    })
  return { ...submit, take }
}

/**
 * The owner's steps for the record's status: submit a draft or returned record for review, renew a published
 * or expired one (until a date, default twelve months on), close it with what it came to.
 */
export function OwnerActions(props: {
  readonly record: MarketRecord
  readonly onDone: (record: MarketRecord) => void
}) {
  const { record } = props
  const steps = ownerSteps(record.status)
  const step = useStep(record, props.onDone)
  const [until, setUntil] = useState('')
  const [outcome, setOutcome] = useState('')
  const id = `owner-${record.id}`
  if (steps.length === 0) return null
  return (
    <div class="record-actions" data-testid="owner-actions">
      {steps.includes('submit') ? (
        <div class="form-actions">
          <button
            type="button"
            class="primary"
            data-step="submit"
            disabled={step.busy}
            onClick={() => void step.take({ step: 'submit' })}
          >
            {t('market.step.submit')}
          </button>
          <span class="field-hint">{t('market.submitHint')}</span>
        </div>
      ) : null}
      {steps.includes('renew') ? (
        <form
          class="inline-step"
          data-testid="renew-form"
          onSubmit={(event) => {
            event.preventDefault()
            void step.take({ step: 'renew', ...(until ? { expiresOn: until } : {}) })
          }}
        >
          <TextField
            id={`${id}-until`}
            type="date"
            label={t('market.renewUntil')}
            hint={t('market.renewHint')}
            value={until}
            onInput={setUntil}
          />
          <button type="submit" data-step="renew" disabled={step.busy}>
            {t('market.step.renew')}
          </button>
        </form>
      ) : null}
      {steps.includes('close') ? (
        <details class="disclosure">
          <summary>{t('market.step.close')}</summary>
          <form
            class="inline-step"
            data-testid="close-form"
            onSubmit={(event) => {
              event.preventDefault()
              void step.take({ step: 'close', ...(outcome.trim() ? { outcome: outcome.trim() } : {}) })
            }}
          >
            <TextField
              id={`${id}-outcome`}
              label={t('market.closeOutcome')}
              value={outcome}
              maxLength={500}
              onInput={setOutcome}
            />
            <button type="submit" class="danger" data-step="close" disabled={step.busy}>
              {t('market.closeSubmit')}
            </button>
          </form>
        </details>
      ) : null}
      <MarketError error={step.error} />
    </div>
  )
}

/** A broker's review of a submitted record: approve (publish), or return it with one or more reasons and a note. */
export function ReviewActions(props: {
  readonly record: MarketRecord
  readonly onDone: (record: MarketRecord) => void
}) {
  const { record } = props
  const step = useStep(record, props.onDone)
  const [reasons, setReasons] = useState<string[]>([])
  const [note, setNote] = useState('')
  const [missing, setMissing] = useState(false)
  const id = `review-${record.id}`
  if (record.status !== 'submitted') return null
  const take = (kind: Step) => {
    if (kind === 'return' && reasons.length === 0) {
      setMissing(true)
      document.getElementById(`${id}-reasons`)?.focus()
      return
    }
    setMissing(false)
    void step.take({
      step: kind,
      ...(kind === 'return' ? { reasons } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    })
  }
  return (
    <form
      class="record-actions review-actions"
      data-testid="review-actions"
      aria-label={t('market.reviewOf', { title: record.title })}
      onSubmit={(event) => {
        event.preventDefault()
        take('approve')
      }}
    >
      <CheckGroup
        id={`${id}-reasons`}
        legend={t('market.returnReasons')}
        hint={t('market.returnReasonsHint')}
        options={RETURN_REASONS.map((r) => [r, label('return', r)] as const)}
        values={reasons}
        error={missing ? t('market.err.reasons') : null}
        onChange={setReasons}
      />
      <TextField
        id={`${id}-note`}
        label={t('market.reviewNoteField')}
        rows={2}
        maxLength={2000}
        value={note}
        onInput={setNote}
      />
      <div class="form-actions">
        <button type="submit" class="primary" data-step="approve" disabled={step.busy}>
          {t('market.step.approve')}
        </button>
        <button type="button" data-step="return" disabled={step.busy} onClick={() => take('return')}>
          {t('market.step.return')}
        </button>
      </div>
      <MarketError error={step.error} />
    </form>
  )
}
