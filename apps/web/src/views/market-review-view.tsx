import { useState } from 'preact/hooks'
import type { Me } from '../api/workspace-types.js'
import { formatNumber, t } from '../i18n/i18n.js'
import { marketApi } from '../market/client.js'
import { MarketLoaded } from '../market/market-error.js'
import { MarketPage } from '../market/market-page.js'
import { canReview } from '../market/model.js'
import { ReviewActions } from '../market/record-actions.js'
import { RecordCard } from '../market/record-card.js'
import { useLatest } from '../workspace/use-latest.js'

/** A broker's review queue: the submitted records they may review, each with approve and return. */
export function MarketReviewView() {
  return (
    <MarketPage page="review" title={t('market.reviewQueue')}>
      {(me) => <Queue me={me} />}
    </MarketPage>
  )
}

function Queue(props: { readonly me: Me }) {
  const [version, setVersion] = useState(0)
  const loaded = useLatest(`records:review:${version}`, () => marketApi.records({ review: true }))
  if (!canReview(props.me))
    return (
      <p class="form-error" role="alert" data-testid="brokers-only">
        {t('market.brokersOnly')}
      </p>
    )
  return (
    <MarketLoaded loaded={loaded}>
      {(records) => (
        <>
          <p class="muted" role="status" data-testid="review-count">
            {t('market.reviewCount', { n: formatNumber(records.length) })}
          </p>
          {records.length === 0 ? (
            <p class="panel" data-testid="queue-empty">
              {t('market.queueEmpty')}
            </p>
          ) : (
            <ul class="record-cards review-queue" data-testid="review-queue">
              {records.map((r) => (
                <li key={r.id}>
                  <RecordCard record={r} showStatus>
                    <p class="card-summary" translate={false}>
                      {r.summary}
                    </p>
                    <ReviewActions record={r} onDone={() => setVersion((v) => v + 1)} />
                  </RecordCard>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </MarketLoaded>
  )
}
