import { createInterface } from 'node:readline'
import { join } from 'node:path'
import { MeridianError } from '@meridian/model'
import { MIGRATIONS, openState, STATE_DIR, type Actor, type Migrations, type StateDb } from '@meridian/state'
import { CONNECT_MIGRATIONS } from '@meridian/connect'
import { STEER_MIGRATIONS } from '@meridian/steer'
import type { Context } from './context.js'

/** Options every command that touches the state database takes. */
export interface StateFlags {
  readonly store?: string | undefined
  readonly databaseUrl?: string | undefined
}

/** Where the state lives: `--database-url`, else `$MERIDIAN_DATABASE_URL`, else PGlite in `<store>/state`. */
export function stateTarget(
  context: Context,
  storeDir: string,
  flags: StateFlags,
): { url?: string; dir?: string } {
  const url = flags.databaseUrl ?? context.env.MERIDIAN_DATABASE_URL
  if (url !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new MeridianError(
        'BAD_OPTION',
        `--database-url must be a postgres:// URL (got "${url.slice(0, 40)}")`,
      )
    return { url }
  }
  return { dir: join(storeDir, STATE_DIR) }
}

/**
 * Every domain's migrations: every command opens the state with the same full set, or a database migrated by
 * one command would look "newer" to another.
 */
export const ALL_MIGRATIONS: Migrations = Object.freeze({
  ...MIGRATIONS,
  ...STEER_MIGRATIONS,
  ...CONNECT_MIGRATIONS,
})

/** Open (and migrate) the state database of a store directory or server, for one command. */
export function openStateFor(
  context: Context,
  storeDir: string,
  flags: StateFlags,
  options: { readonly command: string; readonly migrate?: boolean },
): Promise<StateDb> {
  return openState({
    ...stateTarget(context, storeDir, flags),
    command: options.command,
    migrations: ALL_MIGRATIONS,
    now: context.now,
    ...(options.migrate === false ? { migrate: false } : {}),
  })
}

/** The operator at the command line, as the audit trail names them. */
export function operator(context: Context): Actor {
  return { kind: 'operator', label: `cli:${context.env.USER ?? context.env.USERNAME ?? 'operator'}` }
}

/** The first line of standard input (a password given with `--password-stdin`), without its line ending. */
export async function readStdinLine(context: Context, what: string): Promise<string> {
  const lines = context.stdin ?? createInterface({ input: process.stdin, crlfDelay: Infinity })
  for await (const line of lines) return line.replace(/\r$/, '')
  throw new MeridianError('BAD_OPTION', `${what}: standard input is empty`)
}

/** Run `work` with an open state database, closing it afterwards whatever happens. */
export async function withState<T>(state: StateDb, work: (state: StateDb) => Promise<T>): Promise<T> {
  try {
    return await work(state)
  } finally {
    await state.close()
  }
}
