import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { Command, Option } from 'commander'
import { MeridianError } from '@meridian/model'
import {
  createSteer,
  decodeProgramme,
  detectProgrammeFormat,
  isCordisOrganisations,
  PROGRAMME_FORMATS,
  toTemplate,
  writeStip,
  type ProgrammeFormat,
  type Steer,
} from '@meridian/steer'
import { storeDir, type Context } from '../context.js'
import { table } from '../format/table.js'
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

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n'
const format = () =>
  new Option('--format <format>', 'output format').choices(['table', 'json']).default('table')

/** `meridian programmes import|export|list|show`: the STEER programme registry (every change audited). */
export function programmesCommand(context: Context): Command {
  const programmes = new Command('programmes').description(
    'the registry of cooperation programmes and initiatives (state database; every change audited)',
  )
  programmes.addCommand(
    stateOptions(new Command('import'))
      .description('register the programmes of a file, all in one transaction: every one, or none')
      .argument(
        '<file>',
        'a STIP Compass export (| separated, two header rows), a CORDIS project.csv|json (its organization.csv|json beside it is read too) or a Meridian programme file (JSON or JSON Lines)',
      )
      .addOption(
        new Option('--format <format>', 'the file format (default: told from the content)').choices([
          ...PROGRAMME_FORMATS,
        ]),
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
      .option('--out <file>', 'the file to write (default: standard output)')
      .addOption(
        new Option(
          '--format <format>',
          'meridian: the JSON template; stip: the STIP Compass layout (| separated, two header rows)',
        )
          .choices(['meridian', 'stip'])
          .default('meridian'),
      )
      .action(async (flags: StateFlags & { out?: string; format: string }) => {
        const all = await withSteer(context, flags, 'meridian programmes', async (steer) => {
          const list = await steer.listProgrammes(operator(context))
          const views = []
          for (const p of list) views.push(toTemplate(await steer.getProgramme(operator(context), p.id)))
          return views
        })
        const text =
          flags.format === 'stip'
            ? writeStip(all.map((p, i) => decodeProgramme(p, `programmes[${i}]`)))
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
  return programmes
}
