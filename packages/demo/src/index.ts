export { generateCorpus } from './generate.js'
export { DEMO_FUNDERS } from './demo-funders.js'
export type { CorpusOptions } from './options.js'
export { toOpenAlexJson, toOpenAlexJsonl } from './openalex-json.js'
export type {
  OpenAlexAuthorship,
  OpenAlexDehydratedInstitution,
  OpenAlexTopic,
  OpenAlexWorkJson,
} from './openalex-types.js'
export { generatePatents, type PatentOptions } from './generate-patents.js'
