import { raw, sql, type IndicatorRow, type SqlRunner } from '@meridian/indicators'
import { countryName } from '@meridian/model'
import { evaluateParts, PARTS, type PartRows } from './indicator-parts.js'
import { normalizeProfileOptions, type ProfileOptions, type ProfileOptionsInput } from './options.js'
import {
  authorFactsQuery,
  byYearQuery,
  fieldsQuery,
  keywordsQuery,
  keywordTableQuery,
  lastYearQuery,
  partnerCountriesQuery,
  partnerInstitutionsQuery,
  totalsQuery,
  type Windows,
} from './queries.js'
import { orcidsByName, resolveUnit, type ResolvedUnit } from './resolve.js'
import type {
  Partner,
  Production,
  Profile,
  ProfileLevel,
  ProfileMethod,
  TermWeight,
  TopicShare,
  Trend,
} from './types.js'
import { AUTHOR_KEY, type Scope } from './unit-works.js'

/** The runner a profile reads through; `dataVersion`, when given, stamps the profile and keys the cache. */
export interface ProfileSource extends SqlRunner {
  dataVersion?(): Promise<unknown>
}

/** Recency half-life of term weights, in years. */
export const TERM_HALF_LIFE = 5
/** Terms kept per profile. */
export const TOP_TERMS = 30

type Row = Record<string, unknown>
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v))
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b)

function groupBy(rows: readonly Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>()
  for (const row of rows) {
    const unit = String(row.unit)
    const list = out.get(unit)
    if (list) list.push(row)
    else out.set(unit, [row])
  }
  return out
}

function trend(recent: number | null, previous: number | null): Trend {
  return { recent, previous, change: recent === null || previous === null ? null : recent - previous }
}

const byWorks =
  <T extends { readonly works: number }>(key: (t: T) => string) =>
  (a: T, b: T) =>
    b.works - a.works || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)

/** Everything read for a level (all units, or one), grouped by unit. */
interface LevelData {
  readonly level: ProfileLevel
  readonly windows: Windows | null
  readonly hasKeywords: boolean
  readonly totals: Map<string, Row[]>
  readonly byYear: Map<string, Row[]>
  readonly fields: Map<string, Row[]>
  readonly keywords: Map<string, Row[]>
  readonly countries: Map<string, Row[]>
  readonly institutions: Map<string, Row[]>
  readonly authorFacts: Map<string, Row[]>
  readonly parts: PartRows | null
  readonly worksInStore: number
  readonly dataVersion: unknown
}

async function readLevel(source: ProfileSource, s: Scope): Promise<LevelData> {
  const [[last], [table], [store], dataVersion] = await Promise.all([
    source.all(lastYearQuery),
    source.all(keywordTableQuery),
    source.all(sql`SELECT count(*) AS n FROM works`),
    source.dataVersion ? source.dataVersion() : Promise.resolve(null),
  ])
  const end = s.years?.to ?? numOrNull(last?.last)
  const windows: Windows | null =
    end === null ? null : { recent: { from: end - 2, to: end }, previous: { from: end - 5, to: end - 3 } }
  // With no year in the store the windows are empty ranges; every trend is then unknown.
  const w = windows ?? { recent: { from: 1, to: 0 }, previous: { from: 1, to: 0 } }
  const hasKeywords = num(table?.n) > 0
  const none = Promise.resolve([] as Row[])
  const [totals, byYear, fields, keywords, countries, institutions, authorFacts, parts] = await Promise.all([
    source.all(totalsQuery(s, w)),
    s.level === 'author' ? source.all(byYearQuery(s)) : none,
    source.all(fieldsQuery(s, w)),
    hasKeywords ? source.all(keywordsQuery(s, w, TERM_HALF_LIFE)) : none,
    source.all(partnerCountriesQuery(s, w)),
    source.all(partnerInstitutionsQuery(s, w)),
    s.level === 'author' ? source.all(authorFactsQuery(s)) : none,
    s.level === 'author' ? Promise.resolve(null) : evaluateParts(source, s),
  ])
  return {
    level: s.level,
    windows,
    hasKeywords,
    totals: groupBy(totals),
    byYear: groupBy(byYear),
    fields: groupBy(fields),
    keywords: groupBy(keywords),
    countries: groupBy(countries),
    institutions: groupBy(institutions),
    authorFacts: groupBy(authorFacts),
    parts,
    worksInStore: num(store?.n),
    dataVersion,
  }
}

function topics(rows: readonly Row[], total: Row | undefined): TopicShare[] {
  const works = num(total?.works)
  return rows
    .map((r) => ({
      name: String(r.name),
      works: num(r.works),
      share: ratio(num(r.works), works) ?? 0,
      trend: trend(ratio(num(r.recent), num(total?.recent)), ratio(num(r.previous), num(total?.previous))),
    }))
    .sort(byWorks((t) => t.name))
}

