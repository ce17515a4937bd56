import { sql, type SqlRunner } from '@meridian/indicators'
import { countryName } from '@meridian/model'
import { normalizeNetworkOptions, unitsOfWorks } from '@meridian/networks'
import type { TopicYear, YearlyNetworks } from './yearly.js'

/** Which units a store's yearly networks link, and by which rules. */
export interface StoreSeriesInput {
  readonly level: YearlyNetworks['level']
  /** Default `iso`. */
  readonly countryPolicy?: string
  /** Default `orcid-or-name` (the ORCID, else the name as written, said in the method). */
  readonly authorKey?: string
}

const num = (value: unknown) => (typeof value === 'bigint' ? Number(value) : Number(value ?? 0))

/**
 * Yearly co-authorship networks from the store (full counting: a tie-year is the number of works two units
 * share that year), each unit's works per year, and its works per field and year: three portable queries
 * over the units the network builder defines.
 */
export async function yearlyFromStore(runner: SqlRunner, input: StoreSeriesInput): Promise<YearlyNetworks> {
  const options = normalizeNetworkOptions({
    level: input.level,
    countryPolicy: input.countryPolicy,
    authorKey: input.authorKey,
  })
  const units = unitsOfWorks(options)
  const [nodeRows, tieRows, fieldRows] = await Promise.all([
    runner.all(sql`WITH u AS (${units})
      SELECT u.unit AS id, min(u.label) AS label, w.year AS year, count(*) AS works
      FROM u JOIN works w ON w.work_id = u.work_id WHERE w.year IS NOT NULL
      GROUP BY u.unit, w.year ORDER BY year, id`),
    runner.all(sql`WITH u AS (${units})
      SELECT a.unit AS a, b.unit AS b, w.year AS year, count(*) AS works
      FROM u a JOIN u b ON a.work_id = b.work_id AND a.unit < b.unit JOIN works w ON w.work_id = a.work_id
      WHERE w.year IS NOT NULL GROUP BY a.unit, b.unit, w.year ORDER BY year, a, b`),
    runner.all(sql`WITH u AS (${units})
      SELECT u.unit AS id, w.year AS year, f.field AS field, count(DISTINCT u.work_id) AS works
      FROM u JOIN works w ON w.work_id = u.work_id JOIN work_fields f ON f.work_id = u.work_id
      WHERE w.year IS NOT NULL AND f.field IS NOT NULL GROUP BY u.unit, w.year, f.field ORDER BY year, id, field`),
  ])
  const index = new Map<string, number>()
  const ids: string[] = []
  const labels: string[] = []
  for (const r of nodeRows) {
    const id = String(r.id)
    if (index.has(id)) continue
    index.set(id, ids.length)
    ids.push(id)
    labels.push(input.level === 'country' ? countryName(id) : String(r.label ?? id))
  }
  const n = ids.length
  const years = [...new Set(nodeRows.map((r) => num(r.year)))].sort((a, b) => a - b)
  // Rows by year, once (filtering all rows per year was quadratic on author-level stores).
  const byYear = <T extends { year?: unknown }>(rows: readonly T[]) => {
    const out = new Map<number, T[]>()
    for (const r of rows) {
      const year = num(r.year)
      let list = out.get(year)
      if (!list) out.set(year, (list = []))
      list.push(r)
    }
    return out
  }
  const nodesByYear = byYear(nodeRows)
  const tiesByYear = byYear(tieRows)
  const fieldsByYear = byYear(fieldRows)
  const slices = years.map((year) => {
    const ties = tiesByYear.get(year) ?? []
    const output = new Float64Array(n)
    for (const r of nodesByYear.get(year) ?? []) output[index.get(String(r.id))!] = num(r.works)
    const source = new Int32Array(ties.length)
    const target = new Int32Array(ties.length)
    const strength = new Float64Array(ties.length)
    ties.forEach((r, e) => {
      const a = index.get(String(r.a))!
      const b = index.get(String(r.b))!
      source[e] = Math.min(a, b)
      target[e] = Math.max(a, b)
      strength[e] = num(r.works)
    })
    return { year, source, target, strength, output }
  })
  const fieldIndex = new Map<string, number>()
  const fields: string[] = []
  const topicYears: TopicYear[] = years.map((year) => {
    const rows = (fieldsByYear.get(year) ?? []).filter((r) => index.has(String(r.id)))
    return {
      year,
      unit: Int32Array.from(rows, (r) => index.get(String(r.id))!),
      field: Int32Array.from(rows, (r) => {
        const name = String(r.field)
        let f = fieldIndex.get(name)
        if (f === undefined) {
          f = fields.length
          fieldIndex.set(name, f)
          fields.push(name)
        }
        return f
      }),
      works: Float64Array.from(rows, (r) => num(r.works)),
    }
  })
  const basis =
    input.level === 'country'
      ? `country policy ${options.countryPolicy}`
      : input.level === 'author'
        ? `authors keyed by ${options.authorKey === 'name' ? 'name as written' : 'ORCID, else name as written'}`
        : 'institutions as matched in the store'
  return Object.freeze({
    kind: 'yearly-networks',
    level: input.level,
    ids,
    labels,
    slices,
    source: `store, ${input.level} level, ${basis}, full counting, ${years[0] ?? '-'}-${years.at(-1) ?? '-'}`,
    ...(fields.length > 0 ? { topics: { fields, years: topicYears } } : {}),
  })
}

/** Each institution's country and type, for the partner constraints. */
export async function institutionInfo(
  runner: SqlRunner,
): Promise<Map<string, { readonly country: string | null; readonly type: string | null }>> {
  const rows = await runner.all(sql`SELECT institution_key AS id, min(country) AS country, min(type) AS type
    FROM institutions GROUP BY institution_key`)
  return new Map(
    rows.map((r) => [
      String(r.id),
      { country: r.country == null ? null : String(r.country), type: r.type == null ? null : String(r.type) },
    ]),
  )
}
