import { useState } from 'preact/hooks'
import { DECLINE_REASONS, type Interest, type MarketRecord } from '../api/market-types.js'
import type { Me } from '../api/workspace-types.js'
import { t } from '../i18n/i18n.js'
import { Section } from '../steer/section.js'
import { Notice, useSubmit } from '../workspace/form.js'
import { formatDateTime } from '../workspace/format.js'
import { useLatest } from '../workspace/use-latest.js'
import { marketApi } from './client.js'
import { ChoiceField, TextField } from './fields.js'
import { label } from './format.js'
import { MarketError, MarketLoaded } from './market-error.js'
import { canWrite, ownsRecord } from './model.js'
import { OutcomeForm, OutcomeList } from './outcomes.js'
import { inboxChanged } from './unread.js'

/**
 * Expressions of interest in the record: for its owners, those received (accept, decline with a reason) and
 * their outcomes; for anyone else, their own (the contact appears once accepted) and the form to express one.
 */
export function InterestsPanel(props: {
  readonly record: MarketRecord
  readonly me: Me
  readonly onChanged: () => void
}) {
  const { record, me } = props
  const [version, setVersion] = useState(0)
  const owner = ownsRecord(me, record)
  const writer = canWrite(me)
  const loaded = useLatest(`interests:${record.id}:${version}`, () => marketApi.interests(record.id))
  const changed = () => {
    setVersion((v) => v + 1)
    props.onChanged()
  }
  if (!writer) return null
  return (
    <Section id="interests" title={owner ? t('market.received') : t('market.yourInterest')} wide>
      <MarketLoaded loaded={loaded}>
        {({ sent, received }) =>
          owner ? (
            <Received interests={received} onChanged={changed} />
          ) : (
            <Sent record={record} interests={sent} onChanged={changed} />
          )
        }
      </MarketLoaded>
    </Section>
  )
}

const STATUS_CLASS: Readonly<Record<Interest['status'], string>> = {
  pending: 'status-submitted',
  accepted: 'status-published',
  declined: 'status-returned',
  withdrawn: 'status-closed',
}

const InterestStatus = (props: { readonly interest: Interest }) => (
  <span
    class={`badge ${STATUS_CLASS[props.interest.status]}`}
    data-testid="interest-status"
    data-status={props.interest.status}
  >
    {label('interest', props.interest.status)}
  </span>
)

function Decline(props: { readonly interest: Interest }) {
  const { interest } = props
  if (interest.status !== 'declined') return null
  return (
    <p class="muted">
      {t('market.declinedBecause', { reason: label('decline', interest.declineReason ?? 'other') })}
      {interest.decisionNote ? (
        <>
          {' '}
          <q translate={false}>{interest.decisionNote}</q>
        </>
      ) : null}
    </p>
  )
}

