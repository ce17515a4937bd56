export { detectPatentFormat, PATENT_FORMAT_NAMES } from './detect.js'
export { readLensPatentCsv } from './lens-patent.js'
export { readPatentscopeCsv } from './patentscope.js'
export { patentReaderFor, readPatents, type PatentRead, type PatentReader } from './read-patents.js'
