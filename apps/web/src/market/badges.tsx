import type { MarketRecord } from '../api/market-types.js'
import { t } from '../i18n/i18n.js'
import { label } from './format.js'
import { isOffer } from './model.js'

/** The badge that marks invented records. */
export const SyntheticBadge = () => (
  <span class="badge synthetic" data-testid="synthetic-badge" title={t('market.syntheticHint')}>
    {t('market.synthetic')}
  </span>
)

/** A record's type, coloured by side (offer or need). */
export const TypeBadge = (props: { readonly record: Pick<MarketRecord, 'type'> }) => (
  <span
    class={`badge record-type ${isOffer(props.record) ? 'offer' : 'need'}`}
    data-testid="record-type"
    data-type={props.record.type}
  >
    {label('type', props.record.type)}
  </span>
)

/** A record's status. */
export const StatusBadge = (props: { readonly status: string }) => (
  <span
    class={`badge record-status status-${props.status}`}
    data-testid="record-status"
    data-status={props.status}
  >
    {label('status', props.status)}
  </span>
)
