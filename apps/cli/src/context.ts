import { resolve } from 'node:path'

/** What a command may touch of the outside world: injected so tests run commands in process. */
export interface Context {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  /** Whether stderr is a terminal (progress bars only then). */
  readonly interactive: boolean
  readonly now: () => Date
  /** Standard input as lines; `process.stdin` when absent (tests bring their own). */
  readonly stdin?: AsyncIterable<string>
}

/** The store directory: `--store`, else `MERIDIAN_STORE`, else `./meridian-data`. */
export function storeDir(context: Context, option: string | undefined): string {
  return resolve(context.cwd, option ?? context.env.MERIDIAN_STORE ?? 'meridian-data')
}

/** The database file inside a store directory. */
export const STORE_FILE = 'meridian.duckdb'
