import { Command, Option } from 'commander'
import { MeridianError } from '@meridian/model'
import { createWorkspace } from '@meridian/state'
import { storeDir, type Context } from '../context.js'
import { table } from '../format/table.js'
import { openStateFor, operator, withState, type StateFlags } from '../open-state.js'
import { stateOptions } from './users.js'

const compact = (value: unknown) =>
  value === null || value === undefined ? '' : JSON.stringify(value).slice(0, 80)

/** `meridian audit`: the append-only audit trail, newest first. */
export function auditCommand(context: Context): Command {
  return stateOptions(new Command('audit'))
    .description('show the audit trail (who changed what, when, before and after), newest first')
    .option('--since <iso>', 'only rows at or after this time (ISO 8601)')
    .option('--entity <type>', 'only this entity type (user, api_token, organisation, session)')
    .option('--entity-id <id>', 'only this entity')
    .option('--user <email>', 'only changes by this actor')
    .option('--limit <n>', 'at most this many rows', '1000')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(
      async (
        flags: StateFlags & {
          since?: string
          entity?: string
          entityId?: string
          user?: string
          limit: string
          format: string
        },
      ) => {
        const since = flags.since === undefined ? undefined : new Date(flags.since)
        if (since && Number.isNaN(since.getTime()))
          throw new MeridianError(
            'BAD_OPTION',
            `--since "${flags.since}" is not an ISO 8601 time (2026-01-31 or 2026-01-31T12:00:00Z)`,
          )
        const limit = Number(flags.limit)
        if (!Number.isInteger(limit) || limit < 1)
          throw new MeridianError('BAD_OPTION', `--limit "${flags.limit}" must be a positive whole number`)
        const state = await openStateFor(context, storeDir(context, flags.store), flags, {
          command: 'meridian audit',
        })
        const rows = await withState(state, () =>
          createWorkspace(state).readAudit(operator(context), {
            since,
            entityType: flags.entity,
            entityId: flags.entityId,
            actor: flags.user,
            limit,
          }),
        )
        if (flags.format === 'json') context.stdout(JSON.stringify(rows, null, 2) + '\n')
        else
          context.stdout(
            table(
              ['at', 'actor', 'action', 'entity', 'before', 'after'],
              rows.map((row) => ({
                ...row,
                entity: `${row.entityType} ${row.entityId ?? ''}`.trim(),
                before: compact(row.before),
                after: compact(row.after),
              })),
            ),
          )
      },
    )
}
