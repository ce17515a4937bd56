export type { RorName, RorNameType, RorRecord, RorRelationship, RorStatus } from './ror-record.js'
export { rorInstitution } from './ror-record.js'
export type { RorReadItem, RorRegistry } from './read-ror-registry.js'
export { readRorItems, readRorRegistry } from './read-ror-registry.js'
export type {
  AffiliationMatch,
  DetailedMatch,
  MatchCandidate,
  Matcher,
  MatcherOptions,
  RankingInput,
} from './matcher.js'
export type { RankModel } from './rank.js'
export { CANDIDATE_FEATURES, NONE_FEATURES, rankProbabilities, treeSum } from './rank.js'
export { RANK_MODEL } from './rank-model.js'
export { DEFAULT_THRESHOLD, createMatcher } from './matcher.js'
export { placeCountry } from './country-names.js'
export { cleanAffiliation, type AffiliationParts } from './clean-affiliation.js'
export { tokens } from './normalise.js'
export { rorV2Line } from './write-ror.js'
export { topAncestors } from './hierarchy.js'
export type { GoldPair, GoldScore, NamedGoldPair } from './gold.js'
export {
  goldHalf,
  goldScore,
  namedGoldKnown,
  namedGoldRight,
  readGoldCsv,
  readNamedGold,
  scoreMatches,
} from './gold.js'
export type { AffiliationOverride, Overrides, WorkOverride } from './overrides.js'
export { OVERRIDES_HEADER, findAffiliationOverride, foldAffiliation, parseOverrides } from './overrides.js'
export type { Resolution, ResolverOptions } from './resolver.js'
export { createResolver, stringCountry } from './resolver.js'
