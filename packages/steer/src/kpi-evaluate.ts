import {
  evaluate,
  type Coverage,
  type IndicatorDefinition,
  type IndicatorResult,
  type IndicatorRow,
  type SqlRunner,
  type WorkSelection,
} from '@meridian/indicators'
import { MeridianError } from '@meridian/model'
import { engineInput, OUTPUTS_GROUP, type KpiScope, type KpiSpec } from './kpi-spec.js'

/** Evaluations keyed by indicator and engine options, shared by the KPIs of one refresh. */
export type EvaluationMemo = Map<string, Promise<IndicatorResult>>

/** The row of a result a scope names, or `undefined` when the engine gave none (no works in scope). */
export function scopeRow(rows: readonly IndicatorRow[], scope: KpiScope): IndicatorRow | undefined {
  switch (scope.kind) {
    case 'country':
      return rows.find((r) => r.country === scope.country && r.partner === undefined)
    case 'country-pair':
      return rows.find((r) => r.country === scope.country && r.partner === scope.partner)
    case 'institution':
      return rows.find((r) => r.institution === scope.institution)
    case 'countries':
      return rows.find((r) => r.group === scope.name)
    case 'outputs':
      return rows.find((r) => r.group === OUTPUTS_GROUP)
    case 'programme':
      // The milestone KPIs' scope: counted from the registry, never an engine row.
      return undefined
  }
}

/**
 * A KPI's figure as the indicator engine computes it (no second implementation: `evaluate`, then one row). An
 * `outputs` scope needs `works`, the programme's linked outputs (`outputSelection`); with none it has no figure.
 */
export async function evaluateKpi(
  runner: SqlRunner,
  definition: IndicatorDefinition,
  spec: Pick<KpiSpec, 'options' | 'scope' | 'measure'>,
  years?: string,
  works?: WorkSelection | null,
  memo?: EvaluationMemo,
): Promise<{ readonly value: number | null; readonly coverage: Coverage | null }> {
  if (spec.scope.kind === 'outputs' && !works) return { value: null, coverage: null }
  const input = engineInput(spec, years, works)
  let evaluation: Promise<IndicatorResult> | undefined
  if (memo) {
    // The engine's answer to the same question (indicator and options; the scope only picks a row) is shared.
    const key = JSON.stringify([definition.id, input])
    evaluation = memo.get(key)
    if (!evaluation) {
      evaluation = evaluate(runner, definition, input)
      memo.set(key, evaluation)
      // A failed evaluation is not remembered: the next KPI asks again and gets its own error.
      evaluation.catch(() => memo.delete(key))
    }
  }
  const result = await (evaluation ?? evaluate(runner, definition, input))
  if (spec.scope.kind === 'country-pair' && result.rows.length > 0 && !('partner' in (result.rows[0] ?? {})))
    throw new MeridianError(
      'INVALID_VALUE',
      `scope: ${definition.id} gives no pairs; a country-pair scope needs a bilateral indicator (bilateral-matrix, pair-leadership, pair-trend)`,
    )
  const figure = scopeRow(result.rows, spec.scope)?.[spec.measure]
  return { value: typeof figure === 'number' ? figure : null, coverage: result.coverage }
}

/** A data version as a key that changes whenever any of its fields does (keys sorted). */
export function dataKey(version: object): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
          )
        : value
  return JSON.stringify(sorted(version))
}
