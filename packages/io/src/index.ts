export { readLines, readHead, isGzip, writeLines } from './lines.js'
export { ingestFiles, detectFile } from './ingest-files.js'
export type { WorkSink, OnError, IngestFilesOptions, IngestFilesReport, FileReport } from './ingest-files.js'
