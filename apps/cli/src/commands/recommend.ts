import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Command, Option } from 'commander'
import {
  BACKTEST_TASKS,
  type BacktestTask,
  backtest,
  institutionInfo,
  recommendPartners,
  REASON_LANGUAGES,
  yearlyFromPajek,
  yearlyFromStore,
  type YearlyNetworks,
} from '@meridian/connect'
import { MeridianError } from '@meridian/model'
import { storeDir, type Context } from '../context.js'
import { csv } from '../format/csv.js'
import { table } from '../format/table.js'
import { openStore } from '../open-store.js'

const LEVELS = ['country', 'institution', 'author'] as const
const FORMATS = ['table', 'json', 'csv'] as const

function whole(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === '' || !Number.isInteger(n))
    throw new MeridianError('BAD_OPTION', `--${flag} "${value}" is not a whole number`)
  return n
}

/** Yearly networks from a folder of Pajek files (one per year, the year in the name). */
function readPajekDir(dir: string): YearlyNetworks {
  let names: string[]
  try {
    names = readdirSync(dir).filter((name) => /\d{4}\.net$/i.test(name))
  } catch (cause) {
    throw new MeridianError('UNREADABLE_FILE', `cannot read the folder "${dir}"`, { cause })
  }
  return yearlyFromPajek(names.sort().map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })))
}

interface BacktestFlags {
  readonly pajekDir?: string
  readonly store?: string
  readonly level: (typeof LEVELS)[number]
  readonly trainEnd: string
  readonly horizon: string
  readonly maxAskers?: string
  readonly task: BacktestTask
  readonly format: (typeof FORMATS)[number]
}

interface PartnerFlags {
  readonly store?: string
  readonly level: (typeof LEVELS)[number]
  readonly unit: string
  readonly horizon?: string
  readonly limit?: string
  readonly country?: readonly string[]
  readonly type?: readonly string[]
  readonly field?: string
  readonly lang: (typeof REASON_LANGUAGES)[number]
  readonly format: (typeof FORMATS)[number]
}

const collect = (value: string, previous: readonly string[] = []): string[] => [
  ...previous,
  ...value.split(',').map((v) => v.trim()),
]

async function fromStore<T>(
  context: Context,
  store: string | undefined,
  work: (runner: Awaited<ReturnType<typeof openStore>>['runner']) => Promise<T>,
): Promise<T> {
  const opened = await openStore(context, storeDir(context, store), 'read')
  try {
    return await work(opened.runner)
  } finally {
    opened.close()
  }
}

/** `meridian recommend`: partner suggestions with reasons, and the backtest that says how often they come true. */
export function recommendCommand(context: Context): Command {
  const command = new Command('recommend').description(
    'suggest new partners with reasons, and backtest the suggestions against what happened',
  )
  command
    .command('backtest')
    .description(
      'learn on ties up to --train-end, predict the new (or, --task strengthening, growing) ties of the next --horizon years; AUC, precision@20 and recall@20 per model',
    )
    .option(
      '--pajek-dir <dir>',
      'yearly networks as Pajek files (one per year, the year in the name, e.g. WrldCo2000.net)',
    )
    .option('--store <dir>', 'the store (default ./meridian-data); used when --pajek-dir is not given')
    .addOption(new Option('--level <level>', 'units of the store network').choices(LEVELS).default('country'))
    .requiredOption('--train-end <year>', 'the cut-off year T')
    .requiredOption('--horizon <years>', 'H: new ties in (T, T + H] are predicted')
    .option('--max-askers <n>', 'at most this many askers (a seeded sample)', '400')
    .addOption(
      new Option(
        '--task <task>',
        'new-ties: ties that appear; strengthening: existing ties whose joint works grow',
      )
        .choices(BACKTEST_TASKS)
        .default('new-ties'),
    )
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .action(async (flags: BacktestFlags) => {
      const options = {
        task: flags.task,
        trainEnd: whole('train-end', flags.trainEnd)!,
        horizon: whole('horizon', flags.horizon)!,
        maxAskers: whole('max-askers', flags.maxAskers)!,
      }
      const series = flags.pajekDir
        ? readPajekDir(resolve(context.cwd, flags.pajekDir))
        : await fromStore(context, flags.store, (runner) => yearlyFromStore(runner, { level: flags.level }))
      const result = backtest(series, options)
      if (flags.format === 'json') context.stdout(JSON.stringify(result.rows, null, 2) + '\n')
      else if (flags.format === 'csv')
        context.stdout(
          csv(
            ['model', 'auc', 'precisionAt20', 'recallAt20'],
            result.rows.map((row) => ({ ...row })),
          ),
        )
      else {
        const m = result.method
        const positives = m.task === 'strengthening' ? 'strengthened ties' : 'new ties'
        context.stdout(table(['model', 'auc', 'precisionAt20', 'recallAt20'], result.rows))
        context.stdout(
          `\n${m.predicted}.\n${m.fittedOn}.\nA tie: ${m.tie}. ${m.measures}.\n` +
            `${m.askers} askers (${m.askersWithNewTies} with ${positives}), ${m.pairs} candidate pairs, ${m.newTies} ${positives}. Source: ${m.source}.\n`,
        )
      }
    })
  command
    .command('partners')
    .description('suggest new partners for a country, an institution or an author, each with its reasons')
    .addOption(new Option('--level <level>', 'what the unit is').choices(LEVELS).default('country'))
    .requiredOption('--unit <id>', 'ISO code or country name, institution key or ROR id, author ORCID or key')
    .option('--store <dir>', 'the store (default ./meridian-data)')
    .option('--horizon <years>', 'years ahead a suggestion is about', '3')
    .option('--limit <n>', 'suggestions shown', '20')
    .option('--country <codes>', 'only partners in these countries (repeat or comma-separate)', collect)
    .option('--type <types>', 'only institutions of these types (repeat or comma-separate)', collect)
    .option('--field <field>', 'only partners with works in this field')
    .addOption(new Option('--lang <lang>', 'language of the reasons').choices(REASON_LANGUAGES).default('en'))
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .action(async (flags: PartnerFlags) => {
      const horizon = whole('horizon', flags.horizon)!
      const limit = whole('limit', flags.limit)!
      const result = await fromStore(context, flags.store, async (runner) => {
        const series = await yearlyFromStore(runner, { level: flags.level })
        const unitInfo = flags.level === 'institution' ? await institutionInfo(runner) : undefined
        return recommendPartners(series, {
          unit: flags.unit,
          horizon,
          limit,
          countries: flags.country ?? null,
          types: flags.type ?? null,
          field: flags.field ?? null,
          lang: flags.lang,
          ...(unitInfo ? { unitInfo } : {}),
        })
      })
      const rows = result.rows.map((r) => ({ ...r, reasons: r.reasons.map((x) => x.text).join('; ') }))
      if (flags.format === 'json') context.stdout(JSON.stringify(result, null, 2) + '\n')
      else if (flags.format === 'csv') context.stdout(csv(['partner', 'label', 'score', 'reasons'], rows))
      else {
        context.stdout(`${result.unit.label} (${result.unit.id}): ${result.candidates} candidates\n`)
        context.stdout(table(['partner', 'label', 'score', 'reasons'], rows))
        context.stdout(
          `\nBacktest: ${result.backtest.text}\n${result.method.period}. ${result.method.score}.\n`,
        )
      }
    })
  return command
}
