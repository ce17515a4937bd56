import type { ComponentChildren } from 'preact'
import type { MarketRecord } from '../api/market-types.js'
import { countryName, formatNumber, t } from '../i18n/i18n.js'
import { countryList, formatDate } from '../steer/format.js'
import { Section } from '../steer/section.js'
import { formatDateTime } from '../workspace/format.js'
import { StatusBadge, SyntheticBadge, TypeBadge } from './badges.js'
import { label, labels } from './format.js'
import { isOffer } from './model.js'

/** The record's heading: title, type, status and the synthetic banner. */
export function RecordHead(props: { readonly record: MarketRecord }) {
  const r = props.record
  return (
    <header class="unit-head record-head">
      <h1 class="view-title" id="market-title">
        <span translate={false} data-testid="record-title">
          {r.title}
        </span>
      </h1>
      <p class="card-badges">
        <TypeBadge record={r} />
        <StatusBadge status={r.status} />
        {r.synthetic ? <SyntheticBadge /> : null}
      </p>
      {r.synthetic ? (
        <p class="banner synthetic" role="note" data-testid="synthetic-record">
          {t('market.syntheticNote')}
        </p>
      ) : null}
    </header>
  )
}

const Fact = (props: {
  readonly term: string
  readonly children: ComponentChildren
  readonly data?: boolean
}) => (
  <div>
    <dt>{props.term}</dt>
    <dd translate={props.data ? false : undefined}>{props.children}</dd>
  </div>
)

const words = (values: readonly string[]) => (values.length === 0 ? '–' : values.join(', '))

/** Every field of the record; the contact only when the API sent it (its owners, an accepted interest). */
export function RecordDetails(props: { readonly record: MarketRecord }) {
  const r = props.record
  return (
    <Section id="record-details" title={t('market.details')} wide>
      <dl class="facts record-facts">
        <Fact term={t('market.owner')}>
          <span translate={false}>{r.organisation?.name ?? '–'}</span>
          {r.organisation?.country ? <span> · {countryName(r.organisation.country)}</span> : null}
          {r.organisation?.rorId && /^https:\/\//.test(r.organisation.rorId) ? (
            <>
              {' '}
              <a href={r.organisation.rorId} rel="noreferrer" target="_blank" translate={false}>
                {r.organisation.rorId.replace(/^https?:\/\//, '')}
              </a>
            </>
          ) : null}
        </Fact>
        <Fact term={t('market.trl')}>{r.trl === null ? '–' : formatNumber(r.trl)}</Fact>
        <Fact term={t('market.iprStatus')}>
          {r.iprStatus ? label('ipr', r.iprStatus) : '–'}
          {r.patentNumber ? <span translate={false}> ({r.patentNumber})</span> : null}
        </Fact>
        <Fact term={t('market.partnershipTypes')}>{labels('pt', r.partnershipTypes)}</Fact>
        <Fact term={t('market.partnerRoles')}>{labels('role', r.partnerRoles)}</Fact>
        <Fact term={t('market.partnerCountries')}>{countryList(r.partnerCountries)}</Fact>
        <Fact term={t('market.languages')}>{labels('lang', r.languages)}</Fact>
        <Fact term={t('market.keywords')} data>
          {words(r.keywords)}
        </Fact>
        <Fact term={t('market.fields')} data>
          {words(r.fields)}
        </Fact>
        <Fact term={t('market.classes')} data>
          {words(r.classes)}
        </Fact>
        <Fact term={t('market.nace')} data>
          {words(r.nace)}
        </Fact>
        <Fact term={t('market.expiresOn')}>{formatDate(r.expiresOn)}</Fact>
        {r.deadline ? <Fact term={t('market.deadline')}>{formatDate(r.deadline)}</Fact> : null}
        {r.call ? (
          <Fact term={t('market.call')} data>
            {r.call}
          </Fact>
        ) : null}
        {r.externalId ? (
          <Fact term={t('market.externalId')} data>
            {r.externalId}
          </Fact>
        ) : null}
        <Fact term={t('market.publishedAt')}>{formatDateTime(r.publishedAt)}</Fact>
        <Fact term={t('market.updatedAt')}>{formatDateTime(r.updatedAt)}</Fact>
      </dl>
      <h3 class="section-title">{t('market.summary')}</h3>
      <p class="record-text" translate={false}>
        {r.summary}
      </p>
      {r.problem ? (
        <>
          <h3 class="section-title">{t('market.problem')}</h3>
          <p class="record-text" translate={false}>
            {r.problem}
          </p>
        </>
      ) : null}
      {r.advantage || isOffer(r) ? (
        <>
          <h3 class="section-title">{t('market.advantage')}</h3>
          <p class="record-text" translate={false}>
            {r.advantage ?? '–'}
          </p>
        </>
      ) : null}
      {r.outcome ? (
        <>
          <h3 class="section-title">{t('market.closedWith')}</h3>
          <p class="record-text" translate={false}>
            {r.outcome}
          </p>
        </>
      ) : null}
    </Section>
  )
}

/** The record's contact, when the API sent it. */
export function ContactPanel(props: { readonly record: MarketRecord }) {
  const c = props.record.contact
  if (c === undefined) return null
  return (
    <Section id="record-contact" title={t('market.contact')}>
      <dl class="facts" data-testid="contact">
        <Fact term={t('market.contactName')} data>
          {c.name}
        </Fact>
        {c.email ? (
          <Fact term={t('market.contactEmail')} data>
            <a href={`mailto:${c.email}`}>{c.email}</a>
          </Fact>
        ) : null}
        {c.phone ? (
          <Fact term={t('market.contactPhone')} data>
            <a href={`tel:${c.phone.replace(/\s+/g, '')}`}>{c.phone}</a>
          </Fact>
        ) : null}
      </dl>
    </Section>
  )
}

/** Why a broker returned the record (and the note of the last review), when there is any. */
export function ReviewNote(props: { readonly record: MarketRecord }) {
  const r = props.record
  if (r.status !== 'returned' && r.reviewNote === null) return null
  return (
    <div class={r.status === 'returned' ? 'review-note returned' : 'review-note'} data-testid="review-note">
      {r.status === 'returned' ? (
        <>
          <p>
            <strong>{t('market.returnedBecause')}</strong>
          </p>
          <ul data-testid="review-reasons">
            {r.reviewReasons.map((reason) => (
              <li key={reason} data-reason={reason}>
                {label('return', reason)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {r.reviewNote ? (
        <p>
          {t('market.reviewNote')}: <q translate={false}>{r.reviewNote}</q>
        </p>
      ) : null}
    </div>
  )
}
