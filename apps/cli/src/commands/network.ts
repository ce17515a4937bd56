import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Command, Option } from 'commander'
import { closestName, COUNTRY_POLICY_IDS, MeridianError } from '@meridian/model'
import {
  AUTHOR_KEYS,
  NETWORK_COUNTINGS,
  NETWORK_LEVELS,
  NODE_WEIGHTS,
  QUALITY_FUNCTIONS,
  buildNetwork,
  centralities,
  describeNetwork,
  leiden,
  withClustering,
  withLayout,
  networkStats,
  networkToPajek,
  vosLayout,
  writeCsv,
  writeGexf,
  writeGraphml,
  writePajek,
  writePajekPartition,
  writeVosviewerJson,
  writeVosviewerMap,
  type Network,
  type NetworkOptionsInput,
} from '@meridian/networks'
import { storeDir, type Context } from '../context.js'
import { table } from '../format/table.js'
import { openStore } from '../open-store.js'
import { readGroups } from './indicators.js'

const FORMATS = ['vosviewer-json', 'vosviewer-map', 'pajek', 'gexf', 'graphml', 'csv'] as const
type Format = (typeof FORMATS)[number]

interface NetworkFlags {
  readonly counting?: string
  readonly minWorks?: string
  readonly minStrength?: string
  readonly top?: string
  readonly weight?: string
  readonly maxAuthors?: string
  readonly years?: string
  readonly fields?: string
  readonly field?: readonly string[]
  readonly group?: readonly string[]
  readonly groupsFile?: string
  readonly countryPolicy?: string
  readonly authorKey?: string
  readonly store?: string
}

function number(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === '' || Number.isNaN(n))
    throw new MeridianError('BAD_OPTION', `--${flag} "${value}" is not a number`)
  return n
}

const collect = (value: string, previous: readonly string[]): string[] => [...previous, value]

/** `--fields A,B` and each `--field C` (for names with a comma) into one list; `null` when none. */
function readFields(flags: NetworkFlags): string[] | null {
  const fields = [
    ...(flags.fields?.split(',').map((f) => f.trim()) ?? []),
    ...(flags.field ?? []).map((f) => f.trim()),
  ]
  return fields.length > 0 ? fields : null
}

/** The filters and thresholds every network command shares. */
function withNetworkOptions(command: Command): Command {
  return command
    .addOption(new Option('--counting <method>', 'link counting').choices(NETWORK_COUNTINGS).default('full'))
    .option('--min-works <n>', 'smallest number of works of a node', '1')
    .option('--min-strength <s>', 'smallest link strength kept', '0')
    .option('--top <n>', 'keep the N nodes of largest weight')
    .addOption(
      new Option('--weight <weight>', 'node weight --top ranks by').choices(NODE_WEIGHTS).default('works'),
    )
    .option('--max-authors <k>', 'leave out works with more than K authors')
    .option('--years <range>', 'publication years, e.g. 2015-2020 or 2019 (default: all)')
    .option('--fields <names>', 'only works in one of these fields, e.g. "Medicine,Computer Science"')
    .option('--field <name>', 'only works in this field (repeatable; for names with a comma)', collect, [])
    .option(
      '--group <name=codes>',
      'a group of countries for level group, e.g. EU=AT,BE,BG (repeatable)',
      collect,
      [],
    )
    .option('--groups-file <file>', 'groups of countries as JSON: {"EU": ["AT", "BE", ...]}')
    .addOption(
      new Option('--country-policy <policy>', 'country policy').choices(COUNTRY_POLICY_IDS).default('iso'),
    )
    .addOption(
      new Option('--author-key <key>', 'how authors are keyed').choices(AUTHOR_KEYS).default('orcid-or-name'),
    )
    .option('--store <dir>', 'store directory (default: $MERIDIAN_STORE or ./meridian-data)')
}

function networkInput(level: string, flags: NetworkFlags, cwd: string): NetworkOptionsInput {
  return {
    level,
    fields: readFields(flags),
    groups: readGroups(flags, cwd),
    counting: flags.counting,
    minWorks: number('min-works', flags.minWorks),
    minStrength: number('min-strength', flags.minStrength),
    top: number('top', flags.top) ?? null,
    weight: flags.weight,
    maxAuthors: number('max-authors', flags.maxAuthors) ?? null,
    years: flags.years ?? null,
    countryPolicy: flags.countryPolicy,
    authorKey: flags.authorKey,
  }
}

async function build(
  context: Context,
  input: NetworkOptionsInput,
  store: string | undefined,
): Promise<Network> {
  describeNetwork(input) // validate options before opening the store
  const opened = await openStore(context, storeDir(context, store), 'read')
  try {
    return await buildNetwork(opened.runner, input)
  } finally {
    opened.close()
  }
}

/** `name.ext` -> `name<suffix>.ext`. */
const beside = (path: string, suffix: string, ext?: string) => {
  const dot = path.lastIndexOf('.')
  const stem = dot > path.lastIndexOf('/') ? path.slice(0, dot) : path
  return `${stem}${suffix}${ext ?? (dot > path.lastIndexOf('/') ? path.slice(dot) : '')}`
}

