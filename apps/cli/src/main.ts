import { Command } from 'commander'
import { demoCommand } from './commands/demo.js'
import { explainCommand } from './commands/explain.js'
import { indicatorsCommand } from './commands/indicators.js'
import { ingestCommand } from './commands/ingest.js'
import { statusCommand } from './commands/status.js'
import { networkCommand } from './commands/network.js'
import { serveCommand } from './commands/serve.js'
import { registryCommand } from './commands/registry.js'
import { affiliationsCommand } from './commands/affiliations.js'
import { curateCommand } from './commands/curate.js'
import { harvestCommand } from './commands/harvest.js'
import { usersCommand } from './commands/users.js'
import { dbCommand } from './commands/db.js'
import { auditCommand } from './commands/audit.js'
import { organisationsCommand } from './commands/organisations.js'
import { programmesCommand } from './commands/programmes.js'
import { kpiCommand } from './commands/kpi.js'
import { reportCommand } from './commands/report.js'
import { searchCommand } from './commands/search.js'
import { profileCommand } from './commands/profile.js'
import { recommendCommand } from './commands/recommend.js'
import { marketCommands, matchCommand } from './commands/market.js'
import type { Context } from './context.js'
import { EXIT } from './exit-codes.js'
import { reportError } from './report-error.js'

/** The `meridian` program, wired to a context. */
export function program(context: Context): Command {
  const root = new Command('meridian')
    .description('Meridian: an open observatory of international research collaboration')
    .version('0.1.0')
    .exitOverride()
    // Usage errors are printed by `reportError`, in the form of every other error.
    .configureOutput({ writeOut: context.stdout, writeErr: context.stderr, outputError: () => {} })
  for (const command of [
    demoCommand(context),
    ingestCommand(context),
    indicatorsCommand(context),
    explainCommand(context),
    statusCommand(context),
    networkCommand(context),
    serveCommand(context),
    registryCommand(context),
    affiliationsCommand(context),
    curateCommand(context),
    harvestCommand(context),
    usersCommand(context),
    organisationsCommand(context),
    programmesCommand(context),
    kpiCommand(context),
    reportCommand(context),
    searchCommand(context),
    profileCommand(context),
    recommendCommand(context),
    ...marketCommands(context),
    matchCommand(context),
    dbCommand(context),
    auditCommand(context),
  ]) {
    root.addCommand(quiet(command, context))
  }
  return root
}

/** Errors thrown (not exits) and output to the context, for a command and every subcommand under it. */
function quiet(command: Command, context: Context): Command {
  command
    .exitOverride()
    .configureOutput({ writeOut: context.stdout, writeErr: context.stderr, outputError: () => {} })
  for (const sub of command.commands) quiet(sub, context)
  return command
}

/** Run the CLI; resolves to the exit code (0 ok, 1 failure, 2 bad input or usage). */
export async function main(argv: readonly string[], context: Partial<Context> = {}): Promise<number> {
  const ctx: Context = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    interactive: process.stderr.isTTY === true,
    now: () => new Date(),
    ...context,
  }
  try {
    await program(ctx).parseAsync([...argv], { from: 'user' })
    return EXIT.ok
  } catch (error) {
    return reportError(ctx, error, argv)
  }
}
