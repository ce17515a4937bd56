export type { Network, NetworkNode, NetworkLink, NodeWeights } from './network.js'
export { makeNetwork, withNodes } from './network.js'
export type { NetworkMethod } from './method.js'
export type {
  NetworkLevel,
  NetworkCounting,
  NodeWeight,
  AuthorKey,
  NetworkOptionsInput,
  NetworkOptions,
} from './options.js'
export {
  NETWORK_LEVELS,
  NETWORK_COUNTINGS,
  NODE_WEIGHTS,
  AUTHOR_KEYS,
  normalizeNetworkOptions,
} from './options.js'
export { nodesQuery, linksQuery, unitsOfWorks } from './query.js'
export { buildNetwork, buildNetworkSlices, describeNetwork } from './build.js'
export type { Csr } from './csr.js'
export { toCsr, networkCsr } from './csr.js'
export type { Random } from './java-random.js'
export { javaRandom } from './java-random.js'
export type { LeidenOptions, LeidenResult, QualityFunction } from './leiden.js'
export { leiden, withClustering, QUALITY_FUNCTIONS } from './leiden.js'
export { modularityKernel } from './modularity.js'
export type { VosLayoutOptions, VosLayoutResult } from './layout.js'
export { vosLayout, withLayout } from './layout.js'
export { associationStrength } from './association-strength.js'
export type { CentralityOptions } from './centrality.js'
export { centralities, toGraphology } from './centrality.js'
export type { NetworkStats, NetworkStatsOptions, PathScope } from './stats.js'
export { networkStats, statsKernel } from './stats.js'
export {
  writeVosviewerJson,
  readVosviewerJson,
  validateVosviewerJson,
  VOSVIEWER_WEIGHT_NAMES,
} from './formats/vosviewer-json.js'
export { writeVosviewerMap } from './formats/vosviewer-map.js'
export type { PajekFile, PajekVertex, PajekLine } from './formats/pajek.js'
export {
  readPajek,
  writePajek,
  readPajekPartition,
  writePajekPartition,
  networkToPajek,
  pajekToNetwork,
} from './formats/pajek.js'
export { writeGexf } from './formats/gexf.js'
export { writeGraphml } from './formats/graphml.js'
export { writeCsv } from './formats/csv.js'
