import { Command } from 'commander'
import type { Context } from '../context.js'

/** `meridian serve`: not built yet. */
export function serveCommand(_context: Context): Command {
  return new Command('serve').description('(not built yet)')
}
