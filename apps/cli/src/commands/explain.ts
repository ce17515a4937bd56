import { Command, Option } from 'commander'
import { describe, indicator } from '@meridian/indicators'
import type { Context } from '../context.js'
import { indicatorInput, withIndicatorOptions } from './indicators.js'

/** `meridian explain <id>`: the definition, formula, references, options and generated SQL. */
export function explainCommand(context: Context): Command {
  return withIndicatorOptions(
    new Command('explain')
      .description(
        "print an indicator's definition, formula, references and the SQL it runs for the given options",
      )
      .argument('<id>', 'indicator id')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      // Accepted like every command's, though the definition and its SQL do not depend on the data.
      .option('--store <dir>', 'store directory (not read: the definition is the same for every store)'),
  ).action((id: string, flags: Parameters<typeof indicatorInput>[0] & { format: string }) => {
    const definition = indicator(id)
    const method = describe(definition, indicatorInput(flags, context.cwd))
    if (flags.format === 'json') {
      context.stdout(
        JSON.stringify(
          { indicator: definition.id, title: definition.title, countings: definition.countings, method },
          null,
          2,
        ) + '\n',
      )
      return
    }
    const years = method.years ? `${method.years.from}-${method.years.to}` : 'all years'
    context.stdout(
      [
        `${definition.title} (${definition.id})`,
        '',
        definition.description,
        '',
        `Formula: ${definition.formula}`,
        `Counting: ${method.counting} (offered: ${definition.countings.join(', ')})`,
        `Country policy: ${method.countryPolicy}: ${method.countryPolicyDescription}`,
        `Years: ${years}${method.byYear ? ', by year' : ''}`,
        ...Object.entries(method.options).map(([k, v]) => `${k}: ${v}`),
        'References:',
        ...definition.references.map((r) => `  ${r.citation}${r.doi ? ` https://doi.org/${r.doi}` : ''}`),
        '',
        'SQL:',
        method.sql.trim(),
        '',
      ].join('\n'),
    )
  })
}
