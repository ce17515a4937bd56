export type { Sql, SqlValue, SqlRunner } from './sql.js'
export { sql, raw, join, renderPositional, renderInline } from './sql.js'
