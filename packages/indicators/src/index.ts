export type { Sql, SqlValue, SqlRunner } from './sql.js'
export { sql, raw, join, renderPositional, renderInline } from './sql.js'
export type { IndicatorDefinition, IndicatorRow, Reference } from './definition.js'
export { defineIndicator } from './definition.js'
export type { Counting, Level, YearRange, IndicatorOptions, IndicatorOptionsInput } from './options.js'
export {
  COUNTINGS,
  LEVELS,
  normalizeFields,
  normalizeGroups,
  normalizeOptions,
  parseYears,
} from './options.js'
export type { Coverage, SourceCoverage } from './coverage.js'
export type { Method, IndicatorResult } from './evaluate.js'
export { evaluate, describe } from './evaluate.js'
export { INDICATORS, indicator } from './catalogue.js'
export type { Sample, Interval, BootstrapOptions } from './bootstrap.js'
export { bootstrap } from './bootstrap.js'
export type { Rng } from './rng.js'
export { createRng } from './rng.js'
export type { IntervalMethod } from './evaluate.js'
export type { ExtraOption, Normalization } from './options.js'
export { NORMALIZATIONS } from './options.js'
export type { WorkRule, WorkSelection } from './work-selection.js'
export { normalizeWorkSelection, selectionWorks } from './work-selection.js'
