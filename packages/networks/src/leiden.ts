import { Clustering, LeidenAlgorithm } from 'networkanalysis-ts'
import { MeridianError } from '@meridian/model'
import { networkCsr } from './csr.js'
import { javaRandom, type Random } from './java-random.js'
import { modularityKernel } from './modularity.js'
import { toNaNetwork } from './na-network.js'
import { withNodes, type Network } from './network.js'

/** Leiden's quality functions: modularity, or the constant Potts model (CPM). */
export const QUALITY_FUNCTIONS = Object.freeze(['modularity', 'cpm'] as const)
export type QualityFunction = (typeof QUALITY_FUNCTIONS)[number]

/** Options of `leiden`, with VOSviewer's defaults. */
export interface LeidenOptions {
  /** Default `modularity`. */
  readonly quality?: QualityFunction
  /** Default 1. */
  readonly resolution?: number
  /** Seed of the Java-compatible generator; default 0. Ignored when `random` is given. */
  readonly seed?: number
  /** An injected random source. */
  readonly random?: Random
  /** Leiden iterations per start; default 10. */
  readonly iterations?: number
  /** Random starts, the best one kept; default 1. */
  readonly randomStarts?: number
  /** Randomness of the refinement phase; default 0.01. */
  readonly randomness?: number
}

/** A partition with diagnostics. */
export interface LeidenResult {
  /** Cluster of each node, 0-based, clusters numbered by decreasing size. */
  readonly clusters: Int32Array
  readonly clusterCount: number
  /** The quality function's value, as networkanalysis-ts reports it. */
  readonly quality: number
  /** Newman modularity (resolution 1) of the partition, whatever the quality function. */
  readonly modularity: number
  readonly options: Required<Omit<LeidenOptions, 'random'>>
}

function normalize(options: LeidenOptions): Required<Omit<LeidenOptions, 'random'>> {
  const resolution = options.resolution ?? 1
  const iterations = options.iterations ?? 10
  const randomStarts = options.randomStarts ?? 1
  if (!(resolution >= 0)) throw new MeridianError('BAD_OPTION', `resolution "${resolution}" must be >= 0`)
  if (!Number.isInteger(iterations) || iterations < 1)
    throw new MeridianError('BAD_OPTION', `iterations "${iterations}" must be a whole number >= 1`)
  if (!Number.isInteger(randomStarts) || randomStarts < 1)
    throw new MeridianError('BAD_OPTION', `random starts "${randomStarts}" must be a whole number >= 1`)
  const quality = options.quality ?? 'modularity'
  if (!QUALITY_FUNCTIONS.includes(quality))
    throw new MeridianError(
      'BAD_OPTION',
      `quality function "${String(quality)}" is not valid; use modularity or cpm`,
    )
  return Object.freeze({
    quality,
    resolution,
    seed: options.seed ?? 0,
    iterations,
    randomStarts,
    randomness: options.randomness ?? 0.01,
  })
}

function detailed(network: Network, options: LeidenOptions = {}): LeidenResult {
  const opts = normalize(options)
  const random = options.random ?? javaRandom(opts.seed)
  let na = toNaNetwork(network)
  // As VOSviewer: modularity rescales the resolution by the total weight; CPM runs on unit node weights.
  const resolution =
    opts.quality === 'modularity'
      ? opts.resolution / (2 * na.getTotalEdgeWeight() + na.getTotalEdgeWeightSelfLinks() || 1)
      : opts.resolution
  if (opts.quality === 'cpm') na = na.createNetworkWithoutNodeWeights()
  const algorithm = new LeidenAlgorithm()
  // networkanalysis-ts types its generator as java-random's class; ours has the same two methods it calls.
  algorithm.initializeBasedOnResolutionAndNIterationsAndRandomnessAndRandom(
    resolution,
    opts.iterations,
    opts.randomness,
    random as never,
  )
  let best: Clustering | null = null
  let bestQuality = Number.NEGATIVE_INFINITY
  for (let start = 0; start < opts.randomStarts; start++) {
    const clustering = new Clustering({ nNodes: na.getNNodes() })
    algorithm.improveClustering(na, clustering)
    const quality = algorithm.calcQuality(na, clustering)
    if (best === null || quality > bestQuality) [best, bestQuality] = [clustering, quality]
  }
  best!.orderClustersByNNodes()
  const clusters = Int32Array.from(best!.getClusters().slice(0, network.nodes.length))
  return Object.freeze({
    clusters,
    clusterCount: network.nodes.length === 0 ? 0 : best!.getNClusters(),
    quality: bestQuality,
    modularity: modularityKernel(networkCsr(network), clusters),
    options: opts,
  })
}

/**
 * Cluster a network with the Leiden algorithm (Traag, Waltman & van Eck 2019, doi:10.1038/s41598-019-41695-z),
 * through networkanalysis-ts, VOSviewer's own implementation. Returns the network with 1-based `cluster`s.
 * @example
 *   const clustered = leiden(network, { resolution: 1, seed: 42 })
 *   const { modularity } = leiden.detailed(network, { seed: 42 })
 */
export function leiden(network: Network, options: LeidenOptions = {}): Network {
  return withClustering(network, detailed(network, options))
}

/** The network with a Leiden result's 1-based clusters on its nodes and the clustering in its method. */
export function withClustering(network: Network, result: LeidenResult): Network {
  const clustered = withNodes(network, (_, i) => ({ cluster: (result.clusters[i] ?? 0) + 1 }))
  const { quality, resolution, seed, iterations, randomStarts } = result.options
  const clustering = { algorithm: 'leiden' as const, quality, resolution, seed, iterations, randomStarts }
  return clustered.method ? { ...clustered, method: { ...clustered.method, clustering } } : clustered
}
leiden.detailed = detailed
