import { sql, type SqlRunner } from '@meridian/indicators'

/** A work as search shows it in evidence and weighs it. */
export interface SearchWork {
  readonly id: number
  readonly title: string | null
  readonly year: number | null
  readonly citedBy: number
  readonly doi: string | null
  /** Fields as stored, lower case for filtering. */
  readonly fields: readonly string[]
}

/** An institution as the store holds it. */
export interface SearchInstitution {
  readonly key: string
  readonly ror: string | null
  readonly name: string
  readonly type: string | null
  readonly country: string | null
  /** The top-level organisation's key (`institution_rollup`), itself when it has none. */
  readonly top: string
}

/**
 * An author of a work: ORCID when the record gave one; of several affiliations, the institution and the country
 * first in key order (stable across runs).
 */
export interface SearchAuthor {
  readonly name: string
  readonly orcid: string | null
  readonly institution: string | null
  readonly country: string | null
}

/** The texts a work is found by. */
export interface WorkText {
  readonly id: number
  readonly title: string
  readonly keywords: string
  readonly abstract: string
}

/** Everything expertise search reads from the store, read once. */
export interface SearchCorpus {
  readonly works: ReadonlyMap<number, SearchWork>
  readonly texts: readonly WorkText[]
  readonly institutions: ReadonlyMap<string, SearchInstitution>
  readonly workInstitutions: ReadonlyMap<number, readonly string[]>
  readonly workCountries: ReadonlyMap<number, readonly string[]>
  readonly workAuthors: ReadonlyMap<number, readonly SearchAuthor[]>
  /** Which optional text tables the store has (older stores have neither). */
  readonly has: { readonly abstracts: boolean; readonly keywords: boolean }
  /** The latest publication year, the reference of recency weighting. */
  readonly latestYear: number | null
}

/** Works read per query by `loadSearchCorpus`. */
const CORPUS_SLICE = 100_000

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** The optional text tables (`work_abstracts`, `work_keywords`) the store has. */
async function optionalTables(runner: SqlRunner): Promise<SearchCorpus['has']> {
  const rows = await runner.all(sql`SELECT table_name FROM information_schema.tables
    WHERE table_name IN (${'work_abstracts'}, ${'work_keywords'})`)
  const names = new Set(rows.map((r) => String(r.table_name)))
  return { abstracts: names.has('work_abstracts'), keywords: names.has('work_keywords') }
}

/**
 * Read the works with their texts, institutions, countries (policy `iso`) and authors through the `SqlRunner`
 * port, in portable SQL. Abstracts and keywords are read when the store has their tables.
 */
