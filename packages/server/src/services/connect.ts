import {
  buildExpertiseIndex,
  buildPatentIndex,
  matchRecord,
  ConnectWorker,
  createProfileCache,
  institutionInfo,
  searchExperts,
  searchExpertsOptions,
  yearlyFromStore,
  type BacktestResult,
  type ExpertiseIndex,
  type MatchOptions,
  type RecordView,
  type PartnerRecommendation,
  type Profile,
  type ProfileCache,
  type ProfileLevel,
} from '@meridian/connect'
import { MeridianError } from '@meridian/model'
import { versionKey } from '../caching/etag.js'
import type { BacktestQuery, ExpertiseQuery, ExpertsQuery } from '../schemas/connect.js'
import type { PARTNER_LEVELS, PartnersQuery } from '../schemas/partners.js'
import type { StoreReader } from './store-reader.js'

type Level = (typeof PARTNER_LEVELS)[number]

/**
 * What CONNECT builds once per data version and then answers many requests from: the expertise index, the
 * yearly networks per level (with the models learned on them), the profiles. A new data version builds anew;
 * a failed build is forgotten so the next request tries again.
 */
interface Built {
  readonly version: string
  readonly parts: Map<string, Promise<unknown>>
}

const builtByStore = new WeakMap<StoreReader, Built>()
const profileCaches = new WeakMap<StoreReader, ProfileCache>()

async function once<T>(store: StoreReader, key: string, build: () => Promise<T>): Promise<T> {
  const version = versionKey(await store.dataVersion())
  let built = builtByStore.get(store)
  if (!built || built.version !== version) builtByStore.set(store, (built = { version, parts: new Map() }))
  const known = built.parts.get(key)
  if (known) return known as Promise<T>
  const made = build()
  built.parts.set(key, made)
  made.catch(() => built.parts.delete(key))
  return made
}

const expertiseIndex = (store: StoreReader): Promise<ExpertiseIndex> =>
  once(store, 'index', () => buildExpertiseIndex(store.runner))

/**
 * Partner suggestions and backtests run on one worker thread per process, off the event loop: a level's first
 * suggestions fit its model, tens of seconds for the authors of a large store, while other requests are
 * answered. The level's yearly networks (built here from the store) are sent to the thread once per data
 * version and kept there with the models learned on them.
 */
const worker = new ConnectWorker()
/** Each store's own prefix on the thread: two stores may stand at the same data version. */
const storeIds = new WeakMap<StoreReader, number>()
let storesSeen = 0

/** The key under which the level's networks of this data version are held on the worker thread. */
async function onWorker(store: StoreReader, level: Level): Promise<{ key: string; lastYear: number | null }> {
  let storeId = storeIds.get(store)
  if (storeId === undefined) storeIds.set(store, (storeId = ++storesSeen))
  const key = `${storeId}:${versionKey(await store.dataVersion())}:${level}:${worker.generation}`
  const lastYear = await once(store, `worker:${key}`, async () => {
    const [series, unitInfo] = await Promise.all([
      yearlyFromStore(store.runner, { level }),
      level === 'institution' ? institutionInfo(store.runner) : Promise.resolve(undefined),
    ])
    await worker.load(key, series, unitInfo)
    return series.slices.at(-1)?.year ?? null
  })
  return { key, lastYear }
}

/** Expertise search (`meridian search experts`): ranked units with the works that matched. */
export async function experts(store: StoreReader, query: ExpertsQuery) {
  const { q, ...rest } = query
  const input = { ...rest, years: rest.years ?? null }
  searchExpertsOptions(input) // bad options fail before the index is built
  const result = searchExperts(await expertiseIndex(store), q, input)
  return { ...result, method: { ...result.method } }
}

/** An expertise profile (`meridian profile`): what a unit works on, with whom, and what it produces. */
export async function expertise(store: StoreReader, level: ProfileLevel, query: ExpertiseQuery) {
  let cache = profileCaches.get(store)
  if (!cache) {
    const source = { all: store.runner.all.bind(store.runner), dataVersion: () => store.dataVersion() }
    profileCaches.set(store, (cache = createProfileCache(source)))
  }
  const profile: Profile = await cache.profile({
    level,
    unit: query.unit,
    years: query.years ?? null,
    rollUp: query.rollUp ?? false,
    countryPolicy: query.countryPolicy ?? 'iso',
  })
  return { ...profile, method: { ...profile.method } }
}

/** New partners for one unit, with reasons and the backtest beside them (CONNECT's `recommendPartners`). */
export async function partners(
  store: StoreReader,
  level: Level,
  query: PartnersQuery,
): Promise<PartnerRecommendation> {
  return worker.recommend((await onWorker(store, level)).key, {
    unit: query.unit,
    horizon: query.horizon ?? 3,
    limit: query.limit ?? 20,
    countries: query.countries ?? null,
    types: query.types ?? null,
    field: query.field ?? null,
    lang: query.lang ?? 'en',
  })
}

/** The level's backtest (`meridian recommend backtest --store`): one row per model, kept per data version. */
export async function partnerBacktest(store: StoreReader, level: Level, query: BacktestQuery) {
  const { key, lastYear } = await onWorker(store, level)
  const horizon = query.horizon ?? 3
  if (lastYear === null)
    throw new MeridianError('NOT_FOUND', 'the store has no works with a year to backtest on')
  const trainEnd = query.trainEnd ?? lastYear - horizon
  const task = query.task ?? 'new-ties'
  const result: BacktestResult = await once(store, `backtest:${level}:${trainEnd}:${horizon}:${task}`, () =>
    worker.backtest(key, { trainEnd, horizon, task }),
  )
  const { trainedOn, weights } = result.model
  return { ...result, method: { ...result.method }, model: { trainedOn, weights } }
}

/**
 * Candidates for a marketplace record (organisations and researchers from the expertise index of the store's
 * data version, and the other published records), ranked with reasons.
 */
export async function marketMatches(
  store: StoreReader,
  record: RecordView,
  records: readonly RecordView[],
  options: MatchOptions,
) {
  const [index, patents] = await Promise.all([
    expertiseIndex(store),
    once(store, 'patents', () => buildPatentIndex(store.runner)),
  ])
  return matchRecord(index, record, { records, options, patents })
}
