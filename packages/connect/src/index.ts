// CONNECT: expertise profiles, expertise search, partner recommendation and its backtest.
export type { YearlyNetworks, YearSlice } from './recommend/yearly.js'
export { yearlyNetworks, yearlyFromPajek } from './recommend/yearly.js'
export type { BacktestOptions, BacktestResult, BacktestRow, LearnedModel } from './recommend/backtest.js'
export { backtest } from './recommend/backtest.js'
export type { BacktestTask } from './recommend/pairs.js'
export { BACKTEST_TASKS } from './recommend/pairs.js'
export { SIGNALS, BASELINES, TOPIC_SIGNALS } from './recommend/features.js'
export type { StoreSeriesInput } from './recommend/from-store.js'
export { yearlyFromStore, institutionInfo } from './recommend/from-store.js'
export type { PartnerOptions, PartnerRecommendation, PartnerRow, UnitInfo } from './recommend/partners.js'
export { recommendPartners } from './recommend/partners.js'
export type { Reason, ReasonLanguage } from './recommend/reasons.js'
export { REASON_LANGUAGES } from './recommend/reasons.js'
export type { SearchCorpus, SearchWork, SearchInstitution, SearchAuthor } from './search/corpus.js'
export { loadSearchCorpus } from './search/corpus.js'
export type { ExpertiseIndex, ExpertiseIndexOptions, SearchMethod } from './search/build-index.js'
export { buildExpertiseIndex, indexCorpus, FIELD_BOOSTS, SEARCH_METHODS } from './search/build-index.js'
export type { ExpertKind, SearchExpertsInput, SearchExpertsOptions } from './search/options.js'
export { EXPERT_KINDS, searchExpertsOptions } from './search/options.js'
export type {
  ExpertHit,
  ExpertSearchMethod,
  ExpertSearchResult,
  UnitKey,
  WorkEvidence,
} from './search/search-experts.js'
export { searchExperts, MAX_SCORED_WORKS, TOP_WORKS, HALF_LIFE_YEARS } from './search/search-experts.js'
export { processTerm, stem, tokenize } from './search/tokenize.js'
export type {
  Leadership,
  Partner,
  Production,
  Profile,
  ProfileLevel,
  ProfileMethod,
  TermWeight,
  TopicShare,
  Trend,
  YearOutput,
} from './profile/types.js'
export { PROFILE_LEVELS } from './profile/types.js'
export type { ProfileOptions, ProfileOptionsInput } from './profile/options.js'
export { normalizeProfileOptions } from './profile/options.js'
export type { ProfileSource } from './profile/build.js'
export { buildProfile, buildProfiles, TERM_HALF_LIFE, TOP_TERMS } from './profile/build.js'
export type { ProfileCache } from './profile/cache.js'
export { createProfileCache } from './profile/cache.js'
export { ConnectWorker } from './worker/client.js'
export * from './market/index.js'
