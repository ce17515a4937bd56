import { Command, Option } from 'commander'
import { createWorkspace } from '@meridian/state'
import { storeDir, type Context } from '../context.js'
import { table } from '../format/table.js'
import { openStateFor, operator, withState, type StateFlags } from '../open-state.js'
import { stateOptions } from './users.js'

/** `meridian organisations add|list`: the organisations that own the workspace's records. */
export function organisationsCommand(context: Context): Command {
  const organisations = new Command('organisations').description(
    'organisations that own records (by ROR id where one exists)',
  )
  const run = <T>(flags: StateFlags, work: (workspace: ReturnType<typeof createWorkspace>) => Promise<T>) =>
    openStateFor(context, storeDir(context, flags.store), flags, { command: 'meridian organisations' }).then(
      (state) => withState(state, () => work(createWorkspace(state, { now: context.now }))),
    )
  const format = () =>
    new Option('--format <format>', 'output format').choices(['table', 'json']).default('table')
  organisations.addCommand(
    stateOptions(new Command('add'))
      .description('create an organisation')
      .argument('<name>', 'its name')
      .option('--ror <id>', 'its ROR id (https://ror.org/0abcdef12)')
      .option('--country <code>', 'ISO 3166-1 alpha-2 country code')
      .addOption(format())
      .action(
        async (name: string, flags: StateFlags & { ror?: string; country?: string; format: string }) => {
          const organisation = await run(flags, (workspace) =>
            workspace.createOrganisation(operator(context), {
              name,
              rorId: flags.ror,
              country: flags.country,
            }),
          )
          context.stdout(
            flags.format === 'json'
              ? JSON.stringify(organisation, null, 2) + '\n'
              : `${organisation.name} (id ${organisation.id})\n`,
          )
        },
      ),
  )
  organisations.addCommand(
    stateOptions(new Command('list'))
      .description('list organisations')
      .addOption(format())
      .action(async (flags: StateFlags & { format: string }) => {
        const list = await run(flags, (workspace) => workspace.listOrganisations(operator(context)))
        context.stdout(
          flags.format === 'json'
            ? JSON.stringify(list, null, 2) + '\n'
            : table(
                ['id', 'name', 'rorId', 'country'],
                list.map((o) => ({ ...o, rorId: o.rorId ?? '', country: o.country ?? '' })),
              ),
        )
      }),
  )
  return organisations
}
