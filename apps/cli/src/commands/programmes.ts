import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { Command, Option } from 'commander'
import { MeridianError } from '@meridian/model'
import {
  CORDIS_LOSSES,
  createSteer,
  decodeProgramme,
  detectProgrammeFormat,
  isCordisOrganisations,
  OUTPUTS_PAGE,
  PROGRAMME_FORMATS,
  toTemplate,
  writeCordis,
  writeMeridianCsv,
  writeStip,
  type CordisLoss,
  type LinkedOutputs,
  type ProgrammeFormat,
  type Steer,
} from '@meridian/steer'
import { storeDir, type Context } from '../context.js'
import { table } from '../format/table.js'
import { openStore } from '../open-store.js'
import { openStateFor, operator, withState, type StateFlags } from '../open-state.js'
import { stateOptions } from './users.js'

/** Run `work` with STEER's services over the state database of the store (or server) the flags name. */
export const withSteer = <T>(
  context: Context,
  flags: StateFlags,
  command: string,
  work: (steer: Steer) => Promise<T>,
) =>
  openStateFor(context, storeDir(context, flags.store), flags, { command }).then((state) =>
    withState(state, () => work(createSteer(state, { now: context.now }))),
  )

/** The other file of a CORDIS pair beside `path` (organization.csv|json for projects, and back), if present. */
function cordisCompanion(path: string, isOrganisations: boolean): { text: string; file: string }[] {
  const names = isOrganisations ? ['project.csv', 'project.json'] : ['organization.csv', 'organization.json']
  const ext = extname(path)
  for (const name of names.sort((a) => (a.endsWith(ext) ? -1 : 1))) {
    const other = join(dirname(path), name)
    if (existsSync(other)) return [{ text: readFileSync(other, 'utf8'), file: name }]
  }
  return []
}

/** A whole positive number given as an option or argument. */
export function idOf(name: string, value: string): number {
  const id = Number(value)
  if (!Number.isInteger(id) || id <= 0)
    throw new MeridianError('BAD_OPTION', `${name} "${value}" must be an id (a whole number)`)
  return id
}

interface LinkFlags extends StateFlags {
  readonly funder?: string
  readonly award?: readonly string[]
  readonly doi?: readonly string[]
  readonly institution?: readonly string[]
  readonly years?: string
  readonly note?: string
  readonly format: string
}

/** The output link the flags describe: exactly one of --funder (with --award), --doi, --institution (with --years). */
export function linkInput(flags: Omit<LinkFlags, 'format'>): Record<string, unknown> {
  const given = [flags.funder, flags.doi, flags.institution].filter((v) => v !== undefined)
  if (given.length !== 1)
    throw new MeridianError(
      'BAD_OPTION',
      'give one of --funder ID [--award A...], --doi D... or --institution ROR... --years 2019-2023',
    )
  if (flags.award !== undefined && flags.funder === undefined)
    throw new MeridianError('BAD_OPTION', '--award goes with --funder')
  if (flags.years !== undefined && flags.institution === undefined)
    throw new MeridianError('BAD_OPTION', '--years goes with --institution')
  const note = flags.note === undefined ? {} : { note: flags.note }
  if (flags.funder !== undefined)
    return { method: 'funder-award', funder: flags.funder, awardIds: flags.award ?? [], ...note }
  if (flags.doi !== undefined) return { method: 'doi-list', dois: flags.doi, ...note }
  const years = /^(\d{4})(?:-(\d{4}))?$/.exec(flags.years ?? '')
  if (!years)
    throw new MeridianError(
      'BAD_OPTION',
      `--years "${flags.years ?? ''}" must be a year (2019) or a range (2019-2023)`,
    )
  return {
    method: 'institutions-period',
    institutions: flags.institution,
    fromYear: Number(years[1]),
    toYear: Number(years[2] ?? years[1]),
    ...note,
  }
}

/** A link in words: what it names (funder and awards, institutions and years, or DOIs). */
const linkNames = (l: LinkedOutputs['links'][number]) =>
  [
    l.funder,
    l.awardIds.join(' '),
    l.institutions.join(' '),
    l.fromYear === null ? '' : `${l.fromYear}-${l.toYear ?? ''}`,
    l.dois.length > 3 ? `${l.dois.length} DOIs` : l.dois.join(' '),
  ]
    .filter(Boolean)
    .join(' ')

function outputsText(page: LinkedOutputs): string {
  return [
    'output links:',
    table(
      ['id', 'method', 'names', 'matched', 'problem'],
      page.links.map((l) => ({ ...l, names: linkNames(l) })),
    ),
    `works: ${page.total} distinct${page.total > 0 ? `, ${page.offset + 1} to ${page.offset + page.works.length} shown` : ''}`,
    table(['id', 'year', 'doi', 'title'], page.works),
  ].join('\n')
}

