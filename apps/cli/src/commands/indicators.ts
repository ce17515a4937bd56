import { Command, Option } from 'commander'
import {
  describe,
  evaluate,
  indicator,
  INDICATORS,
  COUNTINGS,
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
  readonly counting?: string
  readonly countryPolicy?: string
  readonly minCopublications?: string
  readonly role?: string
}

/** The options every indicator command shares. */
export function withIndicatorOptions(command: Command): Command {
  return command
    .addOption(new Option('--level <level>', 'unit of analysis').choices(['country']).default('country'))
    .option('--years <range>', 'publication years, e.g. 2015-2020 or 2019 (default: all)')
    .option('--by-year', 'one row per unit and year')
    .addOption(
      new Option('--counting <method>', "counting method (default: the indicator's first)").choices(
        COUNTINGS,
      ),
    )
    .addOption(
      new Option('--country-policy <policy>', 'country policy').choices(COUNTRY_POLICY_IDS).default('iso'),
    )
    .option('--min-copublications <n>', 'partners: smallest co-publication count of a partner', '1')
    .addOption(
      new Option('--role <role>', 'leadership: which author leads').choices([
        'corresponding',
        'first',
        'last',
      ]),
    )
}

/** Indicator options from parsed flags. */
export function indicatorInput(flags: IndicatorFlags): IndicatorOptionsInput {
  const min = Number(flags.minCopublications ?? '1')
  if (!Number.isInteger(min))
    throw new MeridianError(
      'BAD_OPTION',
      `--min-copublications "${flags.minCopublications}" is not a whole number`,
    )
  return {
    level: flags.level,
    years: flags.years ?? null,
    byYear: flags.byYear ?? false,
    counting: flags.counting,
    countryPolicy: flags.countryPolicy,
    minCopublications: min,
    role: flags.role,
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
      const input = indicatorInput(flags)
      describe(definition, input) // validate options before opening the store
      const store = await openStore(storeDir(context, flags.store), 'read')
      try {
        const result = await evaluate(store.runner, definition, input, await store.dataVersion())
        context.stdout(formatResult(result, definition, format))
      } finally {
        store.close()
      }
    },
  )
}
