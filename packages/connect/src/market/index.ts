export { CONNECT_MIGRATIONS } from './migrations/index.js'
export { CONNECT_RULES, connectDenial, type ConnectAction, type RecordOwners } from './rules.js'
export {
  DECLINE_REASONS,
  decodeRecord,
  IPR_STATUSES,
  NEED_TYPES,
  NO_DEAL_REASONS,
  OFFER_TYPES,
  OUTCOME_KINDS,
  PARTNER_ROLES,
  PARTNERSHIP_TYPES,
  RECORD_LANGUAGES,
  RECORD_STATUSES,
  RECORD_TYPES,
  RETURN_REASONS,
  type Contact,
  type RecordSpec,
  type RecordStatus,
  type RecordType,
} from './record-spec.js'
export type { OwnerView, RecordView } from './record-view.js'
export {
  REMINDER_DAYS,
  TRANSITIONS,
  VALIDITY_MONTHS,
  type RecordFilter,
  type Transition,
  type TransitionInput,
} from './records.js'
export type { AgreementCount, InterestView, OutcomeView } from './interests.js'
export { INBOX_KINDS, type InboxItem, type InboxKind } from './inbox.js'
export { CSV_COLUMNS, recordJson, writeRecordsCsv, type RecordFileFormat } from './record-files.js'
export type { ConnectSchema } from './schema.js'
export { createMarket, type Market, type MarketOptions } from './market.js'
export {
  MATCH_KINDS,
  matchRecord,
  recordQuery,
  type Asker,
  type MatchEvidence,
  type MatchKind,
  type MatchMethod,
  type MatchOptions,
  type MatchReason,
  type MatchResult,
  type MatchRow,
} from './match.js'
export { DEMO_NEEDS, DEMO_OFFERS, seedDemoRecords } from './demo.js'
export {
  applicantType,
  buildPatentIndex,
  indexPatents,
  mainGroup,
  searchApplicants,
  CLASS_FACTOR,
  PATENT_METHOD,
  TOP_PATENTS,
  type ApplicantHit,
  type ApplicantSearchOptions,
  type PatentApplicant,
  type PatentDoc,
  type PatentEvidence,
  type PatentIndex,
} from './patent-index.js'
export {
  loadEmbeddingPlugin,
  rerankByEmbedding,
  type EmbeddingModel,
  type EmbeddingPlugin,
} from './embedding.js'