export async function loadSearchCorpus(runner: SqlRunner): Promise<SearchCorpus> {
  const has = await optionalTables(runner)
  const rollup = new Map<string, string>()
  for (const r of await runner.all(sql`SELECT institution_key, top_key FROM institution_rollup`))
    if (r.top_key !== null) rollup.set(String(r.institution_key), String(r.top_key))
  const institutions = new Map<string, SearchInstitution>()
  for (const r of await runner.all(
    sql`SELECT institution_key, ror, name, type, country FROM institutions ORDER BY institution_key`,
  )) {
    const key = String(r.institution_key)
    institutions.set(key, {
      key,
      ror: str(r.ror),
      name: str(r.name) ?? key,
      type: str(r.type),
      country: str(r.country),
      top: rollup.get(key) ?? key,
    })
  }
  // One string per institution key, country and field, however many works name it: a million works repeat them.
  const interned = new Map<string, string>()
  const intern = (value: string): string => {
    const known = interned.get(value)
    if (known !== undefined) return known
    interned.set(value, value)
    return value
  }
  for (const key of institutions.keys()) interned.set(key, key)

  const works = new Map<number, SearchWork>()
  const texts: WorkText[] = []
  const workInstitutions = new Map<number, string[]>()
  const workCountries = new Map<number, string[]>()
  const workAuthors = new Map<number, SearchAuthor[]>()
  let latestYear: number | null = null
  const [range] = await runner.all(sql`SELECT min(work_id) AS lo, max(work_id) AS hi FROM works`)
  const lo = range?.lo === null || range?.lo === undefined ? 0 : Number(range.lo)
  const hi = range?.hi === null || range?.hi === undefined ? -1 : Number(range.hi)
  // Read a slice of works at a time, so the rows in flight stay bounded on a store of millions of works.
  for (let from = lo; from <= hi; from += CORPUS_SLICE) {
    const to = Math.min(hi, from + CORPUS_SLICE - 1)
    const fields = new Map<number, string[]>()
    for (const r of await runner.all(sql`SELECT work_id, field FROM work_fields
      WHERE work_id BETWEEN ${from} AND ${to} ORDER BY work_id, position`))
      if (r.field !== null) push(fields, Number(r.work_id), intern(String(r.field)))
    const keywords = new Map<number, string[]>()
    if (has.keywords)
      for (const r of await runner.all(sql`SELECT work_id, keyword FROM work_keywords
        WHERE keyword IS NOT NULL AND work_id BETWEEN ${from} AND ${to} ORDER BY work_id, keyword`))
        push(keywords, Number(r.work_id), String(r.keyword))
    const abstracts = new Map<number, string>()
    if (has.abstracts)
      for (const r of await runner.all(sql`SELECT work_id, abstract FROM work_abstracts
        WHERE abstract IS NOT NULL AND work_id BETWEEN ${from} AND ${to}`))
        abstracts.set(Number(r.work_id), String(r.abstract))
    for (const r of await runner.all(sql`SELECT work_id, title, year, cited_by, doi FROM works
      WHERE work_id BETWEEN ${from} AND ${to} ORDER BY work_id`)) {
      const id = Number(r.work_id)
      const year = r.year === null ? null : Number(r.year)
      if (year !== null && (latestYear === null || year > latestYear)) latestYear = year
      const own = fields.get(id) ?? []
      works.set(id, {
        id,
        title: str(r.title),
        year,
        citedBy: Number(r.cited_by ?? 0),
        doi: str(r.doi),
        fields: own.map((f) => intern(f.toLowerCase())),
      })
      const text = {
        id,
        title: str(r.title) ?? '',
        keywords: [...own, ...(keywords.get(id) ?? [])].join(' ; '),
        abstract: abstracts.get(id) ?? '',
      }
      if (text.title || text.keywords || text.abstract) texts.push(text)
    }
    for (const r of await runner.all(sql`SELECT DISTINCT work_id, institution_key FROM work_institutions
      WHERE institution_key IS NOT NULL AND work_id BETWEEN ${from} AND ${to}
      ORDER BY work_id, institution_key`))
      push(workInstitutions, Number(r.work_id), intern(String(r.institution_key)))
    for (const r of await runner.all(sql`SELECT DISTINCT work_id, country FROM work_countries
      WHERE policy = ${'iso'} AND country IS NOT NULL AND work_id BETWEEN ${from} AND ${to}
      ORDER BY work_id, country`))
      push(workCountries, Number(r.work_id), intern(String(r.country)))
    for (const r of await runner.all(sql`SELECT au.work_id, au.position, min(au.name) AS name,
        min(au.orcid) AS orcid, min(a.institution_key) AS institution_key, min(a.country) AS country
      FROM authorships au
      LEFT JOIN affiliations a ON a.work_id = au.work_id AND a.position = au.position
      WHERE au.name IS NOT NULL AND au.work_id BETWEEN ${from} AND ${to}
      GROUP BY au.work_id, au.position ORDER BY au.work_id, au.position`))
      push(workAuthors, Number(r.work_id), {
        name: String(r.name),
        orcid: str(r.orcid),
        institution: r.institution_key === null ? null : intern(String(r.institution_key)),
        country: r.country === null ? null : intern(String(r.country)),
      })
  }
  return { works, texts, institutions, workInstitutions, workCountries, workAuthors, has, latestYear }
}
