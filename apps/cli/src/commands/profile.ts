import { Command, Option } from 'commander'
import { buildProfile, normalizeProfileOptions, PROFILE_LEVELS, type Profile } from '@meridian/connect'
import { COUNTRY_POLICY_IDS } from '@meridian/model'
import { storeDir, type Context } from '../context.js'
import { table } from '../format/table.js'
import { openStore } from '../open-store.js'

interface ProfileFlags {
  readonly level: string
  readonly unit: string
  readonly store?: string
  readonly years?: string
  readonly rollUp?: boolean
  readonly countryPolicy: string
  readonly format: 'table' | 'json'
  readonly top: string
}

const percent = (share: number | null) => (share === null ? '' : `${(share * 100).toFixed(1)} %`)

/** The profile as text: a heading, then one table per part, the first `top` rows of each list. */
function render(p: Profile, top: number): string {
  const { production: prod, method } = p
  const period = method.years ? `${method.years.from}-${method.years.to}` : 'all years'
  const windows = method.trendWindows
    ? `trend: ${method.trendWindows.recent.from}-${method.trendWindows.recent.to} vs ${method.trendWindows.previous.from}-${method.trendWindows.previous.to}`
    : 'trend: no years'
  const lines = [
    `Profile of ${p.name ?? p.unit} (${p.level} ${p.unit}${p.keyBasis === 'name' ? ', keyed by name: works of that name without an ORCID' : ''})`,
    ...(p.sameName.length > 0
      ? [`not merged: the same name with an ORCID, as ${p.sameName.join(', ')} (profile those by ORCID)`]
      : []),
    `country policy: ${method.countryPolicy} · years: ${period} · ${windows} · topics: ${method.topics}${method.rollUp ? ' · rolled up' : ''}`,
    '',
    table(
      ['works', 'fractional', 'citationsPerWork', 'mncs', 'top10', 'industry', 'partners'],
      [
        {
          works: prod.works,
          fractional: prod.fractionalWorks,
          citationsPerWork: prod.citationsPerWork,
          mncs: prod.mncs,
          top10: percent(prod.highlyCitedShare),
          industry: percent(prod.industryShare),
          partners: p.partners.count,
        },
      ],
    ),
    table(['year', 'full', 'fractional'], prod.byYear),
  ]
  const topics = (title: string, rows: Profile['fields']) =>
    rows.length === 0
      ? []
      : [
          table(
            [title, 'works', 'share', 'trend'],
            rows.slice(0, top).map((t) => ({
              [title]: t.name,
              works: t.works,
              share: percent(t.share),
              trend: t.trend.change === null ? '' : `${(t.trend.change * 100).toFixed(1)} pp`,
            })),
          ),
        ]
  const partners = (title: string, rows: Profile['partners']['countries']) =>
    rows.length === 0
      ? []
      : [
          table(
            [title, 'name', 'works', 'share', 'recent', 'previous', 'ledFirst', 'partnerFirst'],
            rows.slice(0, top).map((r) => ({
              [title]: r.id,
              name: r.name ?? '',
              works: r.works,
              share: percent(r.share),
              recent: r.trend.recent,
              previous: r.trend.previous,
              ledFirst: r.leadership?.firstAuthor.led ?? '',
              partnerFirst: r.leadership?.firstAuthor.partnerLed ?? '',
            })),
          ),
        ]
  lines.push(
    ...topics('field', p.fields),
    ...topics('keyword', p.keywords),
    ...partners('country', p.partners.countries),
    ...partners('institution', p.partners.institutions),
  )
  if (p.terms.length > 0) lines.push(table(['term', 'kind', 'works', 'weight'], p.terms.slice(0, top)))
  return lines.join('\n')
}

/** `meridian profile`: the expertise profile of a country, institution or author. */
export function profileCommand(context: Context): Command {
  return new Command('profile')
    .description('expertise profile of a country, institution or author: topics, partners, output and impact')
    .addOption(new Option('--level <level>', 'unit level').choices(PROFILE_LEVELS).default('country'))
    .requiredOption(
      '--unit <id>',
      'ISO country code; institution key, ROR or OpenAlex id; ORCID or author name',
    )
    .option('--store <dir>', 'store directory (default: $MERIDIAN_STORE or ./meridian-data)')
    .option('--years <range>', 'publication years, e.g. 2015-2020 (default: all)')
    .option('--roll-up', 'institutions: count under the top of the ROR parent chain')
    .addOption(
      new Option('--country-policy <policy>', 'country policy').choices(COUNTRY_POLICY_IDS).default('iso'),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--top <n>', 'table: rows shown per list', '15')
    .action(async (flags: ProfileFlags) => {
      const input = normalizeProfileOptions({
        level: flags.level,
        unit: flags.unit,
        years: flags.years ?? null,
        rollUp: flags.rollUp ?? false,
        countryPolicy: flags.countryPolicy,
      })
      const store = await openStore(context, storeDir(context, flags.store), 'read')
      try {
        const source = { all: store.runner.all.bind(store.runner), dataVersion: () => store.dataVersion() }
        const profile = await buildProfile(source, input)
        context.stdout(
          flags.format === 'json'
            ? JSON.stringify(profile, null, 2) + '\n'
            : render(profile, Math.max(1, Number(flags.top) || 15)),
        )
      } finally {
        store.close()
      }
    })
}
