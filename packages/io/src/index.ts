export { readLines, readHead, isGzip, writeLines, MAX_LINE_LENGTH } from './lines.js'
export type { ReadLinesOptions } from './lines.js'
export { TEXT_ENCODINGS } from './text-decoding.js'
export type { TextEncoding } from './text-decoding.js'
export { MAX_FIELD_LENGTH } from './work-limits.js'
export { ingestFiles, detectFile } from './ingest-files.js'
export { listFiles } from './file-list.js'
export type { ListedFile } from './file-list.js'
export type {
  WorkSink,
  PatentSink,
  OnError,
  IngestFilesOptions,
  IngestFilesReport,
  FileReport,
  SkippedFile,
  FileWarning,
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