/** Write a CORDIS export's two files into `dir`; returns what was written and what CORDIS could not hold. */
function writeCordisFiles(dir: string, programmes: Parameters<typeof writeCordis>[0], shown: string): string {
  const out = writeCordis(programmes)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'project.csv'), out.project)
  writeFileSync(join(dir, 'organization.csv'), out.organization)
  const lost = (Object.entries(out.notExpressed) as [CordisLoss, number][]).map(
    ([kind, n]) => `  ${CORDIS_LOSSES[kind]}: ${n}`,
  )
  return (
    [
      `wrote ${out.projects} project${out.projects === 1 ? '' : 's'} and ${out.organisations} organisation${out.organisations === 1 ? '' : 's'} to ${join(shown, 'project.csv')} and ${join(shown, 'organization.csv')}`,
      ...(lost.length > 0 ? ['not expressed in CORDIS:', ...lost] : []),
    ].join('\n') + '\n'
  )
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n'
const format = () =>
  new Option('--format <format>', 'output format').choices(['table', 'json']).default('table')

/** `meridian programmes import|export|list|show|link|unlink|outputs`: the STEER programme registry (every change audited). */
export function programmesCommand(context: Context): Command {
  const programmes = new Command('programmes').description(
    'the registry of cooperation programmes and initiatives (state database; every change audited)',
  )
  programmes.addCommand(
    stateOptions(new Command('import'))
      .description('register the programmes of a file, all in one transaction: every one, or none')
      .argument(
        '<file>',
        'a STIP Compass export (| separated, two header rows), a CORDIS project.csv|json (its organization.csv|json beside it is read too) or a Meridian programme file (JSON, JSON Lines or the CSV template)',
      )
      .addOption(
        new Option(
          '--format <format>',
          'the file format (default: told from the content); meridian: the template, JSON or CSV as the content says',
        ).choices([...PROGRAMME_FORMATS]),
      )
      .action(async (file: string, flags: StateFlags & { format?: ProgrammeFormat }) => {
        const path = resolve(context.cwd, file)
        let text: string
        try {
          text = readFileSync(path, 'utf8')
        } catch (cause) {
          throw new MeridianError('UNREADABLE_FILE', `cannot read "${file}": ${(cause as Error).message}`, {
            cause,
          })
        }
        const input = { text, file: basename(file) }
        const format = flags.format ?? detectProgrammeFormat(input)
        const alongside = format === 'cordis' ? cordisCompanion(path, isCordisOrganisations(input)) : []
        const created = await withSteer(context, flags, 'meridian programmes', (steer) =>
          steer.importProgrammes(operator(context), text, input.file, { format, alongside }),
        )
        context.stdout(
          `imported ${created.length} programme${created.length === 1 ? '' : 's'} from ${file}\n`,
        )
      }),
  )
  programmes.addCommand(
    stateOptions(new Command('export'))
      .description('write every programme as a programme file (import reads it back)')
      .option('--out <path>', 'the file to write (default: standard output); for cordis, the folder')
      .addOption(
        new Option(
          '--format <format>',
          'meridian: the JSON template; meridian-csv: the CSV template; stip: the STIP Compass layout (| separated, two header rows); cordis: project.csv and organization.csv (; separated) in the --out folder',
        )
          .choices(['meridian', 'meridian-csv', 'stip', 'cordis'])
          .default('meridian'),
      )
      .action(async (flags: StateFlags & { out?: string; format: string }) => {
        if (flags.format === 'cordis' && !flags.out)
          throw new MeridianError(
            'BAD_OPTION',
            '--format cordis writes two files: name their folder with --out DIR',
          )
        const all = await withSteer(context, flags, 'meridian programmes', async (steer) => {
          const list = await steer.listProgrammes(operator(context))
          const views = []
          for (const p of list) views.push(toTemplate(await steer.getProgramme(operator(context), p.id)))
          return views
        })
        const specs = () => all.map((p, i) => decodeProgramme(p, `programmes[${i}]`))
        if (flags.format === 'cordis')
          return context.stdout(writeCordisFiles(resolve(context.cwd, flags.out!), specs(), flags.out!))
        const text =
          flags.format === 'stip'
            ? writeStip(specs())
            : flags.format === 'meridian-csv'
              ? writeMeridianCsv(specs())
              : json({ programmes: all })
        if (flags.out) writeFileSync(resolve(context.cwd, flags.out), text)
        else context.stdout(text)
      }),
  )
  programmes.addCommand(
    stateOptions(new Command('list'))
      .description('list the programmes')
      .addOption(format())
      .action(async (flags: StateFlags & { format: string }) => {
        const list = await withSteer(context, flags, 'meridian programmes', (steer) =>
          steer.listProgrammes(operator(context)),
        )
        context.stdout(
          flags.format === 'json'
            ? json(list)
            : table(
                ['id', 'title', 'kind', 'status', 'countries', 'partners'],
                list.map((p) => ({
                  ...p,
                  countries: p.countries.join(' '),
                  partners: p.partnerCountries.join(' '),
                })),
              ),
        )
      }),
  )
  programmes.addCommand(
    stateOptions(new Command('show'))
      .description('a programme with its components, entities, milestones and output links')
      .argument('<id>', 'programme id (see `meridian programmes list`)')
      .addOption(format())
      .action(async (id: string, flags: StateFlags & { format: string }) => {
        const view = await withSteer(context, flags, 'meridian programmes', (steer) =>
          steer.getProgramme(operator(context), idOf('programme', id)),
        )
        if (flags.format === 'json') return context.stdout(json(view))
        context.stdout(
          [
            `${view.title} (id ${view.id}) · ${view.kind} · ${view.status}`,
            `countries: ${view.countries.join(' ')} · partners: ${view.partnerCountries.join(' ')} · ${view.startDate ?? '?'} to ${view.endDate ?? '?'}`,
            '',
            'entities:',
            table(['id', 'role', 'name', 'country', 'rorId'], view.entities),
            'milestones:',
            table(['id', 'dueDate', 'status', 'title'], view.milestones),
            'output links:',
            table(
              ['id', 'method', 'funder', 'count'],
              view.outputLinks.map((l) => ({
                ...l,
                count: l.awardIds.length + l.institutions.length + l.dois.length,
              })),
            ),
          ].join('\n'),
        )
      }),
  )
  programmes.addCommand(
    stateOptions(new Command('link'))
      .description(
        "link a programme to its outputs: by funder and award ids, by a list of DOIs, or by institutions and years (the programme's rule, audited)",
      )
      .argument('<id>', 'programme id (see `meridian programmes list`)')
      .option('--funder <id>', 'an OpenAlex funder id (F...) or a Crossref funder DOI (10.13039/...)')
      .option('--award <award...>', 'award ids of the funder (default: any award or none)')
      .option('--doi <doi...>', 'DOIs of the outputs')
      .option('--institution <ror...>', 'ROR ids of the participating institutions (with --years)')
      .option('--years <years>', 'the period of an institutions link: 2019 or 2019-2023')
      .option('--note <text>', 'how or why the link was made')
      .addOption(format())
      .action(async (id: string, flags: LinkFlags) => {
        const programmeId = idOf('programme', id)
        const input = linkInput(flags)
        const link = await withSteer(context, flags, 'meridian programmes', (steer) =>
          steer.addOutputLink(operator(context), programmeId, input),
        )
        context.stdout(
          flags.format === 'json'
            ? json(link)
            : `linked programme ${programmeId} to outputs: link ${link.id} (${link.method})\n`,
        )
      }),
  )
  programmes.addCommand(
    stateOptions(new Command('unlink'))
      .description("remove one of a programme's output links (the programme's rule, audited)")
      .argument('<link>', 'output link id (see `meridian programmes outputs ID`)')
      .action(async (link: string, flags: StateFlags) => {
        const id = idOf('output link', link)
        await withSteer(context, flags, 'meridian programmes', (steer) =>
          steer.removeOutputLink(operator(context), id),
        )
        context.stdout(`removed output link ${id}\n`)
      }),
  )
  programmes.addCommand(
    stateOptions(new Command('outputs'))
      .description(
        "a programme's linked outputs: each link (how it was made) with the works of the store it matches, the distinct total and a page of works",
      )
      .argument('<id>', 'programme id (see `meridian programmes list`)')
      .option('--limit <n>', 'works per page', String(OUTPUTS_PAGE.limit))
      .option('--offset <n>', 'works to skip', '0')
      .addOption(format())
      .action(async (id: string, flags: StateFlags & { limit: string; offset: string; format: string }) => {
        const programmeId = idOf('programme', id)
        const store = await openStore(context, storeDir(context, flags.store), 'read')
        const page = await withSteer(context, flags, 'meridian programmes', (steer) =>
          steer.listOutputs(operator(context), programmeId, store, {
            limit: Number(flags.limit),
            offset: Number(flags.offset),
          }),
        ).finally(() => store.close())
        context.stdout(flags.format === 'json' ? json(page) : outputsText(page))
      }),
  )
  return programmes
}
