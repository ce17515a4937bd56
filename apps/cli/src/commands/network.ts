import { Command } from 'commander'
import type { Context } from '../context.js'

/** `meridian network`: not built yet. */
export function networkCommand(_context: Context): Command {
  return new Command('network').description('(not built yet)')
}
