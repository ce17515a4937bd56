import { DEFAULT_COUNTRY_POLICY } from '@meridian/model'
import type { StoreReader } from './store-reader.js'

/** The store's summary under a country policy, with its data version. */
export async function storeStatus(store: StoreReader, countryPolicy: string | undefined) {
  const [status, data] = await Promise.all([
    store.status({ policy: countryPolicy ?? DEFAULT_COUNTRY_POLICY }),
    store.dataVersion(),
  ])
  return { ...status, sources: [...status.sources], years: [...status.years], data }
}
