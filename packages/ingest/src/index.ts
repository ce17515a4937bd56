export { detectFormat } from './detect.js'
export { FORMAT_NAMES, readerFor, type Reader } from './read-format.js'
export { readOpenAlexJsonl, readOpenAlexApiPage } from './openalex/index.js'
export { readWosPlaintext, readWosTabDelimited, wosAddressCountry, wosCountryCode } from './wos/index.js'
export { readScopusCsv } from './scopus/index.js'
export { readScopusBibtex, readWosBibtex } from './bibtex/index.js'
export { readPubmedMedline } from './pubmed/index.js'
export { readRis } from './ris/index.js'
export { readCrossrefJson } from './crossref/index.js'
export { readLensCsv } from './lens/index.js'
export { readDimensionsCsv } from './dimensions/index.js'
export { readOpenAlexCsv } from './openalex-csv/index.js'
export { affiliationCountry } from './affiliation-country/index.js'
export {
  detectPatentFormat,
  patentReaderFor,
  readLensPatentCsv,
  readPatents,
  readPatentscopeCsv,
  PATENT_FORMAT_NAMES,
  type PatentRead,
  type PatentReader,
} from './patents/index.js'