/** TF-IDF: tf the recency- and citation-weighted frequency in the unit's works, idf ln(N / df) over the store. */
function terms(rows: readonly Row[], worksInStore: number): TermWeight[] {
  return rows
    .map((r) => ({
      term: String(r.name),
      kind: String(r.kind),
      works: num(r.works),
      weight: Number((num(r.tf) * Math.log(worksInStore / Math.max(1, num(r.df)))).toPrecision(12)),
    }))
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, TOP_TERMS)
}

function sameLevelPartners(unit: string, d: LevelData, names: (id: string) => string | null): Partner[] {
  const parts = d.parts
  if (!parts) return []
  const works = num(parts.output.get(unit)?.[0]?.value)
  const windowRows = new Map(
    (d.level === 'country' ? d.countries : d.institutions).get(unit)?.map((r) => [String(r.partner), r]) ??
      [],
  )
  const first = new Map((parts.leadFirst.get(unit) ?? []).map((r) => [String(r.partner), r]))
  const role = (r: IndicatorRow | undefined) => ({
    known: num(r?.known),
    led: num(r?.led),
    partnerLed: num(r?.partnerLed),
  })
  return (parts.leadCorresponding.get(unit) ?? [])
    .map((r): Partner => {
      const id = String(r.partner)
      const w = windowRows.get(id)
      return {
        id,
        name: names(id),
        works: num(r.works),
        share: ratio(num(r.works), works) ?? 0,
        trend: trend(numOrNull(w?.recent), numOrNull(w?.previous)),
        leadership: { firstAuthor: role(first.get(id)), corresponding: role(r) },
      }
    })
    .sort(byWorks((p) => p.id))
}

function otherPartners(rows: readonly Row[], works: number, name: (r: Row) => string | null): Partner[] {
  return rows
    .map((r): Partner => ({
      id: String(r.partner),
      name: name(r),
      works: num(r.works),
      share: ratio(num(r.works), works) ?? 0,
      trend: trend(num(r.recent), num(r.previous)),
      leadership: null,
    }))
    .sort(byWorks((p) => p.id))
}

function production(unit: string, d: LevelData): Production {
  const total = d.totals.get(unit)?.[0]
  const p = d.parts
  if (!p) {
    const facts = d.authorFacts.get(unit)?.[0]
    return {
      works: num(total?.works),
      fractionalWorks: num(total?.fractional),
      byYear: (d.byYear.get(unit) ?? [])
        .map((r) => ({ year: num(r.year), full: num(r.works), fractional: num(r.fractional) }))
        .sort((a, b) => a.year - b.year),
      citationsPerWork: ratio(num(facts?.citations), num(facts?.cited)),
      mncs: null,
      highlyCitedShare: null,
      industryShare: ratio(num(facts?.industry), num(facts?.typed)),
      firstAuthorWorks: num(facts?.first),
      correspondingWorks: num(facts?.corresponding),
    }
  }
  const one = (rows: ReadonlyMap<string, readonly IndicatorRow[]>) => rows.get(unit)?.[0]
  const fractional = new Map((p.fractionalByYear.get(unit) ?? []).map((r) => [num(r.year), num(r.value)]))
  return {
    works: num(one(p.output)?.value),
    fractionalWorks: num(one(p.fractional)?.value),
    byYear: (p.outputByYear.get(unit) ?? [])
      .map((r) => ({ year: num(r.year), full: num(r.value), fractional: fractional.get(num(r.year)) ?? 0 }))
      .sort((a, b) => a.year - b.year),
    citationsPerWork: numOrNull(one(p.citations)?.citationsPerWork),
    mncs: numOrNull(one(p.citations)?.value),
    highlyCitedShare: numOrNull(one(p.highlyCited)?.value),
    industryShare: numOrNull(one(p.industry)?.value),
    firstAuthorWorks: null,
    correspondingWorks: null,
  }
}

function method(
  o: Omit<ProfileOptions, 'unit'>,
  d: LevelData,
  worksWithField: number,
  works: number,
): ProfileMethod {
  const indicators: Record<string, string> =
    o.level === 'author'
      ? { production: 'store relations at author level (the indicator engine has no author level)' }
      : Object.fromEntries(
          Object.entries(PARTS).map(([part, [id, extra]]) => [part, `${id} ${JSON.stringify(extra)}`]),
        )
  return {
    level: o.level,
    countryPolicy: o.countryPolicy,
    counting: 'full (works); fractional where named (author-level fractional)',
    years: o.years,
    trendWindows: d.windows,
    trend:
      'fields and keywords: share of the unit works in the last 3 years of the period minus the share in the ' +
      '3 years before; partners: works together in the same two windows (counts)',
    rollUp: o.rollUp,
    topics: d.hasKeywords ? 'fields+keywords' : 'fields',
    termWeighting: d.hasKeywords
      ? `TF-IDF over work_keywords: tf = Σ over the unit's works of 0.5^(age / ${TERM_HALF_LIFE} years) × ln(2 + citations), idf = ln(works in store / works with the term)`
      : null,
    indicators,
    coverage: { works, worksWithField },
    dataVersion: d.dataVersion,
  }
}

