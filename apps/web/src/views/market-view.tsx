import type { MarketRoute } from '../market/route.js'
import { MarketInboxView } from './market-inbox-view.js'
import { MarketListView } from './market-list-view.js'
import { MarketMineView } from './market-mine-view.js'
import { MarketRecordView } from './market-record-view.js'
import { MarketReviewView } from './market-review-view.js'

/** CONNECT's marketplace, loaded on first use: the page the route names. */
export function MarketView(props: { readonly route: MarketRoute }) {
  const { page, id, params } = props.route
  switch (page) {
    case 'list':
      return <MarketListView params={params} />
    case 'record':
      return <MarketRecordView id={id} params={params} />
    case 'mine':
      return <MarketMineView params={params} />
    case 'review':
      return <MarketReviewView />
    case 'inbox':
      return <MarketInboxView params={params} />
  }
}
