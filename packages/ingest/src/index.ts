export { detectFormat } from './detect.js'
export { readerFor, type Reader } from './read-format.js'
export { readOpenAlexJsonl, readOpenAlexApiPage } from './openalex/index.js'
export { readWosPlaintext, readWosTabDelimited, wosAddressCountry, wosCountryCode } from './wos/index.js'
