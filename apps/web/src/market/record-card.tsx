import type { ComponentChildren } from 'preact'
import type { MarketRecord } from '../api/market-types.js'
import { countryName, formatNumber, t } from '../i18n/i18n.js'
import { formatDate } from '../steer/format.js'
import { StatusBadge, SyntheticBadge, TypeBadge } from './badges.js'
import { labels } from './format.js'
import { recordHref } from './route.js'

/**
 * A record as a card: type, title, owner and country, TRL, partnership types, expiry, the synthetic badge (and
 * its status, where more than the published are listed); `children` add actions under it.
 */
export function RecordCard(props: {
  readonly record: MarketRecord
  readonly showStatus?: boolean
  readonly children?: ComponentChildren
}) {
  const r = props.record
  return (
    <article class="record-card" data-record={r.id} aria-labelledby={`record-${r.id}-title`}>
      <p class="card-badges">
        <TypeBadge record={r} />
        {props.showStatus ? <StatusBadge status={r.status} /> : null}
        {r.synthetic ? <SyntheticBadge /> : null}
      </p>
      <h2 class="card-title" id={`record-${r.id}-title`}>
        <a href={recordHref(r.id)} translate={false}>
          {r.title}
        </a>
      </h2>
      <p class="card-owner">
        <span translate={false}>{r.organisation?.name ?? '–'}</span>
        {r.organisation?.country ? <span> · {countryName(r.organisation.country)}</span> : null}
      </p>
      <dl class="card-facts">
        <div>
          <dt>{t('market.trl')}</dt>
          <dd data-testid="card-trl">{r.trl === null ? '–' : formatNumber(r.trl)}</dd>
        </div>
        <div>
          <dt>{t('market.partnershipTypes')}</dt>
          <dd>{labels('pt', r.partnershipTypes)}</dd>
        </div>
        <div>
          <dt>{t('market.expiresOn')}</dt>
          <dd>{formatDate(r.expiresOn)}</dd>
        </div>
      </dl>
      {props.children}
    </article>
  )
}
