export { readOpenAlexJsonl } from './openalex-jsonl.js'
export { readOpenAlexApiPage } from './openalex-api-page.js'
export { decodeOpenAlexWork } from './openalex-work.js'
export type { OpenAlexAt } from './openalex-work.js'
