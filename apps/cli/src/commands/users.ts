import { randomBytes } from 'node:crypto'
import { Argument, Command, Option } from 'commander'
import { MeridianError } from '@meridian/model'
import { createWorkspace, ROLES, type UserView } from '@meridian/state'
import { storeDir, type Context } from '../context.js'
import { table } from '../format/table.js'
import { openStateFor, operator, readStdinLine, withState, type StateFlags } from '../open-state.js'

interface PasswordFlags {
  readonly passwordStdin?: boolean
  readonly generatePassword?: boolean
}

/** The password to set: from standard input, or generated and printed once. */
async function passwordOf(
  context: Context,
  flags: PasswordFlags,
): Promise<{ password: string; generated: boolean }> {
  if (flags.passwordStdin && flags.generatePassword)
    throw new MeridianError('BAD_OPTION', 'give --password-stdin or --generate-password, not both')
  if (flags.generatePassword) return { password: randomBytes(15).toString('base64url'), generated: true }
  if (flags.passwordStdin)
    return { password: await readStdinLine(context, '--password-stdin'), generated: false }
  throw new MeridianError(
    'BAD_OPTION',
    'a password is needed: pipe it with --password-stdin (it never appears in the command line or the shell history), or use --generate-password',
  )
}

export const stateOptions = (command: Command) =>
  command
    .option(
      '--store <dir>',
      'store directory whose state database to use (default: $MERIDIAN_STORE or ./meridian-data)',
    )
    .option('--database-url <url>', 'a PostgreSQL server instead (default: $MERIDIAN_DATABASE_URL)')

const withWorkspace = <T>(
  context: Context,
  flags: StateFlags,
  work: (workspace: ReturnType<typeof createWorkspace>) => Promise<T>,
) =>
  openStateFor(context, storeDir(context, flags.store), flags, { command: 'meridian users' }).then((state) =>
    withState(state, () => work(createWorkspace(state, { now: context.now }))),
  )

function printUser(context: Context, user: UserView, format: string): void {
  if (format === 'json') context.stdout(JSON.stringify(user, null, 2) + '\n')
  else context.stdout(`${user.email} · ${user.role}${user.disabled ? ' · disabled' : ''} (id ${user.id})\n`)
}

/** `meridian users add|list|disable|enable|set-role|reset-password`: accounts of the workspace. */
export function usersCommand(context: Context): Command {
  const users = new Command('users').description(
    'manage the accounts of the workspace (state database; every change audited)',
  )
  const format = () =>
    new Option('--format <format>', 'output format').choices(['table', 'json']).default('table')

  users.addCommand(
    stateOptions(new Command('add'))
      .description(
        'create an account; the first admin of a new server is made this way or with the setup link `serve` prints',
      )
      .argument('<email>', 'e-mail address, the sign-in name')
      .addOption(new Option('--role <role>', 'role').choices(ROLES).makeOptionMandatory())
      .option('--password-stdin', 'read the password from the first line of standard input')
      .option('--generate-password', 'generate a password and print it once')
      .option('--display-name <name>', 'name shown in the dashboard')
      .option(
        '--organisation <id>',
        'id of the organisation the user belongs to (see `meridian organisations list`)',
      )
      .addOption(format())
      .action(
        async (
          email: string,
          flags: StateFlags &
            PasswordFlags & { role: string; displayName?: string; organisation?: string; format: string },
        ) => {
          const { password, generated } = await passwordOf(context, flags)
          const organisationId = flags.organisation === undefined ? undefined : Number(flags.organisation)
          if (organisationId !== undefined && !Number.isInteger(organisationId))
            throw new MeridianError(
              'BAD_OPTION',
              `--organisation "${flags.organisation}" must be an organisation id (a whole number)`,
            )
          const user = await withWorkspace(context, flags, (workspace) =>
            workspace.addUser(operator(context), {
              email,
              password,
              role: flags.role,
              displayName: flags.displayName,
              organisationId,
            }),
          )
          printUser(context, user, flags.format)
          if (generated) context.stderr(`password (shown once): ${password}\n`)
        },
      ),
  )
  users.addCommand(
    stateOptions(new Command('list'))
      .description('list every account')
      .addOption(format())
      .action(async (flags: StateFlags & { format: string }) => {
        const list = await withWorkspace(context, flags, (workspace) =>
          workspace.listUsers(operator(context)),
        )
        if (flags.format === 'json') context.stdout(JSON.stringify(list, null, 2) + '\n')
        else
          context.stdout(
            table(
              ['id', 'email', 'role', 'organisation', 'state', 'created'],
              list.map((user) => ({
                ...user,
                organisation: user.organisationId === null ? '' : String(user.organisationId),
                state: user.disabled
                  ? 'disabled'
                  : user.lockedUntil
                    ? `locked until ${user.lockedUntil}`
                    : 'active',
                created: user.createdAt,
              })),
            ),
          )
      }),
  )
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const)
    users.addCommand(
      stateOptions(new Command(name))
        .description(
          disabled
            ? 'disable an account and end its sessions (it can no longer sign in)'
            : 'enable a disabled account',
        )
        .argument('<email>', 'the account')
        .addOption(format())
        .action(async (email: string, flags: StateFlags & { format: string }) => {
          const user = await withWorkspace(context, flags, async (workspace) =>
            workspace.updateUser(operator(context), await workspace.userIdByEmail(email), { disabled }),
          )
          printUser(context, user, flags.format)
        }),
    )
  users.addCommand(
    stateOptions(new Command('set-role'))
      .description("change an account's role")
      .argument('<email>', 'the account')
      .addArgument(new Argument('<role>', 'the new role').choices(ROLES))
      .addOption(format())
      .action(async (email: string, role: string, flags: StateFlags & { format: string }) => {
        const user = await withWorkspace(context, flags, async (workspace) =>
          workspace.updateUser(operator(context), await workspace.userIdByEmail(email), { role }),
        )
        printUser(context, user, flags.format)
      }),
  )
  users.addCommand(
    stateOptions(new Command('reset-password'))
      .description('set a new password, unlock the account and end its sessions')
      .argument('<email>', 'the account')
      .option('--password-stdin', 'read the password from the first line of standard input')
      .option('--generate-password', 'generate a password and print it once')
      .addOption(format())
      .action(async (email: string, flags: StateFlags & PasswordFlags & { format: string }) => {
        const { password, generated } = await passwordOf(context, flags)
        const user = await withWorkspace(context, flags, async (workspace) =>
          workspace.resetPassword(operator(context), await workspace.userIdByEmail(email), password),
        )
        printUser(context, user, flags.format)
        if (generated) context.stderr(`password (shown once): ${password}\n`)
      }),
  )
  return users
}
