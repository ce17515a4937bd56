import {
  describe,
  evaluate,
  indicator,
  INDICATORS,
  type IndicatorDefinition,
  type IndicatorOptionsInput,
  type IndicatorResult,
} from '@meridian/indicators'
import type { DataVersion } from '@meridian/store'
import type { z } from 'zod'
import { cliCommand } from '../domain/cli-command.js'
import { FieldError } from '../errors/api-error.js'
import type { catalogueSchema } from '../schemas/indicators.js'
import type { IndicatorQuery } from '../schemas/query.js'
import type { StoreReader } from './store-reader.js'

/** The catalogue of indicators with their method-card texts. */
export function catalogue(): z.output<typeof catalogueSchema> {
  return {
    indicators: INDICATORS.map((d) => ({
      id: d.id,
      title: d.title,
      description: d.description,
      formula: d.formula,
      countings: [...d.countings],
      references: d.references.map((r) => ({ ...r })),
      columns: [...d.columns],
      extraOptions: [...d.extraOptions],
    })),
  }
}

/** `A, B` into `['A', 'B']`; `null` when absent. */
const splitList = (value: string | undefined): string[] | null =>
  value === undefined ? null : value.split(',').map((v) => v.trim())

/** Checked options of one indicator: throws `BAD_OPTION` naming the field, before any SQL is built. */
export function indicatorInput(
  definition: IndicatorDefinition,
  query: IndicatorQuery,
): IndicatorOptionsInput {
  if (query.counting !== undefined && !definition.countings.includes(query.counting))
    throw new FieldError(
      'counting',
      `counting "${query.counting}" is not offered by ${definition.id}; use ${definition.countings.join(', ')}`,
    )
  return {
    level: query.level,
    years: query.years ?? null,
    byYear: query.byYear ?? false,
    window: query.window ?? null,
    counting: query.counting,
    countryPolicy: query.countryPolicy,
    minCopublications: query.minCopublications,
    role: query.role,
    normalization: query.normalization,
    threshold: query.threshold,
    top: query.top,
    international: query.international,
    fields: splitList(query.fields),
  }
}

/** An indicator's result, as `meridian indicators <id> --format json` prints it. */
export async function indicatorResult(store: StoreReader, id: string, query: IndicatorQuery) {
  const definition = indicator(id)
  const input = indicatorInput(definition, query)
  return plain(await evaluate(store.runner, definition, input, await store.dataVersion()))
}

/** A result as plain objects (fields the schema does not name yet pass through untouched). */
const plain = (result: IndicatorResult<DataVersion>) => ({
  ...result,
  method: { ...result.method },
  coverage: { ...result.coverage },
})

/** An indicator's method card, as `meridian explain <id> --format json` prints it, plus the CLI command. */
export function methodCard(id: string, query: IndicatorQuery) {
  const definition = indicator(id)
  const method = describe(definition, indicatorInput(definition, query))
  return {
    indicator: definition.id,
    title: definition.title,
    countings: [...definition.countings],
    method: { ...method },
    cli: cliCommand(definition.id, method),
  }
}
