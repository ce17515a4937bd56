import { useState } from 'preact/hooks'
import type { InboxItem } from '../api/market-types.js'
import { formatNumber, t } from '../i18n/i18n.js'
import { marketApi } from '../market/client.js'
import { inboxText } from '../market/format.js'
import { MarketError, MarketLoaded } from '../market/market-error.js'
import { MarketPage } from '../market/market-page.js'
import { recordHref, updateMarketParams } from '../market/route.js'
import { inboxChanged } from '../market/unread.js'
import { useSubmit } from '../workspace/form.js'
import { formatDateTime } from '../workspace/format.js'
import { useLatest } from '../workspace/use-latest.js'

/** The user's notifications, newest first, in words; each links to its record and can be marked read. */
export function MarketInboxView(props: { readonly params: Readonly<Record<string, string>> }) {
  return (
    <MarketPage page="inbox" title={t('market.inbox')}>
      {() => <Inbox unreadOnly={props.params.unread === '1'} />}
    </MarketPage>
  )
}

function Inbox(props: { readonly unreadOnly: boolean }) {
  const [version, setVersion] = useState(0)
  const loaded = useLatest(`inbox:${props.unreadOnly}:${version}`, () => marketApi.inbox(props.unreadOnly))
  const submit = useSubmit()
  const mark = (ids?: readonly number[]) =>
    submit.run(async () => {
      await marketApi.markRead(ids)
      inboxChanged()
      setVersion((v) => v + 1)
    })
  return (
    <MarketLoaded loaded={loaded}>
      {(inbox) => (
        <>
          <div class="toolbar inbox-tools">
            <label class="control checkbox" for="inbox-unread">
              <input
                id="inbox-unread"
                type="checkbox"
                checked={props.unreadOnly}
                onChange={(event) =>
                  updateMarketParams({ unread: (event.currentTarget as HTMLInputElement).checked ? '1' : '' })
                }
              />
              <span>{t('market.unreadOnly')}</span>
            </label>
            <p class="muted" role="status" data-testid="inbox-unread">
              {t('market.unreadTotal', { n: formatNumber(inbox.unread) })}
            </p>
            <button
              type="button"
              data-testid="mark-all-read"
              disabled={submit.busy || inbox.unread === 0}
              onClick={() => void mark()}
            >
              {t('market.markAllRead')}
            </button>
          </div>
          <MarketError error={submit.error} />
          {inbox.items.length === 0 ? (
            <p class="panel" data-testid="inbox-empty">
              {t('market.inboxEmpty')}
            </p>
          ) : (
            <ul class="inbox" data-testid="inbox-items">
              {inbox.items.map((item) => (
                <Item key={item.id} item={item} busy={submit.busy} onRead={() => void mark([item.id])} />
              ))}
            </ul>
          )}
        </>
      )}
    </MarketLoaded>
  )
}

function Item(props: { readonly item: InboxItem; readonly busy: boolean; readonly onRead: () => void }) {
  const { item } = props
  return (
    <li
      class={item.read ? 'inbox-item read' : 'inbox-item unread'}
      data-kind={item.kind}
      data-read={item.read}
    >
      <p class="inbox-text">
        {item.read ? null : <span class="badge unread-badge">{t('market.new')}</span>}
        <span>{inboxText(item)}</span>
      </p>
      <p class="inbox-meta">
        <span class="muted">{formatDateTime(item.at)}</span>
        {item.recordId !== null ? (
          <a
            href={recordHref(item.recordId)}
            onClick={() => {
              if (!item.read) void marketApi.markRead([item.id]).then(inboxChanged, () => undefined)
            }}
          >
            {t('market.openRecord')}
          </a>
        ) : null}
        {item.read ? null : (
          <button
            type="button"
            class="link"
            data-testid="mark-read"
            disabled={props.busy}
            onClick={props.onRead}
          >
            {t('market.markRead')}
          </button>
        )}
      </p>
    </li>
  )
}
