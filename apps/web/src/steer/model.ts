import type { Milestone, Programme, ProgrammeSummary } from '../api/steer-types.js'

/** The list's filters, as the URL hash holds them (`''` = any). */
export interface ProgrammeFilters {
  readonly q: string
  readonly status: string
  readonly kind: string
  readonly instrument: string
  readonly theme: string
  readonly country: string
}

export const FILTER_KEYS = ['q', 'status', 'kind', 'instrument', 'theme', 'country'] as const

/** The filters named by the URL parameters. */
export const filtersOf = (params: Readonly<Record<string, string>>): ProgrammeFilters => ({
  q: params.q ?? '',
  status: params.status ?? '',
  kind: params.kind ?? '',
  instrument: params.instrument ?? '',
  theme: params.theme ?? '',
  country: params.country ?? '',
})

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()

/**
 * The programmes that pass every filter. Themes and instrument types are only in the full records
 * (`details`); a programme whose record is not loaded passes those two filters only when they are unset.
 */
export function filterProgrammes(
  programmes: readonly ProgrammeSummary[],
  details: ReadonlyMap<number, Programme>,
  filters: ProgrammeFilters,
): ProgrammeSummary[] {
  const words = fold(filters.q).split(/\s+/).filter(Boolean)
  return programmes.filter((p) => {
    const full = details.get(p.id)
    if (filters.status && p.status !== filters.status) return false
    if (filters.kind && p.kind !== filters.kind) return false
    if (
      filters.country &&
      !p.countries.includes(filters.country) &&
      !p.partnerCountries.includes(filters.country)
    )
      return false
    if (filters.theme && !full?.themes.includes(filters.theme)) return false
    if (filters.instrument && !full?.instrumentTypes.includes(filters.instrument)) return false
    if (words.length > 0) {
      const text = fold(
        [p.title, p.externalId ?? '', full?.description ?? '', ...(full?.themes ?? [])].join(' '),
      )
      if (!words.every((w) => text.includes(w))) return false
    }
    return true
  })
}

/** The distinct values of one list field over the programmes, sorted. */
export function facet(programmes: Iterable<Programme>, field: (p: Programme) => readonly string[]): string[] {
  const values = new Set<string>()
  for (const p of programmes) for (const v of field(p)) values.add(v)
  return [...values].sort((a, b) => a.localeCompare(b))
}

/** A milestone is late when it says so, or when its due date has passed and it is neither done nor dropped. */
export const isLate = (milestone: Pick<Milestone, 'status' | 'dueDate'>, today: string): boolean =>
  milestone.status === 'late' ||
  ((milestone.status === 'planned' || milestone.status === 'in-progress') && milestone.dueDate < today)

/** Today as `YYYY-MM-DD` in UTC (due dates are calendar dates). */
export const todayIso = (now: Date = new Date()): string => now.toISOString().slice(0, 10)

/** `"a, b;c"` as `['a', 'b', 'c']`; `upper` for country codes. */
export function splitList(text: string, upper = false): string[] {
  const items = text
    .split(/[,;，、]/)
    .map((s) => s.trim())
    .filter(Boolean)
  return [...new Set(upper ? items.map((s) => s.toUpperCase()) : items)]
}