function profileOf(unit: ResolvedUnit, o: Omit<ProfileOptions, 'unit'>, d: LevelData): Profile {
  const total = d.totals.get(unit.key)?.[0]
  const prod = production(unit.key, d)
  const names = new Map<string, string | null>()
  for (const r of d.institutions.get(unit.key) ?? [])
    names.set(String(r.partner), (r.name as string | null) ?? null)
  const countryPartners =
    o.level === 'country'
      ? sameLevelPartners(unit.key, d, (id) => countryName(id))
      : otherPartners(d.countries.get(unit.key) ?? [], prod.works, (r) => countryName(String(r.partner)))
  const institutionPartners =
    o.level === 'institution'
      ? sameLevelPartners(unit.key, d, (id) => names.get(id) ?? null)
      : otherPartners(
          d.institutions.get(unit.key) ?? [],
          prod.works,
          (r) => (r.name as string | null) ?? null,
        )
  return {
    kind: 'profile',
    level: o.level,
    unit: unit.key,
    name: unit.name,
    keyBasis: unit.keyBasis,
    sameName: unit.sameName,
    fields: topics(d.fields.get(unit.key) ?? [], total),
    keywords: topics(d.keywords.get(unit.key) ?? [], total),
    terms: terms(d.keywords.get(unit.key) ?? [], d.worksInStore),
    partners: {
      count: d.parts ? num(d.parts.partners.get(unit.key)?.[0]?.value) : null,
      countries: countryPartners,
      institutions: institutionPartners,
    },
    production: prod,
    method: method(o, d, num(total?.with_field), prod.works),
  }
}

function scopeOf(o: ProfileOptions, unit: string | null): Scope {
  return { level: o.level, years: o.years, rollUp: o.rollUp, countryPolicy: o.countryPolicy, unit }
}

/**
 * The expertise profile of one country, institution or author: what it works on, with whom, and what it
 * produces. Production and same-level partners come from the indicator engine.
 * @example
 *   const profile = await buildProfile(runner, { level: 'country', unit: 'NL', years: '2010-2017' })
 */
export async function buildProfile(source: ProfileSource, input: ProfileOptionsInput): Promise<Profile> {
  const o = normalizeProfileOptions(input)
  const unit = await resolveUnit(source, o)
  return profileOf(unit, o, await readLevel(source, scopeOf(o, unit.key)))
}

async function unitsOf(source: SqlRunner, s: Scope): Promise<ResolvedUnit[]> {
  switch (s.level) {
    case 'country':
      return (
        await source.all(
          sql`SELECT DISTINCT country AS unit FROM work_countries WHERE policy = ${s.countryPolicy} ORDER BY country`,
        )
      ).map((r) => ({ key: String(r.unit), name: countryName(String(r.unit)), keyBasis: null, sameName: [] }))
    case 'institution': {
      const rows = await source.all(sql`SELECT DISTINCT x.unit, i.name FROM (
        SELECT ${s.rollUp ? sql`coalesce(r.top_key, w.institution_key)` : sql`w.institution_key`} AS unit
        FROM work_institutions w LEFT JOIN institution_rollup r ON r.institution_key = w.institution_key) x
        LEFT JOIN institutions i ON i.institution_key = x.unit ORDER BY x.unit`)
      return rows.map((r) => ({
        key: String(r.unit),
        name: r.name === null ? null : String(r.name),
        keyBasis: null,
        sameName: [],
      }))
    }
    case 'author': {
      const rows = await source.all(sql`SELECT ${raw(AUTHOR_KEY)} AS unit,
        min(au.name) AS name, max(CASE WHEN au.orcid IS NULL THEN 0 ELSE 1 END) AS orcid
        FROM authorships au WHERE au.name IS NOT NULL GROUP BY 1 ORDER BY 1`)
      const sameName = await orcidsByName(source, null)
      return rows.map((r) =>
        num(r.orcid) === 1
          ? { key: String(r.unit), name: String(r.name), keyBasis: 'orcid', sameName: [] }
          : {
              key: String(r.unit),
              name: String(r.name),
              keyBasis: 'name',
              sameName: sameName.get(String(r.unit)) ?? [],
            },
      )
    }
  }
}

/**
 * Profiles of every unit of a level in one batch: each query runs once for all units (the indicator engine's
 * natural shape), not once per unit.
 */
export async function buildProfiles(
  source: ProfileSource,
  input: Omit<ProfileOptionsInput, 'unit'>,
): Promise<Profile[]> {
  // Every unit: the options are checked as for one, with a placeholder unit the scope then drops.
  const o = normalizeProfileOptions({ ...input, unit: '*' })
  const s = scopeOf(o, null)
  const [units, data] = await Promise.all([unitsOf(source, s), readLevel(source, s)])
  return units.map((unit) => profileOf(unit, o, data))
}
