import { Command, Option } from 'commander'
import { COUNTRY_POLICY_IDS } from '@meridian/model'
import { storeDir, type Context } from '../context.js'
import { SYNTHETIC, toFormat } from '../format/result.js'
import { table } from '../format/table.js'
import { openStore } from '../open-store.js'

/** `meridian status`: works, works with a country, international works, per source and per year. */
export function statusCommand(context: Context): Command {
  return new Command('status')
    .description('summarise the store: works, works with a country, international works, by source and year')
    .option('--store <dir>', 'store directory (default: $MERIDIAN_STORE or ./meridian-data)')
    .addOption(
      new Option('--country-policy <policy>', 'country policy').choices(COUNTRY_POLICY_IDS).default('iso'),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (flags: { store?: string; countryPolicy: string; format: string }) => {
      const format = toFormat(flags.format, ['table', 'json'])
      const dir = storeDir(context, flags.store)
      const store = await openStore(context, dir, 'read')
      try {
        const status = await store.status({ policy: flags.countryPolicy })
        const data = await store.dataVersion()
        if (format === 'json') {
          context.stdout(JSON.stringify({ store: dir, ...status, data }, null, 2) + '\n')
          return
        }
        const columns = ['works', 'worksWithCountry', 'internationalWorks']
        context.stdout(
          [
            ...(status.synthetic ? [`!! ${SYNTHETIC}`] : []),
            `store: ${dir} · ${data.ingests} ingest run(s), last ${data.lastIngestAt ?? 'never'} · country policy: ${status.countryPolicy}`,
            `${status.works} works, ${status.worksWithCountry} with at least one country, ${status.internationalWorks} international (two or more countries)`,
            '',
            table(['source', 'format', ...columns], status.sources),
            table(
              ['year', ...columns],
              status.years.map((y) => ({ ...y, year: y.year ?? '(none)' })),
            ),
          ].join('\n'),
        )
      } finally {
        store.close()
      }
    })
}
