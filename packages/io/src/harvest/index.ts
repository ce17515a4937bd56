export { harvestOpenAlex } from './harvest-openalex.js'
export type {
  HarvestedPage,
  HarvestOptions,
  HarvestOutcome,
  HarvestReport,
  PageSink,
} from './harvest-openalex.js'
export type { RateLimitHeaders, RetryReason } from './fetch-page.js'
export { manifestPath, readManifest, harvestedWorks } from './manifest.js'
export type { HarvestManifest, ManifestPage } from './manifest.js'
