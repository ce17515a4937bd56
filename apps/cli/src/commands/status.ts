import { Command, Option } from 'commander'
import { COUNTRY_POLICY_IDS } from '@meridian/model'
import { storeDir, type Context } from '../context.js'
import { SYNTHETIC, toFormat } from '../format/result.js'
import { table } from '../format/table.js'
import { openStore } from '../open-store.js'
import type { WorkCounts } from '@meridian/store'

/** `meridian status`: works, works with a country, international works, per source and per year; patents. */
export function statusCommand(context: Context): Command {
  return new Command('status')
    .description(
      'summarise the store and its data quality by source and year: works with a country, international, with affiliations, with a corresponding author, with truncated author lists',
    )
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
        // Data quality as shares of each row's works, so sources and years compare at a glance.
        const pct = (n: number, of: number) => (of === 0 ? '-' : `${((100 * n) / of).toFixed(1)}%`)
        const quality = (c: WorkCounts) => ({
          works: c.works,
          country: pct(c.worksWithCountry, c.works),
          international: pct(c.internationalWorks, c.works),
          affiliations: pct(c.worksWithAffiliations, c.works),
          corresponding: pct(c.worksWithCorrespondingAuthor, c.works),
          truncated: pct(c.worksWithTruncatedAuthors, c.works),
        })
        const columns = ['works', 'country', 'international', 'affiliations', 'corresponding', 'truncated']
        context.stdout(
          [
            ...(status.synthetic ? [`!! ${SYNTHETIC}`] : []),
            `store: ${dir} · ${data.ingests} ingest run(s), last ${data.lastIngestAt ?? 'never'} · country policy: ${status.countryPolicy}` +
              (data.overrides ? ` · overrides ${data.overrides.slice(0, 12)}` : ''),
            `${status.works} works, ${status.worksWithCountry} with at least one country, ${status.internationalWorks} international (two or more countries)`,
            `${status.patents} patents`,
            'data quality (share of works): with a country, international, with affiliations, with a corresponding author, with a truncated author list',
            '',
            table(
              ['source', 'format', ...columns],
              status.sources.map((s) => ({ source: s.source, format: s.format, ...quality(s) })),
            ),
            table(
              ['year', ...columns],
              status.years.map((y) => ({ year: y.year ?? '(none)', ...quality(y) })),
            ),
          ].join('\n'),
        )
      } finally {
        store.close()
      }
    })
}
