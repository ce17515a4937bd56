export { readScopusCsv, detectScopusCsv } from './scopus-csv.js'
export { decodeScopusRecord, type ScopusFields, type ScopusContext } from './scopus-record.js'
export { ScopusAuthorIndex } from './scopus-names.js'
