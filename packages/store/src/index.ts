export { Store } from './store.js'
export type { OpenStoreOptions, IngestRun, IngestCounts, StoredOverrides } from './store.js'
export type { StoreStatus, WorkCounts } from './status.js'
export type { DataVersion } from './data-version.js'
export type { ReadOptions, ReadRunner } from './duckdb.js'
export type { MergeCounts, MergeEntry } from './merge.js'
export type { PatentCounts } from './patent-merge.js'
export type {
  AffiliationResolution,
  AffiliationResolver,
  CorrectionCounts,
  Corrections,
  WorkCorrection,
  WorkIdKind,
} from './corrections.js'
export { AFFILIATION_PRECEDENCE, CITATION_PRECEDENCE } from './precedence.js'
export { fuzzyKey, normaliseTitle, surname } from './fuzzy-key.js'
export type { AppliedFix, CurationCase, WorkRef } from './curation.js'
