export { readLines, readHead, isGzip, writeLines } from './lines.js'
export { ingestFiles, detectFile } from './ingest-files.js'
export type {
  WorkSink,
  OnError,
  IngestFilesOptions,
  IngestFilesReport,
  FileReport,
  SkippedFile,
} from './ingest-files.js'
export { isZip, listZipEntries, openZipEntry } from './zip.js'
export type { ZipEntry } from './zip.js'
export { harvestOpenAlex, manifestPath, readManifest, harvestedWorks } from './harvest/index.js'
export type {
  HarvestedPage,
  HarvestManifest,
  HarvestOptions,
  HarvestOutcome,
  HarvestReport,
  ManifestPage,
  PageSink,
  RateLimitHeaders,
  RetryReason,
} from './harvest/index.js'
