import { useEffect, useState } from 'preact/hooks'
import { PARTNERSHIP_TYPES, type MarketRecord } from '../api/market-types.js'
import type { Me } from '../api/workspace-types.js'
import { formatNumber, t } from '../i18n/i18n.js'
import { marketApi } from '../market/client.js'
import { label } from '../market/format.js'
import { MarketLoaded } from '../market/market-error.js'
import { MarketPage } from '../market/market-page.js'
import { canWrite, listFilters, listQuery, typesOf, type ListFilters } from '../market/model.js'
import { RecordCard } from '../market/record-card.js'
import { marketHash, updateMarketParams } from '../market/route.js'
import { useLatest } from '../workspace/use-latest.js'

const TRLS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const

/** The marketplace: published offers and needs, filtered by what the URL hash says. */
export function MarketListView(props: { readonly params: Readonly<Record<string, string>> }) {
  return (
    <MarketPage page="list" title={t('market.title')}>
      {(me) => <Marketplace me={me} filters={listFilters(props.params)} />}
    </MarketPage>
  )
}

function Marketplace(props: { readonly me: Me; readonly filters: ListFilters }) {
  const { filters } = props
  const query = listQuery(filters)
  const loaded = useLatest(`records:${JSON.stringify(query)}`, () => marketApi.records(query))
  return (
    <>
      <div class="market-intro">
        <p class="muted lede">{t('market.lede')}</p>
        {canWrite(props.me) ? (
          <a class="button primary" href={marketHash('mine', { create: '1' })} data-testid="new-record">
            {t('market.newRecord')}
          </a>
        ) : null}
      </div>
      <Filters filters={filters} />
      <MarketLoaded loaded={loaded}>{(records) => <Cards records={records} />}</MarketLoaded>
    </>
  )
}

/** The filters: selects apply at once, the words and the country when the form is sent. */
function Filters(props: { readonly filters: ListFilters }) {
  const { filters } = props
  const [draft, setDraft] = useState({ q: filters.q, country: filters.country })
  useEffect(() => setDraft({ q: filters.q, country: filters.country }), [filters.q, filters.country])
  const any = ['', t('market.any')] as const
  const select = (
    key: keyof ListFilters,
    text: string,
    options: readonly (readonly [string, string])[],
    first: readonly [string, string] = any,
  ) => (
    <label class="control" for={`market-${key}`}>
      <span>{text}</span>
      <select
        id={`market-${key}`}
        value={filters[key]}
        onChange={(event) => updateMarketParams({ [key]: (event.currentTarget as HTMLSelectElement).value })}
      >
        {[first, ...options].map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <form
      class="toolbar filters market-filters"
      role="search"
      aria-label={t('market.filters')}
      data-testid="market-filters"
      onSubmit={(event) => {
        event.preventDefault()
        updateMarketParams({ q: draft.q.trim(), country: draft.country.trim().toUpperCase() })
      }}
    >
      <label class="control grow" for="market-q">
        <span>{t('market.search')}</span>
        <input
          id="market-q"
          type="search"
          value={draft.q}
          onInput={(event) => setDraft({ ...draft, q: (event.currentTarget as HTMLInputElement).value })}
        />
      </label>
      {select(
        'side',
        t('market.side'),
        [
          ['offers', t('market.side.offers')],
          ['needs', t('market.side.needs')],
        ],
        ['', t('market.side.all')],
      )}
      {select(
        'type',
        t('market.type'),
        typesOf(filters.side).map((type) => [type, label('type', type)] as const),
      )}
      <label class="control" for="market-country">
        <span>{t('market.ownerCountry')}</span>
        <input
          id="market-country"
          type="search"
          value={draft.country}
          maxLength={2}
          size={4}
          placeholder="DE"
          autocomplete="off"
          onInput={(event) =>
            setDraft({ ...draft, country: (event.currentTarget as HTMLInputElement).value })
          }
        />
      </label>
      {select(
        'trlMin',
        t('market.trlMin'),
        TRLS.map((n) => [n, n] as const),
      )}
      {select(
        'trlMax',
        t('market.trlMax'),
        TRLS.map((n) => [n, n] as const),
      )}
      {select(
        'partnershipType',
        t('market.partnershipType'),
        PARTNERSHIP_TYPES.map((p) => [p, label('pt', p)] as const),
      )}
      <div class="control filter-apply">
        <button type="submit" class="primary">
          {t('market.apply')}
        </button>
      </div>
    </form>
  )
}

function Cards(props: { readonly records: readonly MarketRecord[] }) {
  const { records } = props
  return (
    <>
      <p class="muted" role="status" data-testid="record-count">
        {t('market.count', { n: formatNumber(records.length) })}
      </p>
      {records.length === 0 ? (
        <p class="panel" data-testid="no-records">
          {t('market.noRecords')}
        </p>
      ) : (
        <ul class="record-cards" data-testid="record-cards">
          {records.map((r) => (
            <li key={r.id}>
              <RecordCard record={r} />
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