/** The files of a network in a format: one or two (path, text) pairs. */
function files(network: Network, format: Format, out: string): [string, string][] {
  switch (format) {
    case 'vosviewer-json':
      return [[out, writeVosviewerJson(network)]]
    case 'vosviewer-map': {
      const { map, network: links } = writeVosviewerMap(network)
      return [
        [out, map],
        [beside(out, '-network'), links],
      ]
    }
    case 'pajek': {
      const clustered = network.nodes.every((n) => n.cluster !== undefined) && network.nodes.length > 0
      return [
        [out, writePajek(networkToPajek(network))],
        ...(clustered
          ? [
              [beside(out, '', '.clu'), writePajekPartition(network.nodes.map((n) => n.cluster ?? 0))] as [
                string,
                string,
              ],
            ]
          : []),
      ]
    }
    case 'gexf':
      return [[out, writeGexf(network)]]
    case 'graphml':
      return [[out, writeGraphml(network)]]
    case 'csv': {
      const { nodes, edges } = writeCsv(network)
      return [
        [out, nodes],
        [beside(out, '-edges'), edges],
      ]
    }
  }
}

interface BuildFlags extends NetworkFlags {
  readonly cluster?: string
  readonly quality: string
  readonly resolution: string
  readonly seed: string
  readonly layout?: string
  readonly centrality?: boolean
  readonly format?: string
  readonly out?: string
}

type PathScope = 'largest-component' | 'all-components'

/** `meridian network stats <level>`: the statistics as a table or JSON. */
async function printStats(
  context: Context,
  level: string,
  flags: BuildFlags & { paths: PathScope },
): Promise<void> {
  const format = flags.format ?? 'table'
  if (format !== 'table' && format !== 'json')
    throw new MeridianError('BAD_OPTION', `--format "${format}" is not valid for stats; use table or json`)
  const network = await build(context, networkInput(level, flags, context.cwd), flags.store)
  const stats = networkStats(network, { paths: flags.paths })
  if (format === 'json') context.stdout(JSON.stringify(stats, null, 2) + '\n')
  else
    context.stdout(
      table(
        ['statistic', 'value'],
        Object.entries(stats).map(([statistic, value]) => ({ statistic, value })),
      ),
    )
}

/** `meridian network <level>` and `meridian network stats <level>`: co-authorship networks from the store. */
export function networkCommand(context: Context): Command {
  // `stats` is an argument, not a subcommand: the root program parses options after a subcommand as this
  // command's, so a `stats` subcommand's `--format json` would be checked against the file formats.
  const command = withNetworkOptions(
    new Command('network')
      .description(
        'build a co-authorship network and write it, or print its statistics (network stats <level>)',
      )
      .argument('<level>', `${NETWORK_LEVELS.join(', ')}, or stats`)
      .argument('[stats-level]', 'after stats: the level'),
  )
    .addOption(new Option('--cluster <algorithm>', 'cluster the nodes').choices(['leiden']))
    .addOption(
      new Option('--quality <function>', 'Leiden quality function')
        .choices(QUALITY_FUNCTIONS)
        .default('modularity'),
    )
    .option('--resolution <r>', 'Leiden resolution', '1')
    .option('--seed <n>', 'random seed of clustering and layout', '0')
    .addOption(new Option('--layout <algorithm>', 'lay out the nodes').choices(['vos']))
    .option('--centrality', 'add degree, strength, PageRank and (small networks) betweenness scores')
    .addOption(
      new Option(
        '--format <format>',
        'file format (default vosviewer-json); for stats: table (default) or json',
      ),
    )
    .option('--out <file>', 'output file')
    .addOption(
      new Option('--paths <scope>', 'stats: diameter and path length over')
        .choices(['largest-component', 'all-components'])
        .default('largest-component'),
    )
    .action(async (first: string, second: string | undefined, flags: BuildFlags & { paths: PathScope }) => {
      const level = first === 'stats' ? second : second === undefined ? first : undefined
      if (level === undefined || !(NETWORK_LEVELS as readonly string[]).includes(level)) {
        const near = closestName(level ?? first, [...NETWORK_LEVELS, 'stats'])
        throw new MeridianError(
          'BAD_OPTION',
          `network "${[first, second].filter(Boolean).join(' ')}" is not valid;${near === null ? '' : ` did you mean "${near}"?`} use network <${NETWORK_LEVELS.join('|')}> or network stats <level>`,
        )
      }
      if (first === 'stats') return printStats(context, level, flags)
      const format = (flags.format ?? 'vosviewer-json') as Format
      if (!FORMATS.includes(format))
        throw new MeridianError(
          'BAD_OPTION',
          `--format "${format}" is not valid; use one of ${FORMATS.join(', ')}`,
        )
      if (flags.out === undefined) throw new MeridianError('BAD_OPTION', 'network: --out <file> is required')
      const seed = number('seed', flags.seed) ?? 0
      const resolution = number('resolution', flags.resolution) ?? 1
      let network = await build(context, networkInput(level, flags, context.cwd), flags.store)
      if (flags.cluster === 'leiden')
        network = withClustering(
          network,
          leiden.detailed(network, { quality: flags.quality as 'modularity' | 'cpm', resolution, seed }),
        )
      if (flags.layout === 'vos') network = withLayout(network, vosLayout.detailed(network, { seed }))
      if (flags.centrality) network = centralities(network)
      for (const [path, text] of files(network, format, resolve(context.cwd, flags.out))) {
        writeFileSync(path, text)
        context.stderr(`wrote ${path}\n`)
      }
      context.stdout(`${network.nodes.length} nodes, ${network.links.length} links\n`)
    })
  return command
}
