import { useState } from 'preact/hooks'
import type { MarketRecord } from '../api/market-types.js'
import type { Me } from '../api/workspace-types.js'
import { t } from '../i18n/i18n.js'
import { marketApi } from '../market/client.js'
import { InterestsPanel } from '../market/interests-panel.js'
import { MarketLoaded } from '../market/market-error.js'
import { MarketPage } from '../market/market-page.js'
import { MatchesPanel } from '../market/matches-panel.js'
import { canReview, canWrite, ownsRecord } from '../market/model.js'
import { OwnerActions, ReviewActions } from '../market/record-actions.js'
import { ContactPanel, RecordDetails, RecordHead, ReviewNote } from '../market/record-facts.js'
import { Section } from '../steer/section.js'
import { useLatest } from '../workspace/use-latest.js'

/**
 * A record: every field, its contact when the API sends it, its status and review, the owner's and the
 * broker's steps, its matches with reasons and evidence, and the expressions of interest with their outcomes.
 */
export function MarketRecordView(props: {
  readonly id: number | null
  readonly params: Readonly<Record<string, string>>
}) {
  return (
    <MarketPage page="record" title={t('market.record')} ownTitle>
      {(me) =>
        props.id === null ? (
          <p class="form-error" role="alert" data-testid="not-found">
            {t('market.notFound')}
          </p>
        ) : (
          <RecordPage id={props.id} me={me} params={props.params} />
        )
      }
    </MarketPage>
  )
}

function RecordPage(props: {
  readonly id: number
  readonly me: Me
  readonly params: Readonly<Record<string, string>>
}) {
  const [version, setVersion] = useState(0)
  const changed = () => setVersion((v) => v + 1)
  const loaded = useLatest(`record:${props.id}:${version}`, () => marketApi.record(props.id))
  return (
    <MarketLoaded loaded={loaded}>
      {(record) => <RecordBody record={record} me={props.me} params={props.params} onChanged={changed} />}
    </MarketLoaded>
  )
}

function RecordBody(props: {
  readonly record: MarketRecord
  readonly me: Me
  readonly params: Readonly<Record<string, string>>
  readonly onChanged: () => void
}) {
  const { record, me } = props
  const owner = ownsRecord(me, record) && canWrite(me)
  const reviewer = ownsRecord(me, record) && canReview(me) && record.status === 'submitted'
  return (
    <>
      <RecordHead record={record} />
      <div class="grid steer-grid record-grid">
        {owner || reviewer || record.status === 'returned' ? (
          <Section id="record-status" title={t('market.statusAndSteps')}>
            <ReviewNote record={record} />
            {owner ? <OwnerActions record={record} onDone={props.onChanged} /> : null}
            {reviewer ? (
              <>
                <h3 class="section-title">{t('market.review')}</h3>
                <ReviewActions record={record} onDone={props.onChanged} />
              </>
            ) : null}
          </Section>
        ) : null}
        <ContactPanel record={record} />
        <RecordDetails record={record} />
        <InterestsPanel record={record} me={me} onChanged={props.onChanged} />
        <MatchesPanel record={record} params={props.params} />
      </div>
    </>
  )
}
