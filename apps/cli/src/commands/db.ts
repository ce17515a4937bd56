import { createReadStream, createWriteStream, existsSync, renameSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { finished } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'
import { Command, Option } from 'commander'
import { MeridianError } from '@meridian/model'
import { backupState, migrationStatus, restoreState } from '@meridian/state'
import { storeDir, type Context } from '../context.js'
import { openStateFor, withState, type StateFlags } from '../open-state.js'
import { stateOptions } from './users.js'

/** `meridian db migrate|status|backup|restore`: the state database (accounts, audit; later offers, programmes). */
export function dbCommand(context: Context): Command {
  const db = new Command('db').description('the state database: migrations, status, backup and restore')
  const open = (flags: StateFlags, command: string, migrate = true) =>
    openStateFor(context, storeDir(context, flags.store), flags, { command, migrate })

  db.addCommand(
    stateOptions(new Command('migrate'))
      .description('apply pending migrations (serve does it at start-up too)')
      .action(async (flags: StateFlags) => {
        const state = await open(flags, 'meridian db migrate')
        await withState(state, async () => {
          context.stdout(
            state.migrated.length === 0
              ? `${state.location}: up to date\n`
              : `${state.location}: applied ${state.migrated.join(', ')}\n`,
          )
        })
      }),
  )
  db.addCommand(
    stateOptions(new Command('status'))
      .description('engine, location, applied and pending migrations')
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
      .action(async (flags: StateFlags & { format: string }) => {
        const state = await open(flags, 'meridian db status', false)
        await withState(state, async () => {
          const status = await migrationStatus(state.db, state.migrations)
          const result = { engine: state.engine, location: state.location, ...status }
          if (flags.format === 'json') context.stdout(JSON.stringify(result, null, 2) + '\n')
          else
            context.stdout(
              [
                `engine: ${state.engine} · ${state.location}`,
                ...status.applied.map((m) => `applied  ${m.name}  ${m.appliedAt}`),
                ...status.pending.map((name) => `pending  ${name}  (run meridian db migrate)`),
              ].join('\n') + '\n',
            )
        })
      }),
  )
  db.addCommand(
    stateOptions(new Command('backup'))
      .description(
        'write a consistent, engine-neutral backup (gzipped JSON Lines; restores into PGlite or PostgreSQL)',
      )
      .argument('<file>', 'the backup file to write (.jsonl.gz)')
      .action(async (name: string, flags: StateFlags) => {
        const file = resolve(context.cwd, name)
        const state = await open(flags, 'meridian db backup')
        const partial = `${file}.partial`
        await withState(state, async () => {
          const gzip = createGzip()
          const out = gzip.pipe(createWriteStream(partial))
          try {
            const summary = await backupState(state.db, (line) => {
              if (!gzip.write(line + '\n'))
                return new Promise<void>((resolve) => gzip.once('drain', () => resolve()))
            })
            gzip.end()
            await finished(out)
            renameSync(partial, file)
            context.stdout(
              `${name}: ${Object.entries(summary.rows)
                .map(([t, n]) => `${n} ${t}`)
                .join(', ')} · migrations ${summary.migrations.join(', ')}\n`,
            )
          } catch (error) {
            gzip.destroy()
            rmSync(partial, { force: true })
            throw error
          }
        })
      }),
  )
  db.addCommand(
    stateOptions(new Command('restore'))
      .description('restore a backup into an empty state database (one transaction: all of it or nothing)')
      .argument('<file>', 'a backup written by `meridian db backup`')
      .action(async (name: string, flags: StateFlags) => {
        const file = resolve(context.cwd, name)
        if (!existsSync(file)) throw new MeridianError('UNREADABLE_FILE', `no backup file "${file}"`)
        const state = await open(flags, 'meridian db restore', false)
        await withState(state, async () => {
          const input = createReadStream(file)
          const gzipped = file.endsWith('.gz')
          const lines = createInterface({
            input: gzipped ? input.pipe(createGunzip()) : input,
            crlfDelay: Infinity,
          })
          const summary = await restoreState(state, lines, file)
          context.stdout(
            `restored ${Object.entries(summary.rows)
              .map(([t, n]) => `${n} ${t}`)
              .join(', ')} into ${state.location}\n`,
          )
        })
      }),
  )
  return db
}
