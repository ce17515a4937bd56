import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Command, Option } from 'commander'
import { ERROR_CODES, MeridianError } from '@meridian/model'
import { OVERRIDES_HEADER } from '@meridian/ror'
import type { CurationCase } from '@meridian/store'
import { storeDir, type Context } from '../context.js'
import { correctionsFor, readOverridesFile } from '../corrections.js'
import { csv } from '../format/csv.js'
import { table } from '../format/table.js'
import { openStore } from '../open-store.js'

const number = (flag: string, value: string, min: number, max: number): number => {
  const n = Number(value)
  if (!(n >= min && n <= max))
    throw new MeridianError(
      ERROR_CODES.BAD_OPTION,
      `curate: ${flag} ${JSON.stringify(value)} is not in ${min}..${max}`,
    )
  return n
}

/** A commented overrides rule proposing a fix for a case; the curator edits and uncomments it. */
function suggestion(c: CurationCase): string {
  if (c.kind === 'work-without-country')
    return `# ${c.why}: ${c.work.title ?? ''} (${c.work.file}:${c.work.line})\n# ${JSON.stringify({ work: c.work.id, country: '??' })}`
  const rule =
    c.kind === 'country-disagrees'
      ? { affiliation: c.affiliation, country: c.stringCountry, note: `matcher said ${c.ror} (${c.country})` }
      : { affiliation: c.affiliation, ror: c.ror, note: `confidence ${c.confidence.toFixed(2)}: ${c.reason}` }
  return `# ${c.kind}, ${c.works} work(s), e.g. ${c.work.id}\n# ${JSON.stringify(rule)}`
}

/** `meridian curate`: review suspicious affiliations and countries, apply an overrides file, export fixes. */
export function curateCommand(context: Context): Command {
  const curate = new Command('curate').description(
    'review suspicious countries and affiliation matches, apply corrections that survive re-ingests, export fixes',
  )
  curate
    .command('list', { isDefault: true })
    .description(
      'list works with no country, matches below a confidence, and matches whose organisation is in another country than the string names',
    )
    .option('--store <dir>', 'store directory (default: $MERIDIAN_STORE or ./meridian-data)')
    .option('--limit <n>', 'at most this many cases of each kind', '100')
    .option('--low-confidence <c>', 'matches below this confidence are listed', '0.9')
    .addOption(
      new Option(
        '--format <format>',
        'table, json, or overrides (a commented overrides file of suggested fixes to edit and apply)',
      )
        .choices(['table', 'json', 'overrides'])
        .default('table'),
    )
    .action(async (flags: { store?: string; limit: string; lowConfidence: string; format: string }) => {
      const limit = number('--limit', flags.limit, 1, 1_000_000)
      const lowConfidence = number('--low-confidence', flags.lowConfidence, 0, 1)
      const store = await openStore(context, storeDir(context, flags.store), 'read')
      try {
        const cases = await store.curationCases({ limit, lowConfidence })
        if (flags.format === 'json') {
          context.stdout(JSON.stringify(cases, null, 2) + '\n')
          return
        }
        if (flags.format === 'overrides') {
          context.stdout([JSON.stringify(OVERRIDES_HEADER), ...cases.map(suggestion)].join('\n') + '\n')
          return
        }
        const strings = cases.filter((c) => c.kind !== 'work-without-country')
        const works = cases.filter((c) => c.kind === 'work-without-country')
        context.stdout(
          [
            `affiliation matches to review (${strings.length}):`,
            table(['kind', 'works', 'confidence', 'ror', 'country', 'stringCountry', 'affiliation'], strings),
            `works with no country (${works.length}${works.length === limit ? '+' : ''}):`,
            table(
              ['id', 'why', 'file', 'line', 'title'],
              works.map((c) => ({ ...c.work, why: c.why })),
            ),
          ].join('\n'),
        )
      } finally {
        store.close()
      }
    })
  curate
    .command('apply')
    .description(
      'check an overrides file (JSON Lines) and apply it to the whole store; later ingests apply it too, until replaced',
    )
    .argument(
      '<overrides>',
      'overrides file: first line {"meridian":"overrides","version":1}, then one rule per line',
    )
    .option('--store <dir>', 'store directory (default: $MERIDIAN_STORE or ./meridian-data)')
    .action(async (file: string, flags: { store?: string }) => {
      const { overrides, stored } = readOverridesFile(resolve(context.cwd, file), file)
      const dir = storeDir(context, flags.store)
      const store = await openStore(context, dir, 'write')
      try {
        const corrections = await correctionsFor(dir, store, overrides)
        if (!corrections) throw new Error('curate apply: no corrections built from the overrides')
        const counts = await store.applyCorrections(corrections, { overrides: stored, now: context.now() })
        context.stdout(
          `applied ${overrides.affiliations.length} affiliation rule(s) and ${overrides.works.length} work rule(s) from ${file}: ` +
            `${counts.overridden} affiliation string(s) overridden, ${counts.matched} matched to ROR, ` +
            `${counts.worksCorrected} work(s) corrected; ${counts.worksChanged} work(s) changed\n` +
            counts.workRulesUnused.map((w) => `note: ${w}: no such work in the store\n`).join(''),
        )
      } finally {
        store.close()
      }
    })
  curate
    .command('export')
    .description(
      'write the affiliation fixes in effect as CSV (string, ROR id, country, works, example DOIs, rule), fit to send to ROR or OpenAlex curation',
    )
    .option('--store <dir>', 'store directory (default: $MERIDIAN_STORE or ./meridian-data)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (flags: { store?: string; out?: string }) => {
      const store = await openStore(context, storeDir(context, flags.store), 'read')
      try {
        const fixes = await store.appliedFixes()
        const text = csv(
          ['affiliation_string', 'ror_id', 'country', 'works', 'example_dois', 'rule'],
          fixes.map((f) => ({
            affiliation_string: f.affiliation,
            ror_id: f.ror,
            country: f.country,
            works: f.works,
            example_dois: f.dois.join(' '),
            rule: f.reason,
          })),
        )
        if (flags.out) {
          await writeFile(resolve(context.cwd, flags.out), text)
          context.stdout(`${fixes.length} fix(es) -> ${flags.out}\n`)
        } else context.stdout(text)
      } finally {
        store.close()
      }
    })
  return curate
}
