import { Command, Option } from 'commander'
import { buildExpertiseIndex, EXPERT_KINDS, searchExperts, searchExpertsOptions } from '@meridian/connect'
import { MeridianError } from '@meridian/model'
import { storeDir, type Context } from '../context.js'
import { csv } from '../format/csv.js'
import { table } from '../format/table.js'
import { openStore } from '../open-store.js'

interface ExpertsFlags {
  readonly store?: string
  readonly level: string
  readonly country?: string
  readonly type?: string
  readonly field?: string
  readonly years?: string
  readonly minWorks?: string
  readonly rollUp?: boolean
  readonly page?: string
  readonly pageSize?: string
  readonly evidence?: string
  readonly format: string
}

function whole(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\s*\d+\s*$/.test(value))
    throw new MeridianError('BAD_OPTION', `--${flag} "${value}" is not a whole number`)
  return Number(value)
}

const UNITS = { institution: 'institutions', author: 'researchers', country: 'countries' } as const

const COLUMNS = [
  'rank',
  'id',
  'label',
  'key',
  'country',
  'type',
  'institution',
  'score',
  'matchingWorks',
  'evidence',
]

/** `meridian search experts QUERY`: organisations, researchers or countries whose works match, with evidence. */
export function searchCommand(context: Context): Command {
  const search = new Command('search').description('search the store')
  search
    .command('experts')
    .description('find institutions, researchers or countries by what they publish (English or Chinese text)')
    .argument('<query>', 'free text, e.g. "graphene battery" or "石墨烯电池"')
    .addOption(new Option('--level <level>', 'units ranked').choices(EXPERT_KINDS).default('institution'))
    .option('--country <code>', 'only units of this country (ISO alpha-2)')
    .option('--type <type>', 'only institutions of this type (education, company, ...)')
    .option('--field <name>', 'only works in this field')
    .option('--years <range>', 'only works of these years, e.g. 2015-2020 or 2019')
    .option('--min-works <n>', 'only units with at least N works in the period and field', '1')
    .option('--roll-up', 'count institutions under their top-level organisation (ROR relationships)')
    .option('--page <n>', 'page, from 1', '1')
    .option('--page-size <n>', 'units per page', '20')
    .option('--evidence <n>', 'matching works shown per unit', '3')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'),
    )
    .option('--store <dir>', 'store directory (default: $MERIDIAN_STORE or ./meridian-data)')
    .action(async (query: string, flags: ExpertsFlags) => {
      if (query.trim() === '') throw new MeridianError('BAD_OPTION', 'search experts: the query is empty')
      const input = {
        kind: flags.level,
        country: flags.country ?? null,
        type: flags.type ?? null,
        field: flags.field ?? null,
        years: flags.years ?? null,
        minWorks: whole('min-works', flags.minWorks),
        rollUp: flags.rollUp ?? false,
        page: whole('page', flags.page),
        pageSize: whole('page-size', flags.pageSize),
        evidence: whole('evidence', flags.evidence),
      }
      searchExpertsOptions(input) // check the options before opening the store
      const store = await openStore(context, storeDir(context, flags.store), 'read')
      const result = await buildExpertiseIndex(store.runner)
        .then((index) => searchExperts(index, query, input))
        .finally(() => store.close())
      if (flags.format === 'json') return context.stdout(JSON.stringify(result, null, 2) + '\n')
      const rows = result.rows.map((r) => ({
        ...r,
        evidence: r.evidence.map((e) => `${e.year ?? '?'} ${e.title ?? `work ${e.id}`}`).join(' | '),
      }))
      if (flags.format === 'csv') return context.stdout(csv(COLUMNS, rows))
      const m = result.method
      context.stdout(
        [
          `${result.total} ${UNITS[result.options.kind]} ` +
            `from ${result.matchingWorks} matching works; page ${result.page} of ` +
            `${Math.max(1, Math.ceil(result.total / result.pageSize))}`,
          `method: ${m.aggregation}`,
          ...m.notes.map((n) => `note: ${n}`),
          '',
          table(COLUMNS, rows),
        ].join('\n'),
      )
    })
  return search
}
