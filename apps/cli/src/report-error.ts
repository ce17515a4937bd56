import { CommanderError } from 'commander'
import { closestName, MeridianError, type ErrorCode, type RecordProblem } from '@meridian/model'
import type { Context } from './context.js'
import { EXIT, EXIT_BY_CODE } from './exit-codes.js'

/** The code printed for an error no part of Meridian expected: a bug (the server answers it with 500). */
type Code = ErrorCode | 'INTERNAL'

/** What to do next, per code; `{command}` is the command that ran. */
const HINTS: Readonly<Partial<Record<Code, string>>> = {
  BAD_RECORD: 'run with --on-error skip to read the other records and list every problem',
  BAD_FIELD: 'run with --on-error skip to read the other records and list every problem',
  INGEST_ABORTED: 'fix that record, or run with --on-error skip to read the others and list every problem',
  UNKNOWN_FORMAT:
    'give files exported from one of those sources; with --on-error skip such files are left out and listed',
  UNREADABLE_FILE: 'check the path, and that you may read it',
  BAD_OPTION: 'see "meridian {command} --help"',
  NOT_FOUND: 'see "meridian {command} --help"',
  STORE_UNAVAILABLE:
    'check --store (or MERIDIAN_STORE), the free disk space, and that no other meridian process holds the store',
  INTERNAL: 'this is a bug: please report it with the command you ran (MERIDIAN_DEBUG=1 prints the stack)',
}
const DEFAULT_HINT = 'see "meridian {command} --help"'
/** The commands with `--on-error skip`; the others refuse bad input whole, so their hint is to fix it. */
const ON_ERROR = new Set(['ingest'])
const FIX = 'fix each problem named, then run the command again: nothing was written'
const FIX_HINTS: Readonly<Partial<Record<Code, string>>> = {
  BAD_RECORD: FIX,
  BAD_FIELD: FIX,
  INVALID_VALUE: FIX,
  UNKNOWN_FORMAT: DEFAULT_HINT,
}
const MAX_LISTED = 10

/** The problems an error that refuses a whole input lists, each with its own location tail. */
function listed(problems: readonly RecordProblem[]): string {
  const where = (p: RecordProblem) => `${p.file}:${p.line}${p.field ? ` ${p.field}` : ''}`
  const more = problems.length - MAX_LISTED
  return [
    ...problems.slice(0, MAX_LISTED).map((p) => `  ${p.message} (${where(p)}) [${p.code}]\n`),
    more > 0 ? `  ... and ${more} more\n` : '',
  ].join('')
}

const HELP = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help'])

/** Commander's usage errors as our codes: every usage error is a bad option. */
function fromCommander(error: CommanderError): MeridianError {
  let message = error.message.replace(/^error: /, '').trim()
  const choice = /argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/.exec(message)
  if (choice) {
    const near = closestName(choice[1] ?? '', (choice[2] ?? '').split(', '))
    if (near !== null) message += ` Did you mean "${near}"?`
  }
  return new MeridianError('BAD_OPTION', message.replace(/\n+/g, ' '))
}

/**
 * Print an error the one way every command does (`meridian: <message> (<where>) [CODE]`, then a hint) and
 * return the exit code: 2 for bad input or usage, 1 for anything else.
 */
export function reportError(context: Context, thrown: unknown, argv: readonly string[]): number {
  if (thrown instanceof CommanderError && HELP.has(thrown.code)) return EXIT.ok
  const error = thrown instanceof CommanderError ? fromCommander(thrown) : thrown
  const known = error instanceof MeridianError ? error : null
  const code: Code = known ? known.code : 'INTERNAL'
  const message = error instanceof Error ? error.message : String(error)
  const location = known?.location
  const where = location
    ? ` (${location.file}:${location.line}${location.field ? ` ${location.field}` : ''})`
    : ''
  const unknownCommand = thrown instanceof CommanderError && thrown.code === 'commander.unknownCommand'
  const command = unknownCommand ? '' : (argv.find((arg) => !arg.startsWith('-')) ?? '')
  const hints = ON_ERROR.has(command) ? HINTS : { ...HINTS, ...FIX_HINTS }
  const hint = (hints[code] ?? DEFAULT_HINT).replace('{command}', command).replace('meridian  ', 'meridian ')
  // A refusal lists its problems: the head line then has no location, each problem its own.
  const problems = known?.problems ?? []
  const head = problems.length > 0 ? (message.split('\n', 1)[0] ?? '').replace(/:$/, '') : message + where
  context.stderr(`meridian: ${head} [${code}]\n${listed(problems)}  hint: ${hint}\n`)
  if (!known && context.env.MERIDIAN_DEBUG && error instanceof Error) context.stderr(`${error.stack}\n`)
  return known ? EXIT_BY_CODE[known.code] : EXIT.failure
}
