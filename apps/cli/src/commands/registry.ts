import { Command } from 'commander'
import type { Context } from '../context.js'

/** `meridian registry`: not built yet. */
export function registryCommand(_context: Context): Command {
  return new Command('registry').description('(not built yet)')
}
