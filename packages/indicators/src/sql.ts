/** A value bound to a query parameter. */
export type SqlValue = string | number | boolean | null

/**
 * A parameterised SQL fragment: literal text parts with values between them. Engines render the
 * placeholders in their own syntax (`?`, `$1`, `{p1:String}`); untrusted values never enter the text.
 */
export interface Sql {
  readonly kind: 'sql'
  readonly parts: readonly string[]
  readonly values: readonly SqlValue[]
}

type Interpolated = SqlValue | Sql

const isSql = (value: unknown): value is Sql =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'sql'

/**
 * Build a parameterised fragment. Interpolated values become parameters; interpolated fragments are spliced in.
 * @example
 *   sql`SELECT count(*) FROM works WHERE year BETWEEN ${from} AND ${to}`
 */
export function sql(strings: TemplateStringsArray, ...values: readonly Interpolated[]): Sql {
  const parts: string[] = [strings[0] ?? '']
  const bound: SqlValue[] = []
  values.forEach((value, i) => {
    const next = strings[i + 1] ?? ''
    if (isSql(value)) {
      parts[parts.length - 1] += value.parts[0] ?? ''
      for (let j = 1; j < value.parts.length; j++) parts.push(value.parts[j] ?? '')
      bound.push(...value.values)
      parts[parts.length - 1] += next
    } else {
      bound.push(value)
      parts.push(next)
    }
  })
  return Object.freeze({ kind: 'sql', parts: Object.freeze(parts), values: Object.freeze(bound) })
}

/** Trusted text spliced verbatim: only for identifiers and keywords chosen from a fixed list in code. */
export function raw(text: string): Sql {
  return Object.freeze({ kind: 'sql', parts: Object.freeze([text]), values: Object.freeze([]) })
}

/** Join fragments with a separator (`, `, ` AND `). */
export function join(fragments: readonly Sql[], separator: string): Sql {
  return fragments.reduce<Sql>(
    (acc, fragment, i) => (i === 0 ? fragment : sql`${acc}${raw(separator)}${fragment}`),
    raw(''),
  )
}

/** Render with `?` placeholders, the syntax DuckDB, SQLite and ClickHouse's HTTP driver accept. */
export function renderPositional(query: Sql): {
  readonly text: string
  readonly values: readonly SqlValue[]
} {
  return { text: query.parts.join('?'), values: query.values }
}

/** Render for reading: parameters inlined as SQL literals. For display (`meridian explain`), never for running. */
export function renderInline(query: Sql): string {
  return query.parts.reduce((text, part, i) => {
    if (i === 0) return part
    const value = query.values[i - 1]
    const literal =
      value === null || value === undefined
        ? 'NULL'
        : typeof value === 'string'
          ? `'${value.replaceAll("'", "''")}'`
          : String(value)
    return text + literal + part
  }, '')
}

/** The port indicator definitions run through; the store implements it for DuckDB, later ClickHouse. */
export interface SqlRunner {
  /** Run a query and return its rows with plain JS values (numbers, strings, booleans, null). */
  all(query: Sql): Promise<Record<string, unknown>[]>
}
