import { sql, type SqlRunner } from '@meridian/indicators'
import {
  MeridianError,
  closestName,
  countryName,
  toCountryCode,
  toOpenAlexId,
  toOrcid,
  toRorId,
  unknownName,
} from '@meridian/model'
import type { ProfileOptions } from './options.js'

/** A unit found in the store: its key (as the relations name it), display name and, for authors, key basis. */
export interface ResolvedUnit {
  readonly key: string
  readonly name: string | null
  readonly keyBasis: 'orcid' | 'name' | null
  /** Name-keyed authors: the ORCID keys of authorships with the same name, kept apart (never merged). */
  readonly sameName: readonly string[]
}

/** Per author name, the ORCID keys written under it: what a name-keyed profile must say it left apart. */
export async function orcidsByName(runner: SqlRunner, name: string | null): Promise<Map<string, string[]>> {
  const only = name === null ? sql`` : sql` AND name = ${name}`
  const rows = await runner.all(sql`SELECT DISTINCT name, orcid FROM authorships
    WHERE orcid IS NOT NULL AND name IS NOT NULL${only} ORDER BY name, orcid`)
  const out = new Map<string, string[]>()
  for (const r of rows) {
    const list = out.get(String(r.name)) ?? []
    list.push(`orcid:${String(r.orcid)}`)
    out.set(String(r.name), list)
  }
  return out
}

/** Names the unit and a close match; lists the known units only when they are few (countries). */
function notFound(what: string, unit: string, known: readonly string[]): MeridianError {
  if (known.length <= 300) return new MeridianError('NOT_FOUND', `profile: ${unknownName(what, unit, known)}`)
  const near = closestName(unit, known)
  const hint = near === null ? '' : `; did you mean "${near}"?`
  return new MeridianError('NOT_FOUND', `profile: ${what} "${unit}" is not in the store${hint}`)
}

async function country(runner: SqlRunner, o: ProfileOptions): Promise<ResolvedUnit> {
  const rows = await runner.all(
    sql`SELECT DISTINCT country FROM work_countries WHERE policy = ${o.countryPolicy} ORDER BY country`,
  )
  const known = rows.map((r) => String(r.country))
  const code = toCountryCode(o.unit)
  if (code === null || !known.includes(code)) throw notFound('country', o.unit, known)
  return { key: code, name: countryName(code), keyBasis: null, sameName: [] }
}

async function institution(runner: SqlRunner, o: ProfileOptions): Promise<ResolvedUnit> {
  const ror = toRorId(o.unit)
  const openalex = toOpenAlexId(o.unit)
  const [found] = await runner.all(sql`SELECT i.institution_key, i.name, r.top_key, t.name AS top_name
    FROM institutions i LEFT JOIN institution_rollup r ON r.institution_key = i.institution_key
    LEFT JOIN institutions t ON t.institution_key = r.top_key
    WHERE i.institution_key = ${o.unit} OR i.ror = ${ror} OR i.openalex_id = ${openalex}
      OR lower(i.name) = ${o.unit.toLowerCase()}
    ORDER BY i.institution_key LIMIT 1`)
  if (!found) {
    const names = await runner.all(
      sql`SELECT institution_key, name FROM institutions ORDER BY institution_key`,
    )
    const known = names.flatMap((r) => [String(r.institution_key), String(r.name ?? '')]).filter(Boolean)
    throw notFound('institution', o.unit, known)
  }
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v))
  if (o.rollUp && found.top_key !== null && found.top_key !== undefined)
    return { key: String(found.top_key), name: text(found.top_name), keyBasis: null, sameName: [] }
  return { key: String(found.institution_key), name: text(found.name), keyBasis: null, sameName: [] }
}

/** Authors are keyed by ORCID; a name keys only the works of that name without an ORCID, and says so. */
async function author(runner: SqlRunner, o: ProfileOptions): Promise<ResolvedUnit> {
  // The profile's own key (`orcid:…`) is accepted back, as are bare ORCIDs and orcid.org URLs.
  const orcid = toOrcid(o.unit.replace(/^orcid:/i, ''))
  const [row] =
    orcid !== null
      ? await runner.all(sql`SELECT min(name) AS name, count(*) AS n FROM authorships WHERE orcid = ${orcid}`)
      : await runner.all(
          sql`SELECT min(name) AS name, count(*) AS n FROM authorships WHERE name = ${o.unit} AND orcid IS NULL`,
        )
  if (row && Number(row.n) > 0)
    return orcid !== null
      ? { key: `orcid:${orcid}`, name: String(row.name), keyBasis: 'orcid', sameName: [] }
      : {
          key: o.unit,
          name: o.unit,
          keyBasis: 'name',
          sameName: (await orcidsByName(runner, o.unit)).get(o.unit) ?? [],
        }
  const names = await runner.all(sql`SELECT DISTINCT name FROM authorships WHERE name IS NOT NULL`)
  throw notFound(
    'author',
    o.unit,
    names.map((r) => String(r.name)),
  )
}

/** Find the unit a profile asks for; `NOT_FOUND` naming it, with a close match when one exists. */
export function resolveUnit(runner: SqlRunner, o: ProfileOptions): Promise<ResolvedUnit> {
  switch (o.level) {
    case 'country':
      return country(runner, o)
    case 'institution':
      return institution(runner, o)
    case 'author':
      return author(runner, o)
  }
}
