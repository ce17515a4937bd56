import { GradientDescentVOSLayoutAlgorithm, Layout } from 'networkanalysis-ts'
import { MeridianError } from '@meridian/model'
import { javaRandom, type Random } from './java-random.js'
import { toNaNetwork } from './na-network.js'
import { withNodes, type Network } from './network.js'

/** Options of `vosLayout`, with VOSviewer's defaults. */
export interface VosLayoutOptions {
  /** Default 2. */
  readonly attraction?: number
  /** Default 1. */
  readonly repulsion?: number
  /** Seed of the Java-compatible generator; default 0. Ignored when `random` is given. */
  readonly seed?: number
  readonly random?: Random
  /** Random starts, the best kept; default 1. */
  readonly randomStarts?: number
  /** Gradient descent iterations; default 1,000. */
  readonly maxIterations?: number
}

/** Coordinates with diagnostics. */
export interface VosLayoutResult {
  readonly x: Float64Array
  readonly y: Float64Array
  /** VOS quality function (lower is better). */
  readonly quality: number
  readonly options: Required<Omit<VosLayoutOptions, 'random'>>
}

function detailed(network: Network, options: VosLayoutOptions = {}): VosLayoutResult {
  const opts = Object.freeze({
    attraction: options.attraction ?? 2,
    repulsion: options.repulsion ?? 1,
    seed: options.seed ?? 0,
    randomStarts: options.randomStarts ?? 1,
    maxIterations: options.maxIterations ?? 1000,
  })
  if (!(opts.attraction > opts.repulsion))
    throw new MeridianError(
      'BAD_OPTION',
      `VOS layout attraction "${opts.attraction}" must exceed repulsion "${opts.repulsion}"`,
    )
  const random = (options.random ?? javaRandom(opts.seed)) as never
  // As VOSviewer: lay out the association-strength normalised network; unconnected parts get a small pull.
  const na = toNaNetwork(network).createNormalizedNetworkUsingAssociationStrength()
  const increment = na.identifyComponents().getNClusters() > 1 ? 0.01 : 0
  const algorithm = new GradientDescentVOSLayoutAlgorithm()
  algorithm.initializeBasedOnAttractionAndRepulsionAndEdgeWeightIncrementAndMaxNIterationsAndInitialStepSizeAndMinStepSizeAndStepSizeReductionAndRequiredNQualityValueImprovementsAndRandom(
    opts.attraction,
    opts.repulsion,
    increment,
    opts.maxIterations,
    GradientDescentVOSLayoutAlgorithm.DEFAULT_INITIAL_STEP_SIZE,
    GradientDescentVOSLayoutAlgorithm.DEFAULT_MIN_STEP_SIZE,
    GradientDescentVOSLayoutAlgorithm.DEFAULT_STEP_SIZE_REDUCTION,
    GradientDescentVOSLayoutAlgorithm.DEFAULT_REQUIRED_N_QUALITY_VALUE_IMPROVEMENTS,
    random,
  )
  let best: Layout | null = null
  let bestQuality = Number.POSITIVE_INFINITY
  for (let start = 0; start < opts.randomStarts; start++) {
    const layout = new Layout({ nNodes: na.getNNodes(), random })
    algorithm.improveLayout(na, layout)
    const quality = algorithm.calcQuality(na, layout)
    if (best === null || quality < bestQuality) [best, bestQuality] = [layout, quality]
  }
  best!.standardize(true)
  const [xs = [], ys = []] = best!.getCoordinates()
  const n = network.nodes.length
  return Object.freeze({
    x: Float64Array.from(xs.slice(0, n)),
    y: Float64Array.from(ys.slice(0, n)),
    quality: bestQuality,
    options: opts,
  })
}

/**
 * Lay out a network with the VOS technique (van Eck, Waltman, Dekker & van den Berg 2010,
 * doi:10.1002/asi.21421), through networkanalysis-ts. O(n^2) per iteration: meant for up to some
 * thousands of nodes, as in VOSviewer.
 * @example
 *   const placed = vosLayout(network, { seed: 1 })
 */
export function vosLayout(network: Network, options: VosLayoutOptions = {}): Network {
  return withLayout(network, detailed(network, options))
}

/** The network with a VOS layout's coordinates on its nodes and the layout in its method. */
export function withLayout(network: Network, result: VosLayoutResult): Network {
  const placed = withNodes(network, (_, i) => ({ x: result.x[i] ?? 0, y: result.y[i] ?? 0 }))
  const { attraction, repulsion, seed } = result.options
  const layout = { algorithm: 'vos' as const, attraction, repulsion, seed }
  return placed.method ? { ...placed, method: { ...placed.method, layout } } : placed
}
vosLayout.detailed = detailed
