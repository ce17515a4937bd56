import { RECORD_STATUSES, type MarketRecord } from '../api/market-types.js'
import type { Me } from '../api/workspace-types.js'
import { formatNumber, t } from '../i18n/i18n.js'
import { StatusBadge, SyntheticBadge, TypeBadge } from '../market/badges.js'
import { marketApi } from '../market/client.js'
import { label } from '../market/format.js'
import { MarketLoaded } from '../market/market-error.js'
import { MarketPage } from '../market/market-page.js'
import { canWrite } from '../market/model.js'
import { RecordForm } from '../market/record-form.js'
import { recordHref, updateMarketParams } from '../market/route.js'
import { formatDate } from '../steer/format.js'
import { formatDateTime } from '../workspace/format.js'
import { useLatest } from '../workspace/use-latest.js'

/** The user's organisation's records in every status (a status filter in the hash), and the form to add one. */
export function MarketMineView(props: { readonly params: Readonly<Record<string, string>> }) {
  return (
    <MarketPage page="mine" title={t('market.mine')}>
      {(me) => <Mine me={me} params={props.params} />}
    </MarketPage>
  )
}

function Mine(props: { readonly me: Me; readonly params: Readonly<Record<string, string>> }) {
  const loaded = useLatest('records:mine', () => marketApi.records({ mine: true }))
  const status = props.params.status ?? ''
  if (!canWrite(props.me))
    return (
      <p class="panel" data-testid="readers-only">
        {t('market.readersOnly')}
      </p>
    )
  return (
    <>
      <RecordForm
        open={props.params.create === '1'}
        onCreated={(record) => {
          // The new record's page: its status and the step that sends it to review.
          location.hash = recordHref(record.id)
        }}
      />
      <form
        class="toolbar filters"
        aria-label={t('market.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <label class="control" for="mine-status">
          <span>{t('market.status')}</span>
          <select
            id="mine-status"
            value={status}
            onChange={(event) =>
              updateMarketParams({ status: (event.currentTarget as HTMLSelectElement).value })
            }
          >
            {[
              ['', t('market.any')] as const,
              ...RECORD_STATUSES.map((s) => [s, label('status', s)] as const),
            ].map(([value, words]) => (
              <option key={value} value={value}>
                {words}
              </option>
            ))}
          </select>
        </label>
      </form>
      <MarketLoaded loaded={loaded}>
        {(records) => <MineTable records={records.filter((r) => status === '' || r.status === status)} />}
      </MarketLoaded>
    </>
  )
}

function MineTable(props: { readonly records: readonly MarketRecord[] }) {
  const { records } = props
  if (records.length === 0)
    return (
      <p class="panel" data-testid="no-records">
        {t('market.noneMine')}
      </p>
    )
  const columns = {
    title: t('market.recordTitle'),
    type: t('market.type'),
    status: t('market.status'),
    expires: t('market.expiresOn'),
    updated: t('market.updatedAt'),
  }
  return (
    <>
      <p class="muted" role="status">
        {t('market.count', { n: formatNumber(records.length) })}
      </p>
      <table class="stack mine" data-testid="mine-table">
        <thead>
          <tr>
            {Object.values(columns).map((title) => (
              <th key={title} scope="col">
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id} data-record={r.id} data-status={r.status}>
              <td data-label={columns.title}>
                <div>
                  <a href={recordHref(r.id)} translate={false}>
                    {r.title}
                  </a>
                  {r.synthetic ? <SyntheticBadge /> : null}
                </div>
              </td>
              <td data-label={columns.type}>
                <TypeBadge record={r} />
              </td>
              <td data-label={columns.status}>
                <StatusBadge status={r.status} />
              </td>
              <td data-label={columns.expires} class="nowrap">
                {formatDate(r.expiresOn)}
              </td>
              <td data-label={columns.updated} class="nowrap">
                {formatDateTime(r.updatedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
