import { countryName } from '@meridian/model'
import type { ExpertiseIndex } from './build-index.js'
import type { SearchCorpus } from './corpus.js'
import type { SearchExpertsOptions } from './options.js'

/** How a unit is keyed: researchers by ORCID, else by name and institution (never by name alone). */
export type UnitKey = 'institution' | 'organisation' | 'country' | 'orcid' | 'name+institution'

type Level = Pick<SearchExpertsOptions, 'kind' | 'rollUp'>

/** A unit a work counts for: an institution or organisation, a researcher, a country. */
export interface Unit {
  readonly id: string
  readonly label: string
  readonly key: UnitKey
  readonly ror: string | null
  readonly country: string | null
  readonly type: string | null
  /** An author's institution (name), else `null`. */
  readonly institution: string | null
}

/**
 * The units of a work at a level, each once. `known` holds one object per distinct unit across all works, so a
 * query touching most of a million works makes one object per unit, not one per unit and work.
 */
function unitsOfWork(corpus: SearchCorpus, workId: number, o: Level, known: Map<string, Unit>): Unit[] {
  const out = new Map<string, Unit>()
  const once = (unit: Unit): Unit => {
    // The same id may come with another name or country on another work (an ORCID): share only exact equals.
    const all = `${unit.id}\u0000${unit.label}\u0000${unit.country}\u0000${unit.type}\u0000${unit.institution}`
    const same = known.get(all)
    if (same) return same
    known.set(all, unit)
    return unit
  }
  const institution = (key: string | null) => (key === null ? undefined : corpus.institutions.get(key))
  switch (o.kind) {
    case 'institution':
      for (const own of corpus.workInstitutions.get(workId) ?? []) {
        const key = o.rollUp ? (institution(own)?.top ?? own) : own
        const i = institution(key)
        const unit: Unit = {
          id: key,
          label: i?.name ?? key,
          key: o.rollUp ? 'organisation' : 'institution',
          ror: i?.ror ?? null,
          country: i?.country ?? null,
          type: i?.type ?? null,
          institution: null,
        }
        if (!out.has(key)) out.set(key, once(unit))
      }
      break
    case 'author':
      for (const a of corpus.workAuthors.get(workId) ?? []) {
        const i = institution(a.institution)
        const id = a.orcid ? `orcid:${a.orcid}` : `name:${a.name}|${a.institution ?? ''}`
        const unit: Unit = {
          id,
          label: a.name,
          key: a.orcid ? 'orcid' : 'name+institution',
          ror: null,
          country: a.country ?? i?.country ?? null,
          type: i?.type ?? null,
          institution: i?.name ?? a.institution,
        }
        if (!out.has(id)) out.set(id, once(unit))
      }
      break
    case 'country':
      for (const c of corpus.workCountries.get(workId) ?? [])
        out.set(c, {
          id: c,
          label: countryName(c),
          key: 'country',
          ror: null,
          country: c,
          type: null,
          institution: null,
        })
      break
  }
  return [...out.values()]
}

/** Each index's units per level and work, made on first use: a query touches thousands of works. */
const CACHE = new WeakMap<
  ExpertiseIndex,
  Map<string, { works: Map<number, readonly Unit[]>; units: Map<string, Unit> }>
>()

/** The units of a work at the options' level, after their country and type filters. */
export function unitsOf(index: ExpertiseIndex, workId: number, o: SearchExpertsOptions): readonly Unit[] {
  let levels = CACHE.get(index)
  if (!levels) CACHE.set(index, (levels = new Map()))
  const level = `${o.kind}:${o.rollUp}`
  let cached = levels.get(level)
  if (!cached) levels.set(level, (cached = { works: new Map(), units: new Map() }))
  let units = cached.works.get(workId)
  if (!units) cached.works.set(workId, (units = unitsOfWork(index.corpus, workId, o, cached.units)))
  if (o.country === null && o.type === null) return units
  return units.filter(
    (u) => (o.country === null || u.country === o.country) && (o.type === null || u.type === o.type),
  )
}
