import { Command } from 'commander'
import { generateCorpus, generatePatents, toOpenAlexJsonl } from '@meridian/demo'
import { evaluate, indicator } from '@meridian/indicators'
import { writeLines } from '@meridian/io'
import { MeridianError } from '@meridian/model'
import { resolve } from 'node:path'
import { storeDir, type Context } from '../context.js'
import { formatResult, SYNTHETIC } from '../format/result.js'
import { openStore } from '../open-store.js'
import { progress } from '../progress.js'
import { serveStore } from './serve.js'
import { createSteer, DEMO_CONNECT_PROGRAMME, seedDemoProgrammes, type KpiSource } from '@meridian/steer'
import { openStateFor, operator, withState } from '../open-state.js'
import { createMarket, seedDemoRecords } from '@meridian/connect'
import { createWorkspace, type StateDb } from '@meridian/state'

/** The synthetic organisations that own the demo's offers and needs. */
const DEMO_OWNERS = {
  needs: { name: 'Synthetic Demo Manufacturing Co. (demo data)', country: 'CN' },
  offers: { name: 'Synthetic Technology Transfer Centre (demo data)', country: 'DE' },
} as const

/** The demo organisation of that name, registered (and audited) the first time. */
async function demoOrganisation(
  context: Context,
  state: StateDb,
  owner: (typeof DEMO_OWNERS)['needs' | 'offers'],
) {
  const workspace = createWorkspace(state, { now: context.now })
  const found = (await workspace.listOrganisations(operator(context))).find((o) => o.name === owner.name)
  return found?.id ?? (await workspace.createOrganisation(operator(context), owner)).id
}

/**
 * Publish the synthetic demo offers and needs in the store's state database, once; the need of the demo
 * programme's bilateral call names that programme, so its marketplace KPI counts the need's introductions.
 */
const seedRecords = (context: Context, dir: string) =>
  openStateFor(context, dir, {}, { command: 'meridian demo' }).then((state) =>
    withState(state, async () => {
      const programmes = await createSteer(state, { now: context.now }).listProgrammes(operator(context))
      return seedDemoRecords(createMarket(state, { now: context.now }), operator(context), {
        needs: await demoOrganisation(context, state, DEMO_OWNERS.needs),
        offers: await demoOrganisation(context, state, DEMO_OWNERS.offers),
        programmeId: programmes.find((p) => p.externalId === DEMO_CONNECT_PROGRAMME)?.id ?? null,
      })
    }),
  )

/** Register the synthetic demo programmes and their KPIs in the store's state database, once. */
const seedProgrammes = (context: Context, dir: string, source: KpiSource) =>
  openStateFor(context, dir, {}, { command: 'meridian demo' }).then((state) =>
    withState(state, () =>
      seedDemoProgrammes(createSteer(state, { now: context.now }), operator(context), source),
    ),
  )

interface DemoFlags {
  readonly works: string
  readonly seed: string
  readonly store?: string
  readonly serve: boolean
  readonly port: string
  readonly host: string
  readonly emitOpenalex?: string
  readonly quiet?: boolean
}

const whole = (name: string, value: string, min: number): number => {
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < min)
    throw new MeridianError('BAD_OPTION', `--${name} "${value}" must be a whole number >= ${min}`)
  return n
}

/** `meridian demo`: generate the synthetic corpus into a store and show what Meridian computes from it. */
export function demoCommand(context: Context): Command {
  return new Command('demo')
    .description(
      'generate a seeded synthetic corpus (clearly labelled synthetic) into a store and print country indicators',
    )
    .option('--works <n>', 'number of works', '20000')
    .option('--seed <s>', 'random seed', '42')
    .option('--store <dir>', 'store directory (default: ./meridian-demo, kept apart from real data)')
    .option('--no-serve', 'do not serve the dashboard afterwards')
    .option('--port <n>', 'port of the dashboard', '8080')
    .option('--host <host>', 'interface to serve on', '127.0.0.1')
    .option(
      '--emit-openalex <file>',
      'write the corpus as OpenAlex JSONL (.gz compresses) instead of storing it',
    )
    .option('--quiet', 'no progress on stderr')
    .action(async (flags: DemoFlags) => {
      const works = whole('works', flags.works, 1)
      const seed = whole('seed', flags.seed, 0)
      const corpus = generateCorpus({ works, seed })
      if (flags.emitOpenalex) {
        const path = resolve(context.cwd, flags.emitOpenalex)
        const written = await writeLines(path, toOpenAlexJsonl(corpus))
        context.stdout(
          `${written} synthetic works written to ${path} (OpenAlex works schema; ${SYNTHETIC})\n`,
        )
        return
      }
      const dir = flags.store ? storeDir(context, flags.store) : resolve(context.cwd, 'meridian-demo')
      const store = await openStore(context, dir, 'write')
      try {
        const bar = progress(context, flags.quiet ?? false, works)
        const run = await store.beginIngest()
        try {
          let n = 0
          for (const work of corpus) {
            run.add(work)
            if (++n % 10_000 === 0) bar.update(n, 'generating')
          }
          // Synthetic patents in the same run, some filed by the corpus's institutions: matches show them.
          for (const patent of generatePatents({ seed })) run.addPatent(patent)
          bar.update(n, 'computing facts')
          const counts = await run.commit({
            files: [`demo:seed=${seed}:works=${works}`, `generatePatents:seed=${seed}`],
            problems: 0,
            now: context.now(),
          })
          bar.stop()
          context.stdout(
            `!! ${SYNTHETIC}\n${works} synthetic works generated (seed ${seed}); ${counts.added} added to ${dir}` +
              (counts.duplicatesOfStore ? ` (${counts.duplicatesOfStore} were already there)` : '') +
              `; ${counts.patents.read} synthetic patents generated, ${counts.patents.added} added\n\n`,
          )
        } catch (error) {
          bar.stop()
          await run.rollback()
          throw error
        }
        const data = await store.dataVersion()
        const shown = [
          ['international-share', ['works', 'internationalWorks', 'value']],
          [
            'leadership',
            ['internationalWorks', 'firstRate', 'correspondingKnown', 'correspondingRate', 'lastRate'],
          ],
        ] as const
        for (const [id, columns] of shown) {
          const definition = indicator(id)
          const result = await evaluate(store.runner, definition, { years: '2015-2024' }, data)
          const top = { ...result, rows: result.rows.slice(0, 12) }
          context.stdout(formatResult(top, definition, 'table', columns) + '\n')
        }
        const seeded = await seedProgrammes(context, dir, { runner: store.runner, dataVersion: data })
        if (seeded.programmes > 0)
          context.stdout(
            `${seeded.programmes} synthetic programmes with ${seeded.kpis} KPIs registered (npx meridian programmes list --store ${dir})\n\n`,
          )
        const records = await seedRecords(context, dir)
        if (records.records > 0)
          context.stdout(
            `${records.records} synthetic offers and needs published in the marketplace (npx meridian needs list --store ${dir}; npx meridian match need ID --store ${dir})\n\n`,
          )
        context.stdout(
          `Explore it: npx meridian indicators --list; npx meridian indicators partners --store ${dir}; ` +
            `npx meridian explain international-share\n`,
        )
      } finally {
        store.close()
      }
      if (flags.serve) await serveStore(context, dir, flags)
    })
}
