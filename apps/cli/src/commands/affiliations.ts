import { Command } from 'commander'
import type { Context } from '../context.js'

/** `meridian affiliations`: not built yet. */
export function affiliationsCommand(_context: Context): Command {
  return new Command('affiliations').description('(not built yet)')
}
