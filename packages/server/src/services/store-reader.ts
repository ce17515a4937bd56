import type { SqlRunner } from '@meridian/indicators'
import { MeridianError } from '@meridian/model'
import type { DataVersion, Store, StoreStatus } from '@meridian/store'

/** What the API reads of a store. `Store` implements it. */
export type StoreReader = Pick<Store, 'runner' | 'status' | 'dataVersion'>

const guard = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
  try {
    return await run()
  } catch (cause) {
    if (cause instanceof MeridianError) throw cause
    throw new MeridianError('STORE_UNAVAILABLE', `the store could not answer (${what})`, { cause })
  }
}

/** Wrap a store so that any driver failure surfaces as `STORE_UNAVAILABLE` (HTTP 503). */
export function guardStore(store: StoreReader): StoreReader {
  const runner: SqlRunner = { all: (query) => guard('query', () => store.runner.all(query)) }
  return {
    runner,
    status: (options?: { readonly policy?: string }): Promise<StoreStatus> =>
      guard('status', () => store.status(options)),
    dataVersion: (): Promise<DataVersion> => guard('data version', () => store.dataVersion()),
  }
}