function Sent(props: {
  readonly record: MarketRecord
  readonly interests: readonly Interest[]
  readonly onChanged: () => void
}) {
  const open = props.interests.some((i) => i.status === 'pending' || i.status === 'accepted')
  return (
    <>
      {props.interests.length > 0 ? (
        <ul class="interests" data-testid="sent-interests">
          {props.interests.map((interest) => (
            <li key={interest.id} class="interest" data-interest={interest.id}>
              <p class="interest-head">
                <InterestStatus interest={interest} />
                <span class="muted">{formatDateTime(interest.createdAt)}</span>
              </p>
              <p class="interest-message" translate={false}>
                {interest.message}
              </p>
              <Decline interest={interest} />
              {interest.status === 'pending' ? <p class="muted">{t('market.pendingHint')}</p> : null}
              {interest.status === 'accepted' ? (
                <>
                  <p class="notice">{t('market.acceptedHint')}</p>
                  <OutcomeList interest={interest} />
                  <OutcomeForm interest={interest} onDone={props.onChanged} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {!open && props.record.status === 'published' ? (
        <ExpressInterest record={props.record} onDone={props.onChanged} />
      ) : null}
      {!open && props.record.status !== 'published' && props.interests.length === 0 ? (
        <p class="muted">{t('market.notPublished')}</p>
      ) : null}
    </>
  )
}

function ExpressInterest(props: { readonly record: MarketRecord; readonly onDone: () => void }) {
  const [message, setMessage] = useState('')
  const submit = useSubmit()
  const [sent, setSent] = useState(false)
  return (
    <form
      class="form-card interest-form"
      data-testid="interest-form"
      onSubmit={(event) => {
        event.preventDefault()
        void submit.run(async () => {
          await marketApi.expressInterest(props.record.id, message.trim())
          setMessage('')
          setSent(true)
          props.onDone()
        })
      }}
    >
      <h3 class="form-title">{t('market.expressInterest')}</h3>
      <p class="form-intro">{t('market.expressInterestHint')}</p>
      <TextField
        id="interest-message"
        label={t('market.message')}
        rows={4}
        required
        maxLength={4000}
        value={message}
        onInput={setMessage}
      />
      <MarketError
        error={submit.error}
        labels={{ message: t('market.message') }}
        overrides={{ CONFLICT: 'market.err.interestConflict' }}
      />
      {sent ? <Notice>{t('market.interestSent')}</Notice> : null}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={submit.busy}>
          {t('market.sendInterest')}
        </button>
      </div>
    </form>
  )
}

function Received(props: { readonly interests: readonly Interest[]; readonly onChanged: () => void }) {
  if (props.interests.length === 0)
    return (
      <p class="muted" data-testid="no-interests">
        {t('market.noInterests')}
      </p>
    )
  return (
    <ul class="interests" data-testid="received-interests">
      {props.interests.map((interest) => (
        <li key={interest.id} class="interest" data-interest={interest.id}>
          <p class="interest-head">
            <InterestStatus interest={interest} />
            <strong translate={false}>{interest.from.organisation ?? '–'}</strong>
            <span translate={false}>{interest.from.email}</span>
            <span class="muted">{formatDateTime(interest.createdAt)}</span>
          </p>
          <p class="interest-message" translate={false}>
            {interest.message}
          </p>
          <Decline interest={interest} />
          {interest.status === 'pending' ? <Decide interest={interest} onDone={props.onChanged} /> : null}
          {interest.status === 'accepted' ? (
            <>
              <OutcomeList interest={interest} />
              <OutcomeForm interest={interest} onDone={props.onChanged} />
            </>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

/** Accept (the sender then sees the contact) or decline with a reason from the list and a note. */
function Decide(props: { readonly interest: Interest; readonly onDone: () => void }) {
  const { interest } = props
  const [reason, setReason] = useState<string>(DECLINE_REASONS[0])
  const [note, setNote] = useState('')
  const submit = useSubmit()
  const id = `decide-${interest.id}`
  const decide = (decision: 'accept' | 'decline') =>
    submit.run(async () => {
      await marketApi.decide(interest.id, {
        decision,
        ...(decision === 'decline' ? { reason } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      })
      inboxChanged()
      props.onDone()
    })
  return (
    <div class="decide" data-testid="decide">
      <div class="form-actions">
        <button
          type="button"
          class="primary"
          data-decision="accept"
          disabled={submit.busy}
          onClick={() => void decide('accept')}
        >
          {t('market.accept')}
        </button>
        <span class="field-hint">{t('market.acceptHint')}</span>
      </div>
      <details class="disclosure">
        <summary>{t('market.decline')}</summary>
        <form
          class="inline-step"
          onSubmit={(event) => {
            event.preventDefault()
            void decide('decline')
          }}
        >
          <ChoiceField
            id={`${id}-reason`}
            label={t('market.declineReason')}
            value={reason}
            options={DECLINE_REASONS.map((r) => [r, label('decline', r)] as const)}
            onChange={setReason}
          />
          <TextField
            id={`${id}-note`}
            label={t('market.noteOptional')}
            maxLength={2000}
            value={note}
            onInput={setNote}
          />
          <button type="submit" class="danger" data-decision="decline" disabled={submit.busy}>
            {t('market.declineSubmit')}
          </button>
        </form>
      </details>
      <MarketError error={submit.error} />
    </div>
  )
}
