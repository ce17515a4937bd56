import { generateCorpus } from '@meridian/demo'
import { Store } from '@meridian/store'

/**
 * An in-memory store holding `works` synthetic works of the demo corpus (seeded), for API tests; `readers`
 * pooled reading connections as `meridian serve` opens (default none).
 */
export async function openDemoStore(works: number, seed: number, readers = 0): Promise<Store> {
  const store = await Store.open({ path: ':memory:', readers })
  const run = await store.beginIngest()
  for (const work of generateCorpus({ works, seed })) run.add(work)
  await run.commit({ files: ['demo'], problems: 0, now: new Date(0) })
  return store
}
