import { formatNumber, formatPercent } from '../i18n/i18n.js'

/** Country indicators the map can show, with how their `value` reads. */
export const MAP_INDICATORS = [
  { id: 'international-share', kind: 'share' },
  { id: 'output', kind: 'count' },
  { id: 'leadership', kind: 'share' },
  { id: 'partners', kind: 'count' },
  { id: 'corresponding-author-countries', kind: 'count' },
] as const

export type MapIndicatorId = (typeof MAP_INDICATORS)[number]['id']

/** The counting methods each indicator offers (the catalogue says the same; this avoids a round trip). */
export const COUNTINGS: Readonly<Record<string, readonly string[]>> = {
  output: ['full', 'fractional'],
  'international-share': ['full'],
  'collaboration-types': ['full'],
  leadership: ['full'],
  partners: ['full'],
  'bilateral-matrix': ['full'],
  'corresponding-author-countries': ['corresponding-author'],
}

/** Format an indicator value the way the map, table and tooltip show it. */
export function formatValue(id: string, value: number | null | undefined): string {
  const kind = MAP_INDICATORS.find((m) => m.id === id)?.kind ?? 'count'
  return kind === 'share' ? formatPercent(value) : formatNumber(value)
}
