import {
  institutionInfo,
  recommendPartners,
  yearlyFromStore,
  type PartnerRecommendation,
} from '@meridian/connect'
import type { PartnersQuery } from '../schemas/partners.js'
import type { StoreReader } from './store-reader.js'

/** New partners for one unit, with reasons and the backtest beside them (CONNECT's `recommendPartners`). */
export async function partners(
  store: StoreReader,
  level: 'country' | 'institution' | 'author',
  query: PartnersQuery,
): Promise<PartnerRecommendation> {
  const series = await yearlyFromStore(store.runner, { level })
  const unitInfo = level === 'institution' ? await institutionInfo(store.runner) : undefined
  return recommendPartners(series, {
    unit: query.unit,
    horizon: query.horizon ?? 3,
    limit: query.limit ?? 20,
    countries: query.countries ?? null,
    types: query.types ?? null,
    field: query.field ?? null,
    lang: query.lang ?? 'en',
    ...(unitInfo ? { unitInfo } : {}),
  })
}
