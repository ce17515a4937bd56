import { Command, Option } from 'commander'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  COUNTINGS,
  describe,
  evaluate,
  indicator,
  INDICATORS,
  LEVELS,
  NORMALIZATIONS,
  type IndicatorOptionsInput,
} from '@meridian/indicators'
import { COUNTRY_POLICY_IDS, MeridianError } from '@meridian/model'
import { storeDir, type Context } from '../context.js'
import { formatResult, toFormat } from '../format/result.js'
import { table } from '../format/table.js'
import { openStore } from '../open-store.js'

interface IndicatorFlags {
  readonly level?: string
  readonly years?: string
  readonly byYear?: boolean
  readonly window?: string
  readonly counting?: string
  readonly countryPolicy?: string
  readonly fields?: string
  readonly group?: readonly string[]
  readonly groupsFile?: string
  readonly international?: string
  readonly rollUp?: boolean
  readonly minCopublications?: string
  readonly role?: string
  readonly normalization?: string
  readonly threshold?: string
  readonly top?: string
  readonly intervals?: boolean
  readonly resamples?: string
  readonly seed?: string
}

const number = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isFinite(n)) throw new MeridianError('BAD_OPTION', `--${name} "${value}" is not a number`)
  return n
}

/** `--group EU=AT,BE,...` (repeatable) and `--groups-file groups.json` ({"EU": ["AT", ...]}) into one map. */
export function readGroups(
  flags: Pick<IndicatorFlags, 'group' | 'groupsFile'>,
  cwd: string,
): Record<string, string[]> | null {
  const groups: Record<string, string[]> = {}
  if (flags.groupsFile) {
    const path = resolve(cwd, flags.groupsFile)
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'))
    } catch (cause) {
      throw new MeridianError(
        'BAD_OPTION',
        `--groups-file "${flags.groupsFile}": ${(cause as Error).message}`,
        { cause },
      )
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new MeridianError(
        'BAD_OPTION',
        `--groups-file "${flags.groupsFile}" must hold {"name": ["ISO", ...]}`,
      )
    for (const [name, members] of Object.entries(parsed)) {
      if (!Array.isArray(members) || !members.every((m) => typeof m === 'string'))
        throw new MeridianError(
          'BAD_OPTION',
          `--groups-file "${flags.groupsFile}": group "${name}" must list ISO codes`,
        )
      groups[name] = members
    }
  }
  for (const spec of flags.group ?? []) {
    const match = /^([^=]+)=(.+)$/.exec(spec)
    if (!match?.[1] || !match[2])
      throw new MeridianError('BAD_OPTION', `--group "${spec}" must look like EU=AT,BE,BG`)
    groups[match[1].trim()] = match[2].split(',').map((c) => c.trim())
  }
  return Object.keys(groups).length > 0 ? groups : null
}

/** The options every indicator command shares. */
export function withIndicatorOptions(command: Command): Command {
  return command
    .addOption(new Option('--level <level>', 'unit of analysis').choices(LEVELS).default('country'))
    .option('--years <range>', 'publication years, e.g. 2015-2020 or 2019 (default: all)')
    .option(
      '--fields <names>',
      'only works with one of these fields, comma-separated, names as stored (default: all)',
    )
    .option('--by-year', 'one row per unit and year')
    .option('--window <years>', 'rolling windows of this many years over --years (e.g. 4)')
    .option(
      '--group <name=codes>',
      'a group of countries for --level group, e.g. EU=AT,BE,BG (repeatable)',
      collect,
      [],
    )
    .option('--groups-file <file>', 'groups of countries as JSON: {"EU": ["AT", "BE", ...]}')
    .addOption(
      new Option(
        '--international <mode>',
        'groups: international = two or more countries, or crossing the border',
      )
        .choices(['countries', 'border'])
        .default('countries'),
    )
    .option(
      '--roll-up',
      'institutions: count each under the top of its ROR parent chain (after registry load)',
    )
    .addOption(
      new Option('--counting <method>', "counting method (default: the indicator's first)").choices(
        COUNTINGS,
      ),
    )
    .addOption(
      new Option('--country-policy <policy>', 'country policy').choices(COUNTRY_POLICY_IDS).default('iso'),
    )
    .option('--min-copublications <n>', 'partners: smallest co-publication count of a partner (default 1)')
    .addOption(
      new Option('--role <role>', 'leadership: which author leads').choices([
        'corresponding',
        'first',
        'last',
      ]),
    )
    .addOption(new Option('--normalization <n>', 'bilateral-matrix: normalisation').choices(NORMALIZATIONS))
    .option('--threshold <km>', 'distance: long-distance threshold in km (default 1000)')
    .addOption(new Option('--top <percent>', 'highly-cited: top 10 or 1 per cent').choices(['10', '1']))
    .option('--no-intervals', 'no stability intervals (faster)')
    .option('--resamples <n>', 'bootstrap resamples for stability intervals (default 1000)')
    .option('--seed <n>', 'bootstrap seed (default 1)')
}

function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value]
}

/** Indicator options from parsed flags (checked again, once, by `normalizeOptions`). */
export function indicatorInput(flags: IndicatorFlags, cwd = '.'): IndicatorOptionsInput {
  return {
    level: flags.level,
    years: flags.years ?? null,
    byYear: flags.byYear ?? false,
    window: number('window', flags.window) ?? null,
    counting: flags.counting,
    countryPolicy: flags.countryPolicy,
    groups: readGroups(flags, cwd),
    international: flags.international,
    rollUp: flags.rollUp ?? false,
    minCopublications: number('min-copublications', flags.minCopublications),
    role: flags.role,
    normalization: flags.normalization,
    threshold: number('threshold', flags.threshold),
    top: number('top', flags.top),
    intervals: flags.intervals ?? true,
    resamples: number('resamples', flags.resamples),
    seed: number('seed', flags.seed),
    fields: flags.fields === undefined ? null : flags.fields.split(',').map((f) => f.trim()),
  }
}

/** `meridian indicators [id]`: compute an indicator, or list them. */
export function indicatorsCommand(context: Context): Command {
  return withIndicatorOptions(
    new Command('indicators')
      .description('compute a country indicator over the store, or list the indicators')
      .argument('[id]', 'indicator id (see --list)')
      .option('--list', 'list the indicators with their counting methods')
      .option('--store <dir>', 'store directory (default: $MERIDIAN_STORE or ./meridian-data)')
      .addOption(
        new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'),
      ),
  ).action(
    async (
      id: string | undefined,
      flags: IndicatorFlags & { list?: boolean; store?: string; format: string },
    ) => {
      const format = toFormat(flags.format)
      if (flags.list || !id) {
        const rows = INDICATORS.map((d) => ({ id: d.id, counting: d.countings.join('|'), title: d.title }))
        context.stdout(
          format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : table(['id', 'counting', 'title'], rows),
        )
        return
      }
      const definition = indicator(id)
      const input = indicatorInput(flags, context.cwd)
      describe(definition, input) // validate options before opening the store
      const store = await openStore(context, storeDir(context, flags.store), 'read')
      try {
        const result = await evaluate(store.runner, definition, input, await store.dataVersion())
        context.stdout(formatResult(result, definition, format))
      } finally {
        store.close()
      }
    },
  )
}
