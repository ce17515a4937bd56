import { Command, Option } from 'commander'
import { COUNTINGS } from '@meridian/indicators'
import { COUNTRY_POLICY_IDS, MeridianError } from '@meridian/model'
import type { KpiSource, KpiView } from '@meridian/steer'
import { storeDir, type Context } from '../context.js'
import { table } from '../format/table.js'
import { openStore } from '../open-store.js'
import { operator, type StateFlags } from '../open-state.js'
import { idOf, withSteer } from './programmes.js'
import { stateOptions } from './users.js'

/** `country:DE`, `pair:DE-CN`, `institution:<key>`, `countries:NAME=DE,CN`, `outputs`, `programme` into a KPI scope. */
export function parseScope(value: string): unknown {
  const [kind = '', rest = ''] = value.split(/:(.*)/s)
  if (kind === 'country') return { kind, country: rest }
  if (kind === 'pair') {
    const [country, partner] = rest.split('-')
    return { kind: 'country-pair', country, partner }
  }
  if (kind === 'institution') return { kind, institution: rest }
  if ((kind === 'outputs' || kind === 'programme') && rest === '') return { kind }
  const group = /^([^=]+)=(.+)$/.exec(rest)
  if (kind === 'countries' && group) return { kind, name: group[1], countries: group[2]?.split(',') }
  throw new MeridianError(
    'BAD_OPTION',
    `--scope "${value}" must be country:DE, pair:DE-CN, institution:<ROR or OpenAlex id>, countries:NAME=DE,CN, outputs (the programme's linked outputs) or programme (its milestones: milestones-done, milestones-late; its marketplace records: connect-agreements, connect-introductions)`,
  )
}

const number = (name: string, value: string | undefined) => {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isFinite(n)) throw new MeridianError('BAD_OPTION', `--${name} "${value}" is not a number`)
  return n
}

interface KpiFlags extends StateFlags {
  readonly fields?: string
  readonly programme: string
  readonly indicator: string
  readonly scope: string
  readonly years?: string
  readonly counting?: string
  readonly countryPolicy?: string
  readonly role?: string
  readonly measure?: string
  readonly baselinePeriod: string
  readonly baselineValue?: string
  readonly target: string
  readonly targetDate: string
  readonly owner: string
  readonly format: string
}

/** A store's runner and data version, for the duration of `work`. */
export async function withStore<T>(
  context: Context,
  flags: StateFlags,
  work: (source: KpiSource) => Promise<T>,
): Promise<T> {
  const store = await openStore(context, storeDir(context, flags.store), 'read')
  try {
    return await work({ runner: store.runner, dataVersion: await store.dataVersion() })
  } finally {
    store.close()
  }
}

const row = (k: KpiView) => ({
  id: k.id,
  indicator: k.indicator,
  scope: Object.values(k.scope).slice(1).flat().join(' ') || k.scope.kind,
  baseline: k.baseline.value,
  target: k.target.value,
  by: k.target.date,
  actual: k.actual,
  expected: k.expected,
  status: k.status,
})

/** `meridian kpi add|list|refresh`: a programme's KPIs, computed by the indicator engine from the store. */
export function kpiCommand(context: Context): Command {
  const kpi = new Command('kpi').description(
    'programme KPIs: saved indicator queries with baseline, target and actual',
  )
  const format = () =>
    new Option('--format <format>', 'output format').choices(['table', 'json']).default('table')
  kpi.addCommand(
    stateOptions(new Command('add'))
      .description(
        'add a KPI to a programme; its baseline (unless given) and first actual are computed from the store',
      )
      .requiredOption('--programme <id>', 'programme id')
      .requiredOption(
        '--indicator <id>',
        'indicator id (see `meridian indicators --list`); milestones-done / milestones-late with --scope programme; ' +
          "connect-agreements / connect-introductions (the programme's marketplace records) with --scope programme or pair:DE-CN",
      )
      .requiredOption(
        '--scope <scope>',
        'country:DE, pair:DE-CN, institution:<id>, countries:NAME=DE,CN, outputs or programme',
      )
      .option('--years <range>', 'publication years of the actual, e.g. 2021-2025 (default: all)')
      .addOption(new Option('--counting <method>', 'counting method').choices(COUNTINGS))
      .addOption(new Option('--country-policy <policy>', 'country policy').choices(COUNTRY_POLICY_IDS))
      .option('--fields <names>', 'only works with one of these fields, comma-separated, names as stored')
      .addOption(
        new Option('--role <role>', 'leadership: which author leads').choices([
          'corresponding',
          'first',
          'last',
        ]),
      )
      .option('--measure <column>', 'the result column that is the KPI (default value)')
      .requiredOption('--baseline-period <years>', 'baseline period, e.g. 2018-2020')
      .option('--baseline-value <n>', 'the baseline, entered (default: computed over the baseline period)')
      .requiredOption('--target <n>', 'target value')
      .requiredOption('--target-date <date>', 'target date (YYYY-MM-DD)')
      .requiredOption('--owner <name>', 'who answers for the KPI')
      .addOption(format())
      .action(async (flags: KpiFlags) => {
        const input = {
          programmeId: idOf('--programme', flags.programme),
          indicator: flags.indicator,
          scope: parseScope(flags.scope),
          options: {
            years: flags.years,
            counting: flags.counting,
            countryPolicy: flags.countryPolicy,
            fields: flags.fields?.split(',').map((f) => f.trim()),
            role: flags.role,
          },
          measure: flags.measure,
          baseline: {
            period: flags.baselinePeriod,
            value: number('baseline-value', flags.baselineValue) ?? null,
          },
          target: { value: number('target', flags.target), date: flags.targetDate },
          owner: flags.owner,
        }
        const view = await withStore(context, flags, (source) =>
          withSteer(context, flags, 'meridian kpi', (steer) =>
            steer.addKpi(operator(context), input, source),
          ),
        )
        context.stdout(
          flags.format === 'json'
            ? JSON.stringify(view, null, 2) + '\n'
            : table(Object.keys(row(view)), [row(view)]),
        )
      }),
  )
  kpi.addCommand(
    stateOptions(new Command('list'))
      .description("a programme's KPIs with baseline, target, latest actual, status, method and coverage")
      .requiredOption('--programme <id>', 'programme id')
      .addOption(format())
      .action(async (flags: StateFlags & { programme: string; format: string }) => {
        const list = await withSteer(context, flags, 'meridian kpi', (steer) =>
          steer.listKpis(operator(context), idOf('--programme', flags.programme)),
        )
        context.stdout(
          flags.format === 'json'
            ? JSON.stringify(list, null, 2) + '\n'
            : table(
                ['id', 'indicator', 'scope', 'baseline', 'target', 'by', 'actual', 'expected', 'status'],
                list.map(row),
              ),
        )
      }),
  )
  kpi.addCommand(
    stateOptions(new Command('refresh'))
      .description(
        'recompute the KPIs whose last actual is of an older data version (a new history row each)',
      )
      .option('--programme <id>', "only this programme's KPIs")
      .action(async (flags: StateFlags & { programme?: string }) => {
        const summary = await withStore(context, flags, (source) =>
          withSteer(context, flags, 'meridian kpi', (steer) =>
            steer.refreshKpis(
              operator(context),
              source,
              flags.programme === undefined ? {} : { programmeId: idOf('--programme', flags.programme) },
            ),
          ),
        )
        context.stdout(
          `refreshed ${summary.refreshed} KPIs, ${summary.unchanged} already of this data version\n`,
        )
      }),
  )
  return kpi
}
