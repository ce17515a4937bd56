/** One changed field of an audited record, its values shortened for a table cell. */
export interface AuditChange {
  readonly field: string
  readonly before: string | null
  readonly after: string | null
}

const LONGEST = 40

function short(value: unknown): string | null {
  if (value === undefined) return null
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text
}

const fields = (value: unknown): Readonly<Record<string, unknown>> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}

/**
 * What an audit row changed: the fields whose values differ between `before` and `after`. A created record
 * lists its non-empty fields (no before); the id, already in the entity column, is left out.
 * @example
 *   auditChanges({ role: 'viewer', email: 'a@x' }, { role: 'admin', email: 'a@x' })
 *   // [{ field: 'role', before: 'viewer', after: 'admin' }]
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const old = fields(before)
  const next = fields(after)
  const created = before === null || before === undefined
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])].filter((key) => key !== 'id')
  return keys
    .filter((key) => JSON.stringify(old[key]) !== JSON.stringify(next[key]))
    .filter((key) => !created || (next[key] !== null && next[key] !== false))
    .map((key) => ({ field: key, before: created ? null : short(old[key]), after: short(next[key]) }))
}
